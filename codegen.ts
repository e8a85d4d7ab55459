import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * One target per consumer: the portal's operations, typed against the API's committed schema.
 * `npm run codegen -w @spindeln/portal` rewrites the output; a test fails when it is stale.
 */
const config: CodegenConfig = {
  schema: 'apps/api/schema.graphql',
  documents: ['apps/portal/app/**/*.server.ts'],
  ignoreNoDocuments: false,
  generates: {
    'apps/portal/app/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', LocalDate: 'string' },
        strictScalars: true,
      },
    },
  },
};

export default config;
