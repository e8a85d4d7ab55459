import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { say } from '../shared/terminal';
import { printSdl } from './schema';

/** Writes apps/api/schema.graphql; a test fails when the committed file is out of date. */
export const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema.graphql');

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await writeFile(SCHEMA_FILE, await printSdl());
  say(`wrote ${SCHEMA_FILE}`);
}
