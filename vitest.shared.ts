import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * graphql 16 ships ESM and CJS builds without an exports map: Node (and so type-graphql and
 * Apollo) load the CJS one, Vite would pick the ESM one. One realm, or instanceof checks fail.
 */
export const oneGraphqlRealm = [{ find: /^graphql$/, replacement: require.resolve('graphql') }];
