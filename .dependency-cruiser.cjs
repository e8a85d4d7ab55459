// The layering, checked by `npm run lint:deps` (part of `npm test`); apps/api/test/layering.test.ts
// proves each rule fails on a bad import.
const path = require('node:path');

const api = '^apps/api/src/';
const wiring = `${api}(graphql/|cli/|(main|server|orm)\\.ts$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'kit-is-a-kit',
      comment:
        'The GraphQL kit serves every module, so it knows none of them, nor the app wiring, the database or the seed.',
      severity: 'error',
      from: { path: `${api}kit/` },
      to: { path: [`${api}modules/`, wiring, `${api}db/`, `${api}seed/`] },
    },
    {
      name: 'modules-know-no-wiring',
      comment: 'graphql/, main, server, orm and cli/ wire the modules into the app; never the other way round.',
      severity: 'error',
      from: { path: `${api}modules/` },
      to: { path: [wiring, `${api}seed/`] },
    },
    {
      name: 'shared-is-a-leaf',
      comment: 'shared/ is the bottom layer: it imports nothing else of the app.',
      severity: 'error',
      from: { path: `${api}shared/` },
      to: { path: api, pathNot: `${api}shared/` },
    },
    {
      name: 'config-is-a-leaf',
      comment: 'config/ reads the environment; it may use shared/ and nothing else of the app.',
      severity: 'error',
      from: { path: `${api}config/` },
      to: { path: api, pathNot: `${api}(config|shared)/` },
    },
    {
      name: 'db-is-a-leaf',
      comment: 'db/ is the database plumbing: it may use shared/ and config/, never a module, the seed or the wiring.',
      severity: 'error',
      from: { path: `${api}db/` },
      to: { path: api, pathNot: `${api}(db|shared|config)/` },
    },
    {
      name: 'packages-know-no-app',
      comment: 'Packages are shared by the apps; they never import an app, the benchmark or the e2e suite.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^(apps|bench|e2e)/' },
    },
    {
      name: 'apps-are-separate',
      comment: 'Apps never import each other; what they share lives in packages/.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle (type imports included) makes files one unit that no folder shows.',
      severity: 'error',
      from: { pathNot: '^apps/portal/' },
      to: { circular: true },
    },
    {
      name: 'no-runtime-circular-portal',
      comment:
        "The portal's Remix idiom `import type { loader } from '../root'` (useRouteLoaderData<typeof loader>) is a type-only cycle; runtime cycles are still refused.",
      severity: 'error',
      from: { path: '^apps/portal/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'resolvable',
      comment: 'An import the cruiser cannot resolve would slip past every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '/dist/', '/build/', '\\.data/', '/generated/', '/bench-results/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: path.join(__dirname, 'tsconfig.base.json') },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
