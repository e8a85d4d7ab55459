import { PERSONAS } from '@spindeln/demo-personas';
import { describe, expect, it } from 'vitest';
import { startApi } from './support/api';
import { useDatabase } from './support/database';
import { loadDemo } from './support/world';

const db = useDatabase();

const QUERY = `query($mine: Boolean!, $first: Int) {
  viewer { clients(first: $first, assignedToMe: $mine) { totalCount edges { node { givenName myAccess { relations } } } } }
}`;

type Clients = {
  viewer: {
    clients: { totalCount: number; edges: { node: { givenName: string; myAccess: { relations: string[] } } }[] };
  };
};

describe('viewer.clients(assignedToMe)', () => {
  it('lists only the clients the staff member is contact or deputy for today, counted and paged as such', async () => {
    await loadDemo(db.em());
    const api = await startApi(db.orm);
    try {
      const ask = async (persona: keyof typeof PERSONAS, mine: boolean, first = 50) => {
        const res = await api.gql<Clients>(QUERY, { mine, first }, PERSONAS[persona].personnummer);
        expect(res.errors).toBeUndefined();
        return res.data!.viewer.clients;
      };
      const all = await ask('anna', false);
      const mine = await ask('anna', true);
      // Anna's team has more clients than the ones she is contact or deputy for.
      expect(all.totalCount).toBeGreaterThan(mine.totalCount);
      expect(mine.totalCount).toBeGreaterThan(0);
      expect(mine.edges.map((e) => e.node.givenName)).toContain('Elsa');
      expect(mine.edges.every((e) => e.node.myAccess.relations.includes('ASSIGNED'))).toBe(true);
      expect(all.edges.filter((e) => e.node.myAccess.relations.includes('ASSIGNED')).length).toBe(mine.totalCount);
      // The count is of the filtered list, not of a page of the whole one.
      const firstOnly = await ask('anna', true, 1);
      expect(firstOnly.totalCount).toBe(mine.totalCount);
      expect(firstOnly.edges).toHaveLength(1);
      // A relative is no one's contact: nothing, and without it their consented clients as before.
      expect((await ask('maria', true)).totalCount).toBe(0);
      expect((await ask('maria', false)).edges.map((e) => e.node.givenName)).toContain('Elsa');
    } finally {
      await api.stop();
    }
  });
});
