import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const INDEX = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/index.ts')).href;

/** A process that loaded this package, run for real (the exit code is what CI sees). */
function run(script: string) {
  return spawnSync(
    process.execPath,
    ['--import', pathToFileURL(require.resolve('tsx')).href, '--input-type=module', '-e', script],
    {
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
}

describe('a process that loads dev-postgres', () => {
  it('keeps its own exit code (a test run with failures must not pass)', () => {
    // Loaded twice, as Vitest's projects each load it.
    const r = run(
      `await import(${JSON.stringify(INDEX)}); await import(${JSON.stringify(`${INDEX}?again`)}); process.exitCode = 3;`,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(3);
  });

  it('runs its own signal handlers to the end', () => {
    const r = run(
      `await import(${JSON.stringify(INDEX)});
       process.on('SIGTERM', () => setTimeout(() => { console.log('stopped in order'); process.exit(4); }, 200));
       setTimeout(() => {}, 10_000);
       process.kill(process.pid, 'SIGTERM');`,
    );
    expect(r.stdout.trim()).toBe('stopped in order');
    expect(r.status).toBe(4);
  });
});
