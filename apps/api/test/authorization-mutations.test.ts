import { CONSENT_SCOPES } from '@spindeln/consent-scopes';
import { PERSONAS } from '@spindeln/demo-personas';
import { describe, expect, it } from 'vitest';
import { startApi } from './support/api';
import { useDatabase } from './support/database';
import { loadMatrixWorld, type MatrixPersona } from './support/personas';

const db = useDatabase();

type World = Awaited<ReturnType<typeof loadMatrixWorld>>;

const ALL: MatrixPersona[] = [
  'client',
  'relative VIEW_CONTACT',
  'relative VIEW_CONTACT_DETAILS',
  'relative SEND_MESSAGES',
  'relative READ_CONVERSATION',
  'relative all scopes',
  'relative revoked',
  'relative expired',
  'relative no consent',
  'staff contact',
  'staff on team',
  'staff other team',
  'coordinator of unit',
  'coordinator other unit',
  'unknown person',
  'no token',
];

const one = async <T>(query: string, params: unknown[] = []) => (await db.sql<T>(query, params))[0]!;
const personId = async (personnummer: string) =>
  (await one<{ id: string }>(`SELECT id FROM person WHERE personnummer = ?`, [personnummer])).id;
const currentConsentOf = async (personnummer: string) =>
  (
    await one<{ id: string }>(
      `SELECT c.id FROM consent c JOIN relative_link l ON l.id = c.relative_link_id JOIN person p ON p.id = l.person_id
        WHERE p.personnummer = ? AND c.ended_at IS NULL`,
      [personnummer],
    )
  ).id;
const linkOf = async (personnummer: string) =>
  (
    await one<{ id: string }>(
      `SELECT l.id FROM relative_link l JOIN person p ON p.id = l.person_id WHERE p.personnummer = ?`,
      [personnummer],
    )
  ).id;

let serial = 0;

/** Each mutation, its input (built fresh for every attempt), its audit action and who may run it. */
const MUTATIONS: {
  name: string;
  action: string;
  document: string;
  variables: (w: World, persona: MatrixPersona) => Promise<Record<string, unknown>>;
  allowed: MatrixPersona[];
  setup?: (w: World) => Promise<void>;
}[] = [
  {
    name: 'sendMessage',
    action: 'message.post',
    document: 'mutation($input: SendMessageInput!) { sendMessage(input: $input) { messageId error { code rule } } }',
    variables: async (w) => ({
      input: { clientId: w.clients.elsa.id, body: 'Hej från testet', idempotencyKey: `matrix-key-${serial++}` },
    }),
    allowed: [
      'client',
      'relative SEND_MESSAGES',
      'relative all scopes',
      'staff contact',
      'staff on team',
      'coordinator of unit',
    ],
  },
  {
    name: 'markMessage',
    action: 'message.mark',
    document: 'mutation($input: MarkMessageInput!) { markMessage(input: $input) { messageId error { code rule } } }',
    variables: async (w) => ({
      input: {
        messageId: (
          await one<{ id: string }>(
            `SELECT m.id FROM message m JOIN conversation c ON c.id = m.conversation_id
              WHERE c.client_id = ? AND m.author_role <> 'STAFF' ORDER BY m.created_at LIMIT 1`,
            [w.clients.elsa.id],
          )
        ).id,
        state: 'READ',
      },
    }),
    allowed: ['staff contact', 'staff on team', 'coordinator of unit'],
  },
  {
    name: 'addRelative',
    action: 'relative.add',
    document: 'mutation($input: AddRelativeInput!) { addRelative(input: $input) { relativeId error { code rule } } }',
    variables: async (w) => {
      const { makeTestPersonnummer } = await import('@spindeln/personnummer');
      return {
        input: {
          clientId: w.clients.elsa.id,
          personnummer: makeTestPersonnummer('1980-01-01', 500 + serial++),
          givenName: 'Ny',
          familyName: 'Anhörig',
          relationship: 'FRIEND',
        },
      };
    },
    allowed: ['client', 'coordinator of unit'],
  },
  {
    name: 'grantConsent',
    action: 'consent.grant',
    document: 'mutation($input: GrantConsentInput!) { grantConsent(input: $input) { consentId error { code rule } } }',
    variables: async () => ({
      input: {
        relativeId: await linkOf(PERSONAS.karin.personnummer),
        scopes: ['VIEW_CONTACT'],
        secrecyWaiver: true,
        dataProcessing: true,
      },
    }),
    allowed: ['client'],
  },
  {
    name: 'recordInPersonConsent',
    action: 'consent.grant',
    document:
      'mutation($input: RecordInPersonConsentInput!) { recordInPersonConsent(input: $input) { consentId error { code rule } } }',
    variables: async () => ({
      input: {
        relativeId: await linkOf(PERSONAS.karin.personnummer),
        scopes: ['VIEW_CONTACT'],
        secrecyWaiver: true,
        dataProcessing: true,
        capacityNote: 'Förstod innebörden vid hembesök',
      },
    }),
    allowed: ['coordinator of unit'],
  },
  {
    name: 'changeConsent',
    action: 'consent.change',
    document:
      'mutation($input: ChangeConsentInput!) { changeConsent(input: $input) { consentId error { code rule } } }',
    variables: async (_w, persona) => ({
      input: {
        consentId: await currentConsentOf(PERSONAS.johan.personnummer),
        scopes: ['VIEW_CONTACT', 'VIEW_CONTACT_DETAILS'],
        // A coordinator acts only on the client's word in person, and says so.
        ...(persona === 'coordinator of unit' ? { capacityNote: 'Elsa bad om ändringen vid hembesök' } : {}),
      },
    }),
    allowed: ['client', 'coordinator of unit'],
  },
  {
    name: 'revokeConsent',
    action: 'consent.revoke',
    document:
      'mutation($id: ID!, $note: String) { revokeConsent(consentId: $id, note: $note) { consentId error { code rule } } }',
    variables: async (_w, persona) => ({
      id: await currentConsentOf(PERSONAS.johan.personnummer),
      note: persona === 'coordinator of unit' ? 'Elsa bad om det per telefon' : null,
    }),
    // The second allowed attempt revokes the consent granted again before it (createRelativeConsentAgain).
    allowed: ['client', 'coordinator of unit'],
  },
  {
    name: 'acceptConsent',
    action: 'consent.accept',
    document: 'mutation($id: ID!) { acceptConsent(consentId: $id) { consentId error { code rule } } }',
    setup: async () => {
      const link = await linkOf(PERSONAS.karin.personnummer);
      await db.sql(
        `INSERT INTO consent (relative_link_id, scopes, secrecy_waiver, data_processing, given_via) VALUES (?, '{VIEW_CONTACT}', true, true, 'PORTAL')`,
        [link],
      );
    },
    variables: async () => ({ id: await currentConsentOf(PERSONAS.karin.personnummer) }),
    allowed: ['relative no consent'],
  },
  {
    name: 'declineConsent',
    action: 'consent.decline',
    document: 'mutation($id: ID!) { declineConsent(consentId: $id) { consentId error { code rule } } }',
    setup: async () => {
      const link = await linkOf(PERSONAS.karin.personnummer);
      await db.sql(
        `INSERT INTO consent (relative_link_id, scopes, secrecy_waiver, data_processing, given_via) VALUES (?, '{VIEW_CONTACT}', true, true, 'PORTAL')`,
        [link],
      );
    },
    variables: async () => ({ id: await currentConsentOf(PERSONAS.karin.personnummer) }),
    allowed: ['relative no consent'],
  },
  {
    name: 'appointContact',
    action: 'contact.appoint',
    document:
      'mutation($input: AppointContactInput!) { appointContact(input: $input) { assignment { id } error { code rule } } }',
    variables: async (w) => ({
      input: {
        clientId: w.clients.elsa.id,
        staffId: w.staff.sara.id,
        role: 'DEPUTY',
        validFrom: '2027-01-01',
        reason: 'Byte',
      },
    }),
    allowed: ['coordinator of unit'],
  },
  {
    name: 'endContact',
    action: 'contact.end',
    document:
      'mutation($input: EndContactInput!) { endContact(input: $input) { assignment { id } error { code rule } } }',
    variables: async (w) => ({
      input: {
        assignmentId: (
          await one<{ id: string }>(`SELECT id FROM contact_assignment WHERE client_id = ? AND role = 'DEPUTY'`, [
            w.clients.elsa.id,
          ])
        ).id,
        validTo: '2027-02-01',
      },
    }),
    allowed: ['coordinator of unit'],
  },
  {
    name: 'recordOffer',
    action: 'offer.record',
    document: 'mutation($input: RecordOfferInput!) { recordOffer(input: $input) { offerId error { code rule } } }',
    variables: async (w) => ({ input: { clientId: w.clients.elsa.id, status: 'OFFERED' } }),
    allowed: ['coordinator of unit'],
  },
  {
    name: 'recordAbsence',
    action: 'absence.record',
    document:
      'mutation($input: RecordAbsenceInput!) { recordAbsence(input: $input) { absence { id } error { code rule } } }',
    variables: async (w) => ({
      input: { staffId: w.staff.anna.id, kind: 'VACATION', firstDay: `2028-0${1 + (serial++ % 9)}-01`, lastDay: null },
    }),
    allowed: ['coordinator of unit'],
  },
];

describe('authorization matrix: mutations, through the real HTTP endpoint', () => {
  for (const m of MUTATIONS) {
    it(m.name, async () => {
      const w = await loadMatrixWorld(db.em());
      await m.setup?.(w);
      const api = await startApi(db.orm);
      try {
        // Denied attempts first, so the allowed ones meet the state the matrix describes.
        const ordered = [...ALL.filter((p) => !m.allowed.includes(p)), ...m.allowed];
        for (const persona of ordered) {
          const label = `${m.name} as ${persona}`;
          const personnummer = w.personas[persona];
          if (m.name === 'revokeConsent' && persona === 'coordinator of unit') {
            // Re-grant after the client's revocation, so the coordinator has something to revoke.
            await createRelativeConsentAgain(PERSONAS.johan.personnummer);
          }
          const before = await db.sql<{ n: number }>(`SELECT count(*)::int n FROM audit_event`);
          const res = await api.gql(m.document, await m.variables(w, persona), personnummer ?? undefined);
          const payload = res.data?.[m.name] as { error: { code: string } | null } | null | undefined;
          const audit = await db.sql<{ action: string; outcome: string }>(
            `SELECT action, outcome FROM audit_event WHERE request_id = ?`,
            [res.headers.get('x-request-id')],
          );
          if (persona === 'no token') {
            expect(res.errors?.[0]?.extensions?.code, label).toBe('UNAUTHENTICATED');
            expect(await db.sql(`SELECT count(*)::int n FROM audit_event`), label).toEqual(before);
          } else if (persona === 'unknown person') {
            expect(res.errors?.[0]?.extensions?.code, label).toBe('FORBIDDEN');
          } else if (m.allowed.includes(persona)) {
            expect(payload?.error ?? null, label).toBeNull();
            expect(audit, label).toContainEqual({ action: m.action, outcome: 'ALLOWED' });
          } else {
            expect(payload?.error?.code, label).toBe('NOT_FOUND');
            expect(audit, label).toContainEqual({ action: m.action, outcome: 'DENIED' });
          }
        }
      } finally {
        await api.stop();
      }
    });
  }
});

async function createRelativeConsentAgain(personnummer: string) {
  await db.sql(
    `INSERT INTO consent (relative_link_id, scopes, secrecy_waiver, data_processing, given_via, relative_accepted_at)
     SELECT l.id, '{VIEW_CONTACT}', true, true, 'PORTAL', now() FROM relative_link l JOIN person p ON p.id = l.person_id
      WHERE p.personnummer = ?`,
    [personnummer],
  );
}

describe('consent takes effect at once', () => {
  it('denies the very next request after a revocation, and allows the one after a grant', async () => {
    const w = await loadMatrixWorld(db.em());
    const api = await startApi(db.orm);
    try {
      const query = `query($id: ID!) { client(id: $id) { fixedContact { givenName } } }`;
      const maria = PERSONAS.maria.personnummer;
      expect((await api.gql(query, { id: w.clients.elsa.id }, maria)).data).toEqual({
        client: { fixedContact: { givenName: 'Anna' } },
      });
      const revoke = await api.gql(
        'mutation($id: ID!) { revokeConsent(consentId: $id) { error { code } } }',
        { id: await currentConsentOf(maria) },
        PERSONAS.elsa.personnummer,
      );
      expect(revoke.data).toEqual({ revokeConsent: { error: null } });
      expect((await api.gql(query, { id: w.clients.elsa.id }, maria)).data).toEqual({ client: null });
      // And the token Maria already holds is no help: consent is read from the database each time.
      const link = await linkOf(maria);
      const grant = await api.gql(
        'mutation($input: GrantConsentInput!) { grantConsent(input: $input) { consentId error { code } } }',
        { input: { relativeId: link, scopes: [...CONSENT_SCOPES], secrecyWaiver: true, dataProcessing: true } },
        PERSONAS.elsa.personnummer,
      );
      const consentId = (grant.data!.grantConsent as { consentId: string }).consentId;
      // Granted but not yet accepted by Maria: still nothing.
      expect((await api.gql(query, { id: w.clients.elsa.id }, maria)).data).toEqual({ client: null });
      await api.gql(
        'mutation($id: ID!) { acceptConsent(consentId: $id) { error { code } } }',
        { id: consentId },
        maria,
      );
      expect((await api.gql(query, { id: w.clients.elsa.id }, maria)).data).toEqual({
        client: { fixedContact: { givenName: 'Anna' } },
      });
      expect(await personId(maria)).toBeTruthy();
    } finally {
      await api.stop();
    }
  });
});
