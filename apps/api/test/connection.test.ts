import { PERSONAS } from '@spindeln/demo-personas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from './support/api';
import { useDatabase } from './support/database';
import { loadDemo } from './support/world';

/** The API's opaque cursor for the item at an offset (kit/connection.ts). */
const cursorAt = (index: number) => Buffer.from(`o:${index}`, 'utf8').toString('base64url');

const db = useDatabase({ shared: true });
let api: TestApi;
let w: Awaited<ReturnType<typeof loadDemo>>;

beforeAll(async () => {
  w = await loadDemo(db.em());
  api = await startApi(db.orm);
});
afterAll(async () => {
  await api.stop();
});

/** Every connection of the schema, with who may read it. */
/** `grows`: an audit log, which every read (this test's too) makes longer. */
const CONNECTIONS: {
  name: string;
  grows?: boolean;
  as: () => { personnummer: string };
  query: (page: string) => string;
}[] = [
  {
    name: 'viewer.clients',
    as: () => PERSONAS.lena,
    query: (page: string) => `{ viewer { clients(${page}) { __C } } }`,
  },
  { name: 'viewer.inbox', as: () => PERSONAS.anna, query: (page: string) => `{ viewer { inbox(${page}) { __C } } }` },
  {
    name: 'client.conversation',
    as: () => PERSONAS.elsa,
    query: (page: string) => `{ client(id: "${w.clients.elsa.id}") { conversation(${page}) { __C } } }`,
  },
  {
    name: 'client.accessLog',
    grows: true,
    as: () => PERSONAS.elsa,
    query: (page: string) => `{ client(id: "${w.clients.elsa.id}") { accessLog(${page}) { __C } } }`,
  },
  // Last: the reads above are in the unit's log by then.
  {
    name: 'viewer.unitAuditLog',
    grows: true,
    as: () => PERSONAS.lena,
    query: (page: string) => `{ viewer { unitAuditLog(${page}) { __C } } }`,
  },
];

const SHAPE = 'totalCount edges { cursor } pageInfo { hasNextPage endCursor }';
type Page = { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean } };
const pageOf = (data: unknown): Page => {
  const root = data as Record<string, Record<string, Page>>;
  const parent = root.viewer ?? root.client!;
  return Object.values(parent)[0]!;
};

describe('connections', () => {
  it('report the total on every page, a page past the end included', async () => {
    for (const c of CONNECTIONS) {
      const first = await api.gql(c.query('first: 2').replace('__C', SHAPE), {}, c.as().personnummer);
      expect(first.errors, c.name).toBeUndefined();
      const total = pageOf(first.data).totalCount;
      expect(total, c.name).toBeGreaterThan(0);
      for (const offset of [total - 1, total + 10, 999_999_999]) {
        const later = await api.gql(
          c.query(`first: 2, after: "${cursorAt(offset)}"`).replace('__C', SHAPE),
          {},
          c.as().personnummer,
        );
        const page = pageOf(later.data);
        console.log(
          `${c.name}: after ${offset} of ${total}: totalCount ${page.totalCount}, ${page.edges.length} edges`,
        );
        if (c.grows) expect(page.totalCount, `${c.name} after ${offset}`).toBeGreaterThanOrEqual(total);
        else expect(page.totalCount, `${c.name} after ${offset}`).toBe(total);
        if (offset >= total + 10) expect(page.edges).toHaveLength(0);
        expect(page.pageInfo.hasNextPage).toBe(false);
      }
    }
  });
});
