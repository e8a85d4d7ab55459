import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const portal = path.join(root, 'apps/portal');

function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

/** The browser tests run the built portal, as production does; built once per run, when sources changed. */
export default function setup() {
  const built = path.join(portal, 'build/server/index.js');
  const sources = Math.max(
    newest(path.join(portal, 'app')),
    statSync(path.join(portal, 'vite.config.ts')).mtimeMs,
    ...['bankid', 'api-token', 'care-values', 'consent-scopes', 'personnummer'].map((p) =>
      newest(path.join(root, 'packages', p, 'src')),
    ),
  );
  if (existsSync(built) && statSync(built).mtimeMs > sources) return;
  const result = spawnSync('npm', ['run', 'build', '-w', '@spindeln/portal'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the portal did not build');
}
