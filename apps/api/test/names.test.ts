import { PERSONAS } from '@spindeln/demo-personas';
import { makeTestPersonnummer } from '@spindeln/personnummer';
import { beforeEach, describe, expect, it } from 'vitest';
import { addMessage, createRelative } from '../src/seed/factories';
import { startApi, type TestApi, tokenFor } from './support/api';
import { useDatabase } from './support/database';
import { loadDemo } from './support/world';

/**
 * Names follow one rule (modules/people/shown-name.ts): a relative never sees another relative by
 * name; a protected identity is "Skyddad identitet" to all but the person and the staff assigned to
 * them; a person's own name comes only from a verified login or the register.
 */
const db = useDatabase();
let api: TestApi;
let w: Awaited<ReturnType<typeof loadDemo>>;

beforeEach(async () => {
  w = await loadDemo(db.em());
  api = await startApi(db.orm);
  return () => api.stop();
});

const CONVERSATION = `query($id: ID!) { client(id: $id) {
  conversation(first: 50) { edges { node { body authorRole authorName authorNameWithheld } } } } }`;
type Conversation = {
  client: {
    conversation: {
      edges: {
        node: { body: string; authorRole: string; authorName: string | null; authorNameWithheld: string | null };
      }[];
    };
  } | null;
};
const authors = (r: { data?: Conversation | null }) =>
  r.data!.client!.conversation.edges.map((e) => [e.node.authorRole, e.node.authorName, e.node.authorNameWithheld]);

const ACCESS_LOG = `query($id: ID!) { client(id: $id) { accessLog(first: 50) { edges { node { action actorName actorNameWithheld actorIsStaff } } } } }`;
type Log = {
  client: { accessLog: { edges: { node: { actorName: string | null; actorNameWithheld: string | null } }[] } };
};
const actors = (r: { data?: Log | null }) =>
  new Set(r.data!.client.accessLog.edges.map((e) => `${e.node.actorName}|${e.node.actorNameWithheld}`));

const maria = PERSONAS.maria.personnummer;
const pia = PERSONAS.pia.personnummer;
const elsa = PERSONAS.elsa.personnummer;

async function anotherWritingRelative() {
  const eva = await createRelative(db.em(), {
    client: w.clients.elsa,
    givenName: 'Eva',
    familyName: 'Ekström',
    relationship: 'OTHER_RELATIVE',
    scopes: ['SEND_MESSAGES', 'READ_CONVERSATION'],
  });
  await addMessage(db.em(), {
    client: w.clients.elsa,
    author: eva.person,
    authorRole: 'RELATIVE',
    body: 'Jag kan handla åt mamma på lördag.',
  });
  return eva;
}

describe('a relative never sees another relative by name', () => {
  it('shows another relative’s message as ANOTHER_RELATIVE, the viewer’s own and staff by name', async () => {
    await anotherWritingRelative();
    const asMaria = await api.gql<Conversation>(CONVERSATION, { id: w.clients.elsa.id }, maria);
    expect(asMaria.errors).toBeUndefined();
    expect(authors(asMaria)).toEqual(
      expect.arrayContaining([
        ['RELATIVE', null, 'ANOTHER_RELATIVE'],
        ['RELATIVE', 'Maria Andersson', null],
        ['STAFF', 'Anna Lindqvist', null],
      ]),
    );
    expect(asMaria.raw).not.toMatch(/Ekström|Eva /);
    // Pia, a relative too, sees neither Maria nor Eva by name.
    const asPia = await api.gql<Conversation>(CONVERSATION, { id: w.clients.elsa.id }, pia);
    expect(authors(asPia).filter(([role]) => role === 'RELATIVE')).toEqual(
      authors(asPia)
        .filter(([role]) => role === 'RELATIVE')
        .map(() => ['RELATIVE', null, 'ANOTHER_RELATIVE']),
    );
    // (Message bodies are what people wrote: Anna's reply greets Maria. Names the API adds are full names.)
    expect(asPia.raw).not.toMatch(/Maria Andersson|Ekström/);
    // The client and staff see them by name.
    for (const who of [elsa, PERSONAS.anna.personnummer]) {
      const r = await api.gql<Conversation>(CONVERSATION, { id: w.clients.elsa.id }, who);
      expect(authors(r)).toEqual(
        expect.arrayContaining([
          ['RELATIVE', 'Eva Ekström', null],
          ['RELATIVE', 'Maria Andersson', null],
        ]),
      );
    }
    // A message just sent comes back with the sender's own name.
    const sent = await api.gql<{ sendMessage: { message: { authorName: string } } }>(
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { authorName authorNameWithheld } } }`,
      { input: { clientId: w.clients.elsa.id, body: 'Tack!', idempotencyKey: 'names-test-1' } },
      maria,
    );
    expect(sent.data!.sendMessage.message).toEqual({ authorName: 'Maria Andersson', authorNameWithheld: null });
  });
});

describe('a person’s own name comes only from a verified login or the register', () => {
  const stranger = makeTestPersonnummer('1961-06-06', 310);
  const ADD = `mutation($input: AddRelativeInput!) { addRelative(input: $input) { relativeId error { code } } }`;
  const VIEWER = `{ viewer { givenName familyName } }`;

  it('never takes what a client typed as the person’s name, and records the login’s names once', async () => {
    const add = (clientId: string, givenName: string, familyName: string, as: string) =>
      api.gql(ADD, { input: { clientId, personnummer: stranger, givenName, familyName, relationship: 'FRIEND' } }, as);
    // Gunnar lists the new personnummer first, with his own words for the person.
    expect((await add(w.clients.gunnar.id, 'X', 'Gunnarsnamn', PERSONAS.gunnar.personnummer)).data).toMatchObject({
      addRelative: { error: null },
    });
    expect((await add(w.clients.elsa.id, 'Kalle', 'Karlsson', elsa)).data).toMatchObject({
      addRelative: { error: null },
    });
    const [row] = await db.sql(`SELECT given_name, family_name FROM person WHERE personnummer = ?`, [stranger]);
    expect(row).toEqual({ given_name: null, family_name: null });
    // Known only by labels: no registered name.
    expect((await api.gql(VIEWER, {}, stranger)).data).toEqual({ viewer: { givenName: null, familyName: null } });
    // The person tries Elsa's information before any named login: Elsa sees her own label, never Gunnar's words.
    await api.gql(`query($id: ID!) { client(id: $id) { givenName } }`, { id: w.clients.elsa.id }, stranger);
    const log = await api.gql<Log>(ACCESS_LOG, { id: w.clients.elsa.id }, elsa);
    expect(log.raw).not.toMatch(/Gunnarsnamn/);
    expect(actors(log)).toContain('Kalle Karlsson|null');
    // Each client and staff see that client's label on the relative link.
    const RELATIVES = `query($id: ID!) { client(id: $id) { relatives { givenName familyName } } }`;
    const gunnarList = await api.gql(RELATIVES, { id: w.clients.gunnar.id }, PERSONAS.gunnar.personnummer);
    expect(gunnarList.raw).toMatch(/Gunnarsnamn/);
    expect(gunnarList.raw).not.toMatch(/Kalle/);
    const elsaList = await api.gql(RELATIVES, { id: w.clients.elsa.id }, elsa);
    expect(elsaList.raw).not.toMatch(/Gunnarsnamn/);

    // A login with verified names records them, audited, once.
    const named = await tokenFor(stranger, { givenName: 'Riktig', familyName: 'Person' });
    expect((await api.gql(VIEWER, {}, { token: named })).data).toEqual({
      viewer: { givenName: 'Riktig', familyName: 'Person' },
    });
    await api.gql(VIEWER, {}, { token: await tokenFor(stranger, { givenName: 'Riktig', familyName: 'Person' }) });
    const events = await db.sql<{ action: string; actor: string }>(
      `SELECT e.action, p.personnummer AS actor FROM audit_event e JOIN person p ON p.id = e.actor_person_id
        WHERE e.action = 'person.name_from_login'`,
    );
    expect(events).toEqual([{ action: 'person.name_from_login', actor: stranger }]);
    // A token without names changes nothing; a client's label never reaches the register.
    expect((await api.gql(VIEWER, {}, stranger)).data).toEqual({
      viewer: { givenName: 'Riktig', familyName: 'Person' },
    });
    const [after] = await db.sql(`SELECT given_name, family_name FROM person WHERE personnummer = ?`, [stranger]);
    expect(after).toEqual({ given_name: 'Riktig', family_name: 'Person' });
    // A client listing an already registered person changes nothing of the person either.
    await add(w.clients.britt.id, 'Annat', 'Namn', PERSONAS.britt.personnummer);
    expect((await api.gql(VIEWER, {}, stranger)).data).toEqual({
      viewer: { givenName: 'Riktig', familyName: 'Person' },
    });
  });
});

describe('skyddade personuppgifter', () => {
  const CLIENTS = `{ viewer { clients(first: 50) { edges { node { id givenName familyName nameWithheld } } } } }`;
  type Clients = {
    viewer: {
      clients: {
        edges: { node: { id: string; givenName: string; familyName: string | null; nameWithheld: string | null } }[];
      };
    };
  };
  const hedvigOf = (r: { data?: Clients | null }) =>
    r.data!.viewer.clients.edges.find((e) => e.node.id === w.clients.hedvig.id)?.node;

  it('names a protected client only to herself, her assigned contact and the unit’s coordinator', async () => {
    const shown = { givenName: 'Hedvig', familyName: 'Lund', nameWithheld: null };
    const withheld = { givenName: 'Skyddad identitet', familyName: null, nameWithheld: 'PROTECTED_IDENTITY' };
    for (const who of [PERSONAS.hedvig, PERSONAS.mohammed, PERSONAS.lena]) {
      const r = await api.gql<Clients>(CLIENTS, {}, who.personnummer);
      expect(hedvigOf(r), who.givenName).toMatchObject(shown);
    }
    // Team Norr's other staff work for her team, but are not assigned to her.
    for (const who of [PERSONAS.anna, PERSONAS.sara, PERSONAS.peter]) {
      const r = await api.gql<Clients>(CLIENTS, {}, who.personnummer);
      expect(hedvigOf(r), who.givenName).toMatchObject(withheld);
      expect(r.raw, who.givenName).not.toMatch(/Hedvig|Lund/);
      const inbox = await api.gql(
        `{ viewer { inbox(first: 50) { edges { node { client { givenName nameWithheld } lastMessage { authorName authorNameWithheld } } } } } }`,
        {},
        who.personnummer,
      );
      expect(inbox.raw).toMatch(/"authorName":"Skyddad identitet","authorNameWithheld":"PROTECTED_IDENTITY"/);
      expect(inbox.raw, who.givenName).not.toMatch(/Hedvig|Lund/);
    }
    // A relative she lists and invites knows her already; the API still never names her to them.
    const rut = await createRelative(db.em(), {
      client: w.clients.hedvig,
      givenName: 'Rut',
      familyName: 'Lund',
      scopes: ['VIEW_CONTACT', 'READ_CONVERSATION'],
    });
    const asRut = await api.gql<Clients>(CLIENTS, {}, rut.person.personnummer);
    expect(hedvigOf(asRut)).toMatchObject(withheld);
    const conv = await api.gql<Conversation>(CONVERSATION, { id: w.clients.hedvig.id }, rut.person.personnummer);
    expect(authors(conv)).toEqual([['CLIENT', 'Skyddad identitet', 'PROTECTED_IDENTITY']]);
    expect(conv.raw).not.toMatch(/Hedvig/);
    const invited = await createRelative(db.em(), {
      client: w.clients.hedvig,
      givenName: 'Ny',
      familyName: 'Inbjuden',
      scopes: ['VIEW_CONTACT'],
      accepted: false,
    });
    const invitation = await api.gql(
      `{ viewer { consentsToAccept { clientName clientNameWithheld } } }`,
      {},
      invited.person.personnummer,
    );
    expect(invitation.data).toEqual({
      viewer: { consentsToAccept: [{ clientName: 'Skyddad identitet', clientNameWithheld: 'PROTECTED_IDENTITY' }] },
    });
  });

  it('never names a protected relative to other relatives, in the client’s access log or to staff', async () => {
    await addMessage(db.em(), {
      client: w.clients.elsa,
      author: (await db.sql<{ id: string }>(`SELECT id FROM person WHERE personnummer = ?`, [pia]))[0] as never,
      authorRole: 'RELATIVE',
      body: 'Hälsa Elsa från mig.',
    });
    // Pia reads Elsa's conversation: Elsa's access log shows that, not who Pia is.
    const asPia = await api.gql<Conversation>(CONVERSATION, { id: w.clients.elsa.id }, pia);
    expect(authors(asPia)).toContainEqual(['RELATIVE', 'Pia Berglund', null]);
    const log = await api.gql<Log>(ACCESS_LOG, { id: w.clients.elsa.id }, elsa);
    expect(actors(log)).toContain('Skyddad identitet|PROTECTED_IDENTITY');
    expect(log.raw).not.toMatch(/Pia|Berglund/);
    for (const who of [elsa, maria, PERSONAS.anna.personnummer, PERSONAS.lena.personnummer]) {
      const r = await api.gql<Conversation>(CONVERSATION, { id: w.clients.elsa.id }, who);
      expect(r.raw, who).not.toMatch(/Pia|Berglund/);
    }
    // The coordinator's lists: the relative is there (so consent can be recorded) but unnamed.
    const lena = await api.gql(
      `query($id: ID!) { client(id: $id) { relatives { givenName familyName nameWithheld relationship } consentHistory { relativeName relativeNameWithheld } } }`,
      { id: w.clients.elsa.id },
      PERSONAS.lena.personnummer,
    );
    expect(lena.raw).not.toMatch(/Pia|Berglund/);
    expect(lena.raw).toMatch(
      /"givenName":"Skyddad identitet","familyName":null,"nameWithheld":"PROTECTED_IDENTITY","relationship":null/,
    );
    const unit = await api.gql(
      `{ viewer { unitAuditLog(first: 50) { edges { node { actorName actorNameWithheld } } } } }`,
      {},
      PERSONAS.lena.personnummer,
    );
    expect(unit.raw).toMatch(/Skyddad identitet/);
    expect(unit.raw).not.toMatch(/Pia|Berglund/);
    // Elsa sees her own words for Pia on her own list of relatives: nothing of Pia's registered data.
    const own = await api.gql(
      `query($id: ID!) { client(id: $id) { relatives { givenName nameWithheld } } }`,
      { id: w.clients.elsa.id },
      elsa,
    );
    expect(own.raw).toMatch(/"givenName":"Kusin","nameWithheld":null/);
    expect(own.raw).not.toMatch(/Berglund/);
  });
});

describe('reads of personal data outside a client’s fields are audited too', () => {
  it('audits the unit’s log follow-up and the consent invitations, per client read', async () => {
    await api.gql(`query($id: ID!) { client(id: $id) { givenName } }`, { id: w.clients.elsa.id }, maria);
    const unit = await api.gql(
      `{ viewer { unitAuditLog(first: 50) { edges { node { clientId } } } } }`,
      {},
      PERSONAS.lena.personnummer,
    );
    const unitEvents = await db.sql<{ action: string; client_id: string; outcome: string }>(
      `SELECT action, client_id, outcome FROM audit_event WHERE request_id = ?`,
      [unit.headers.get('x-request-id')],
    );
    expect(unitEvents).toContainEqual({
      action: 'read.unit_audit_log',
      client_id: w.clients.elsa.id,
      outcome: 'ALLOWED',
    });
    const denied = await api.gql(`{ viewer { unitAuditLog { totalCount } } }`, {}, maria);
    expect(
      await db.sql(`SELECT action, outcome FROM audit_event WHERE request_id = ?`, [
        denied.headers.get('x-request-id'),
      ]),
    ).toEqual([{ action: 'read.unit_audit_log', outcome: 'DENIED' }]);

    const invited = await createRelative(db.em(), {
      client: w.clients.gunnar,
      givenName: 'Inbjuden',
      familyName: 'Anhörig',
      scopes: ['VIEW_CONTACT'],
      accepted: false,
    });
    const inv = await api.gql(`{ viewer { consentsToAccept { clientName } } }`, {}, invited.person.personnummer);
    expect(inv.data).toEqual({ viewer: { consentsToAccept: [{ clientName: 'Gunnar Persson' }] } });
    expect(
      await db.sql(`SELECT action, client_id FROM audit_event WHERE request_id = ?`, [inv.headers.get('x-request-id')]),
    ).toEqual([{ action: 'read.consent_invitation', client_id: w.clients.gunnar.id }]);

    // Being listed among the viewer's clients is a read of who they are to the viewer.
    const list = await api.gql(`{ viewer { clients { edges { node { id } } } } }`, {}, maria);
    expect(
      await db.sql(`SELECT action, client_id FROM audit_event WHERE request_id = ?`, [
        list.headers.get('x-request-id'),
      ]),
    ).toEqual([{ action: 'read.client', client_id: w.clients.elsa.id }]);
  });
});
