// Starts every part for development: the API (with its embedded PostgreSQL and demo data) and the
// BankID simulator. Output is prefixed per part; Ctrl-C stops them all; if one fails, all stop.
import { spawn } from 'node:child_process';

const PARTS = [
  { name: 'api', workspace: '@spindeln/api' },
  { name: 'bankid-sim', workspace: '@spindeln/bankid-sim' },
];

const children = [];
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null))).then(() =>
    process.exit(code),
  );
}

for (const part of PARTS) {
  const child = spawn('npm', ['run', '--silent', 'start', '-w', part.workspace], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  });
  children.push(child);
  const prefix = (stream, out) => {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) out.write(`[${part.name}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`[start] ${part.name} stopped (exit ${code}); stopping the rest`);
      stopAll(code || 1);
    }
  });
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
