import { PERSONAS } from '@spindeln/demo-personas';
import { describe, expect, it } from 'vitest';
import { startApi } from './support/api';
import { useDatabase } from './support/database';
import { loadDemo } from './support/world';

const db = useDatabase();

describe('audit through the API', () => {
  it('shows the client who looked at their information, and the unit’s coordinator the follow-up log', async () => {
    const w = await loadDemo(db.em());
    const api = await startApi(db.orm);
    try {
      const elsa = w.clients.elsa.id;
      await api.gql(
        `query($id: ID!) { client(id: $id) { fixedContact { workMobile } } }`,
        { id: elsa },
        PERSONAS.maria.personnummer,
      );
      await api.gql(`query($id: ID!) { client(id: $id) { givenName } }`, { id: elsa }, PERSONAS.karin.personnummer);

      const log = await api.gql<{
        client: { accessLog: { edges: { node: { action: string; outcome: string; actorName: string } }[] } };
      }>(
        `query($id: ID!) { client(id: $id) { accessLog(first: 50) { totalCount edges { node { action outcome actorName actorIsStaff at } } } } }`,
        { id: elsa },
        PERSONAS.elsa.personnummer,
      );
      const entries = log.data!.client.accessLog.edges.map((e) => e.node);
      expect(entries).toContainEqual(
        expect.objectContaining({ action: 'read.contact_details', outcome: 'ALLOWED', actorName: 'Maria Andersson' }),
      );
      expect(entries).toContainEqual(
        expect.objectContaining({ action: 'read.client', outcome: 'DENIED', actorName: 'Karin Holm' }),
      );

      const unit = `query($denied: Boolean!) { viewer { unitAuditLog(first: 50, deniedOnly: $denied) { totalCount edges { node { clientId action outcome actorName } } } } }`;
      const lena = await api.gql<{
        viewer: { unitAuditLog: { edges: { node: { clientId: string; outcome: string } }[] } };
      }>(unit, { denied: true }, PERSONAS.lena.personnummer);
      const denied = lena.data!.viewer.unitAuditLog.edges.map((e) => e.node);
      expect(denied.length).toBeGreaterThan(0);
      expect(denied.every((e) => e.outcome === 'DENIED' && e.clientId === elsa)).toBe(true);

      // Another unit's coordinator sees none of it; staff and relatives have no such log.
      const olof = await api.gql(unit, { denied: false }, PERSONAS.olof.personnummer);
      expect(olof.raw).not.toContain(elsa);
      for (const who of [PERSONAS.anna, PERSONAS.maria]) {
        const res = await api.gql(unit, { denied: false }, who.personnummer);
        expect(res.data).toEqual({ viewer: { unitAuditLog: null } });
        expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    } finally {
      await api.stop();
    }
  });

  it('lets a relative find and accept a consent given to them', async () => {
    const w = await loadDemo(db.em());
    const api = await startApi(db.orm);
    try {
      const [link] = await db.sql<{ id: string }>(
        `SELECT l.id FROM relative_link l JOIN person p ON p.id = l.person_id WHERE p.personnummer = ?`,
        [PERSONAS.karin.personnummer],
      );
      const grant = await api.gql<{ grantConsent: { consentId: string } }>(
        `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { consentId error { code } } }`,
        { input: { relativeId: link!.id, scopes: ['VIEW_CONTACT'], secrecyWaiver: true, dataProcessing: true } },
        PERSONAS.elsa.personnummer,
      );
      const pending = await api.gql(
        `{ viewer { consentsToAccept { consentId clientName scopes } } }`,
        {},
        PERSONAS.karin.personnummer,
      );
      expect(pending.data).toEqual({
        viewer: {
          consentsToAccept: [
            { consentId: grant.data!.grantConsent.consentId, clientName: 'Elsa Andersson', scopes: ['VIEW_CONTACT'] },
          ],
        },
      });
      // Nobody else sees Karin's invitation.
      const other = await api.gql(`{ viewer { consentsToAccept { consentId } } }`, {}, PERSONAS.maria.personnummer);
      expect(other.data).toEqual({ viewer: { consentsToAccept: [] } });
      expect(w.clients.elsa.id).toBeTruthy();
    } finally {
      await api.stop();
    }
  });
});

describe('production mode', () => {
  it('has no introspection and no sandbox page; development has both', async () => {
    const prod = await startApi(db.orm, { production: true });
    const dev = await startApi(db.orm);
    try {
      const introspect = `{ __schema { types { name } } }`;
      const p = await prod.gql(introspect);
      expect(p.status).toBe(400);
      expect(p.raw).toMatch(/introspection/i);
      expect((await dev.gql(introspect)).status).toBe(200);
      const page = async (url: string) => (await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } })).text();
      expect(await page(dev.url)).toMatch(/sandbox|embeddable/i);
      expect(await page(prod.url)).not.toMatch(/sandbox|embeddable/i);
    } finally {
      await prod.stop();
      await dev.stop();
    }
  });
});
