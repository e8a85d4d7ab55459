import { describe, expect, it } from 'vitest';
import { addMessage, createClient, createRelative, createStaff, createUnit } from '../src/seed/factories';
import { startApi } from './support/api';
import { useDatabase } from './support/database';
import { loadDemo } from './support/world';

const db = useDatabase();

/** The portal's main query for a relative: every client they may see, with who to contact. */
export const OVERVIEW = `query RelativeOverview {
  viewer {
    givenName
    clients(first: 50) {
      totalCount
      edges { node {
        id givenName familyName
        myAccess { relations scopes }
        fixedContact { givenName familyName title workMobile workingHours { weekday start end } away { lastDay } }
        deputy { givenName familyName title workMobile }
        contactNow { reason primaryAwayUntil teamName teamPhone contact { givenName familyName workMobile } }
        phoneList { kind name number }
      } }
    }
  }
}`;

describe('SQL statements per request', () => {
  it('are the same for a relative of one client and of ten', async () => {
    const w = await loadDemo(db.em());
    const team = w.centrum.teams[0]!;
    const one = await createRelative(db.em(), {
      client: w.clients.elsa,
      givenName: 'En',
      familyName: 'Klient',
      scopes: ['VIEW_CONTACT', 'VIEW_CONTACT_DETAILS'],
    });
    const tenPerson = await createRelative(db.em(), {
      client: w.clients.elsa,
      givenName: 'Tio',
      familyName: 'Klienter',
      scopes: ['VIEW_CONTACT', 'VIEW_CONTACT_DETAILS'],
    });
    for (let i = 0; i < 9; i++) {
      const client = await createClient(db.em(), { team, givenName: `Klient${i}`, familyName: 'Test' });
      await createRelative(db.em(), {
        client,
        givenName: 'Tio',
        familyName: 'Klienter',
        personnummer: tenPerson.person.personnummer,
        scopes: ['VIEW_CONTACT', 'VIEW_CONTACT_DETAILS'],
      }).catch(async () => {
        // The person exists: link them directly.
        await db.sql(
          `INSERT INTO relative_link (client_id, person_id, given_name, family_name, relationship) VALUES (?, ?, 'Tio', 'Klienter', 'CHILD')`,
          [client.id, tenPerson.person.id],
        );
        await db.sql(
          `INSERT INTO consent (relative_link_id, scopes, secrecy_waiver, data_processing, given_via, relative_accepted_at)
           SELECT id, '{VIEW_CONTACT,VIEW_CONTACT_DETAILS}', true, true, 'PORTAL', now() FROM relative_link WHERE client_id = ? AND person_id = ?`,
          [client.id, tenPerson.person.id],
        );
      });
    }
    const api = await startApi(db.orm);
    try {
      const forOne = await api.gql<{ viewer: { clients: { totalCount: number } } }>(
        OVERVIEW,
        {},
        one.person.personnummer,
      );
      const forTen = await api.gql<{ viewer: { clients: { totalCount: number } } }>(
        OVERVIEW,
        {},
        tenPerson.person.personnummer,
      );
      expect(forOne.errors).toBeUndefined();
      expect(forTen.errors).toBeUndefined();
      expect(forOne.data!.viewer.clients.totalCount).toBe(1);
      expect(forTen.data!.viewer.clients.totalCount).toBe(10);
      const statements = [forOne, forTen].map((r) => Number(r.headers.get('x-sql-statements')));
      // The rate limit's counter, the viewer, the visible clients with their standing, who to
      // contact, the audit: five.
      expect(statements).toEqual([5, 5]);
    } finally {
      await api.stop();
    }
  });

  it('are the same for a staff inbox of one conversation and of twenty, last messages included', async () => {
    const em = db.em();
    const inboxOf = async (name: string, clients: number) => {
      const unit = await createUnit(em, { groupName: `Grupp ${name}`, groupPhone: '08-100 00 00', teams: [{ name }] });
      const staff = await createStaff(em, {
        unit: unit.group,
        teams: unit.teams,
        givenName: name,
        familyName: 'Personal',
      });
      for (let i = 0; i < clients; i++) {
        const client = await createClient(em, { team: unit.teams[0]!, givenName: `${name}${i}`, familyName: 'Klient' });
        await addMessage(em, { client, author: client.person, authorRole: 'CLIENT', body: `Hej ${i}` });
      }
      return staff.person.personnummer;
    };
    const [one, twenty] = [await inboxOf('Ett', 1), await inboxOf('Tjugo', 20)];
    const INBOX = `{ viewer { inbox(first: 20) { totalCount edges { node { unanswered waitingSince
      client { id givenName familyName } lastMessage { body sentAt authorName } } } } } }`;
    const api = await startApi(db.orm);
    try {
      type Inbox = { viewer: { inbox: { totalCount: number; edges: { node: { lastMessage: { body: string } } }[] } } };
      const results = [await api.gql<Inbox>(INBOX, {}, one), await api.gql<Inbox>(INBOX, {}, twenty)];
      for (const r of results) expect(r.errors).toBeUndefined();
      expect(results.map((r) => r.data!.viewer.inbox.edges.length)).toEqual([1, 20]);
      for (const r of results) {
        for (const e of r.data!.viewer.inbox.edges) expect(e.node.lastMessage.body).toMatch(/^Hej \d+$/);
      }
      const statements = results.map((r) => Number(r.headers.get('x-sql-statements')));
      console.log(`inbox statements: 1 conversation ${statements[0]}, 20 conversations ${statements[1]}`);
      expect(statements[1]).toBe(statements[0]);
    } finally {
      await api.stop();
    }
  });
});
