import { loadSimulatorConfig, SimulatorConfigError } from './config';
import { createSimulator } from './simulator';

async function main() {
  const config = loadSimulatorConfig();
  const sim = await createSimulator(config);
  await sim.listen();
  console.log(`${config.issuer} (claim ${config.claim}; client ${config.BANKID_SIM_CLIENT_ID})`);
  const stop = () => void sim.stop().then(() => process.exit(0));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof SimulatorConfigError ? error.message : error);
  process.exit(1);
});
