import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('generated GraphQL code', () => {
  it('is what codegen.ts makes from the committed schema and the operations (npm run codegen -w @spindeln/portal)', async () => {
    const outputs = (await generate({ ...config, cwd: root, silent: true }, false)) as {
      filename: string;
      content: string;
    }[];
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const onDisk = await readFile(path.resolve(root, output.filename), 'utf8').catch(() => '(missing)');
      expect(onDisk, `${output.filename} is stale: run npm run codegen -w @spindeln/portal`).toBe(output.content);
    }
  });

  it('names every operation <Route>_<Purpose>', async () => {
    const gql = await readFile(path.join(root, 'apps/portal/app/graphql/generated/graphql.ts'), 'utf8');
    const operations = [
      ...gql.matchAll(/"kind":"OperationDefinition","operation":"\w+","name":\{"kind":"Name","value":"(\w+)"\}/g),
    ].map((m) => m[1]!);
    expect(operations.length).toBeGreaterThan(10);
    for (const op of operations) expect(op).toMatch(/^[A-Z][A-Za-z]+_[A-Z][A-Za-z]+$/);
  });
});
