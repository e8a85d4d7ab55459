// Starts every part for development: the API (with its embedded PostgreSQL and demo data) and the
// BankID simulator. Output is prefixed per part; Ctrl-C, SIGTERM or SIGHUP stops them all; if one
// part fails, all stop; if this process is killed outright, the parts notice and stop themselves.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The parts, each one `node` process of its own, started without a shell (a shell or the tsx CLI
 * in between would take the signal and leave the part running). `entry` is run by Node with tsx's
 * loader, relative to `cwd`, and `args` follow it; a part that is a CLI gives that file as `entry`.
 * Adding a part (the portal) is one line here; it then stops with the rest, whichever way.
 */
const PARTS = [
  { name: 'api', cwd: 'apps/api', entry: 'src/main.ts' },
  { name: 'bankid-sim', cwd: 'apps/bankid-sim', entry: 'src/main.ts' },
  { name: 'portal', cwd: 'apps/portal', entry: 'server.ts' },
];

/** How long a part may take to stop before it is killed; the API stops PostgreSQL in this time. */
const STOP_GRACE_MS = 15_000;

const nodeArgs = (part) => [
  '--import',
  import.meta.resolve('tsx'),
  // Makes the part stop as on SIGTERM when this process is gone (see exit-with-parent.mjs).
  '--import',
  import.meta.resolve('./exit-with-parent.mjs'),
  part.entry,
  ...(part.args ?? []),
];

const children = [];
let stopping = false;

function prefixLines(name, stream, out) {
  let buffered = '';
  stream.on('data', (chunk) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop();
    for (const line of lines) out.write(`[${name}] ${line}\n`);
  });
  stream.on('end', () => {
    if (buffered) out.write(`[${name}] ${buffered}\n`);
  });
}

const running = (child) => child.exitCode === null && child.signalCode === null;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  const left = children.filter(running);
  for (const child of left) child.kill('SIGTERM');
  const killer = setTimeout(() => {
    for (const child of children.filter(running)) {
      console.error(`[start] ${child.partName} did not stop in ${STOP_GRACE_MS / 1000} s; killing it`);
      child.kill('SIGKILL');
    }
  }, STOP_GRACE_MS);
  Promise.all(left.map((c) => new Promise((resolve) => (running(c) ? c.once('exit', resolve) : resolve())))).then(
    () => {
      clearTimeout(killer);
      process.exit(code);
    },
  );
}

for (const part of PARTS) {
  const child = spawn(process.execPath, nodeArgs(part), {
    cwd: path.join(ROOT, part.cwd),
    // The IPC channel is how a part learns that this process is gone, even after a SIGKILL.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // The parts write to a pipe (prefixed here): ask the API for pretty lines when a person watches.
    env: process.stdout.isTTY && !process.env.LOG_FORMAT ? { ...process.env, LOG_FORMAT: 'pretty' } : process.env,
  });
  child.partName = part.name;
  children.push(child);
  prefixLines(part.name, child.stdout, process.stdout);
  prefixLines(part.name, child.stderr, process.stderr);
  child.on('error', (error) => {
    console.error(`[start] ${part.name} could not start: ${error.message}`);
    stopAll(1);
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${part.name} stopped (${signal ?? `exit ${code}`}); stopping the rest`);
      stopAll(code || 1);
    }
  });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAll(0));
