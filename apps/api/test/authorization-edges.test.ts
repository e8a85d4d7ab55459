import { PERSONAS } from '@spindeln/demo-personas';
import { importJWK, SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIENCE, ISSUER, startApi, type TestApi, testKey, tokenFor } from './support/api';
import { tableCounts, useDatabase } from './support/database';
import { loadDemo } from './support/world';

const db = useDatabase();
let api: TestApi;
let w: Awaited<ReturnType<typeof loadDemo>>;

beforeEach(async () => {
  w = await loadDemo(db.em());
  api = await startApi(db.orm);
});
afterEach(async () => {
  await api.stop();
});

const UNKNOWN = '6f1c2a4e-8d1b-4c7a-9e2f-3b5d7a9c1e0f';
const one = async <T>(query: string, params: unknown[] = []) => (await db.sql<T>(query, params))[0]!;

describe('edges of the access rules', () => {
  it('never reveals the name registered for a personnummer a client adds', async () => {
    const res = await api.gql(
      `mutation($input: AddRelativeInput!) { addRelative(input: $input) { relativeId error { code } } }`,
      {
        input: {
          clientId: w.clients.elsa.id,
          personnummer: PERSONAS.anna.personnummer,
          givenName: 'Min',
          familyName: 'Granne',
          relationship: 'FRIEND',
        },
      },
      PERSONAS.elsa.personnummer,
    );
    expect(res.data).toMatchObject({ addRelative: { error: null } });
    const list = await api.gql(
      `query($id: ID!) { client(id: $id) { relatives { givenName familyName } consentHistory { relativeName } } }`,
      { id: w.clients.elsa.id },
      PERSONAS.elsa.personnummer,
    );
    expect(list.raw).toContain('Granne');
    expect(list.raw).not.toContain('Lindqvist');
  });

  it('answers a denied change exactly as it answers an unknown id', async () => {
    const johanConsent = (
      await one<{ id: string }>(
        `SELECT c.id FROM consent c JOIN relative_link l ON l.id = c.relative_link_id JOIN person p ON p.id = l.person_id
          WHERE p.personnummer = ? AND c.ended_at IS NULL`,
        [PERSONAS.johan.personnummer],
      )
    ).id;
    const deputy = (
      await one<{ id: string }>(`SELECT id FROM contact_assignment WHERE client_id = ? AND role = 'DEPUTY'`, [
        w.clients.elsa.id,
      ])
    ).id;
    const karinLink = (
      await one<{ id: string }>(
        `SELECT l.id FROM relative_link l JOIN person p ON p.id = l.person_id WHERE p.personnummer = ?`,
        [PERSONAS.karin.personnummer],
      )
    ).id;
    const cases: [string, (id: string) => Record<string, unknown>, string][] = [
      [
        'mutation($v: ID!) { revokeConsent(consentId: $v) { consentId error { code field rule message } } }',
        (id) => ({ v: id }),
        johanConsent,
      ],
      [
        'mutation($v: ChangeConsentInput!) { changeConsent(input: $v) { consentId error { code field rule message } } }',
        (id) => ({ v: { consentId: id, scopes: ['VIEW_CONTACT'] } }),
        johanConsent,
      ],
      [
        'mutation($v: EndContactInput!) { endContact(input: $v) { assignment { id } error { code field rule message } } }',
        (id) => ({ v: { assignmentId: id } }),
        deputy,
      ],
      [
        'mutation($v: RecordInPersonConsentInput!) { recordInPersonConsent(input: $v) { consentId error { code field rule message } } }',
        (id) => ({
          v: {
            relativeId: id,
            scopes: ['VIEW_CONTACT'],
            secrecyWaiver: true,
            dataProcessing: true,
            capacityNote: 'Klar',
          },
        }),
        karinLink,
      ],
    ];
    for (const who of [PERSONAS.olof, PERSONAS.maria, PERSONAS.fatima]) {
      for (const [doc, vars, realId] of cases) {
        const before = await tableCounts(db.em());
        const denied = await api.gql(doc, vars(realId), who.personnummer);
        const unknown = await api.gql(doc, vars(UNKNOWN), who.personnummer);
        expect(denied.raw, `${doc} as ${who.givenName}`).toBe(unknown.raw);
        expect(denied.raw).toContain('NOT_FOUND');
        expect(await tableCounts(db.em())).toEqual(before);
      }
    }
  });

  it('lets a coordinator who is on no team answer as staff, never as a relative', async () => {
    await db.sql(`DELETE FROM team_membership WHERE staff_id = ?`, [w.staff.lena.id]);
    const res = await api.gql<{ sendMessage: { messageId: string } }>(
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messageId error { code } } }`,
      {
        input: {
          clientId: w.clients.elsa.id,
          body: 'Vi har bokat ett uppföljningsmöte.',
          idempotencyKey: 'lena-key-0001',
        },
      },
      PERSONAS.lena.personnummer,
    );
    const row = await one(`SELECT author_role, state FROM message WHERE id = ?`, [res.data!.sendMessage.messageId]);
    expect(row).toEqual({ author_role: 'STAFF', state: null });
  });

  it('keeps private messages out of a relative’s reach: no reply to them, no trace of their ids', async () => {
    const send = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messageId error { code field } } }`;
    const secret = await api.gql<{ sendMessage: { messageId: string } }>(
      send,
      {
        input: { clientId: w.clients.elsa.id, body: 'Bara för Anna', idempotencyKey: 'elsa-secret-01', private: true },
      },
      PERSONAS.elsa.personnummer,
    );
    const secretId = secret.data!.sendMessage.messageId;
    await api.gql(
      send,
      {
        input: {
          clientId: w.clients.elsa.id,
          body: 'Och ett öppet tillägg',
          idempotencyKey: 'elsa-open-001',
          inReplyTo: secretId,
        },
      },
      PERSONAS.elsa.personnummer,
    );
    const maria = await api.gql(
      `query($id: ID!) { client(id: $id) { conversation(first: 50) { edges { node { body inReplyTo } } } } }`,
      { id: w.clients.elsa.id },
      PERSONAS.maria.personnummer,
    );
    expect(maria.raw).toContain('öppet tillägg');
    expect(maria.raw).not.toContain(secretId);
    const reply = async (id: string, key: string) =>
      (
        await api.gql(
          send,
          { input: { clientId: w.clients.elsa.id, body: 'Svar', idempotencyKey: key, inReplyTo: id } },
          PERSONAS.maria.personnummer,
        )
      ).raw;
    expect(await reply(secretId, 'maria-reply-1')).toBe(await reply(UNKNOWN, 'maria-reply-1'));
  });

  it('refuses a token of another type, even signed by a trusted key', async () => {
    const key = (await testKey()).privateJwk;
    const idToken = await new SignJWT({ personnummer: PERSONAS.elsa.personnummer })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(await importJWK(key, 'ES256'));
    expect((await api.gql(`{ viewer { givenName } }`, {}, { token: idToken })).status).toBe(401);
    // The same claims as the API's own type of token pass.
    expect(
      (await api.gql(`{ viewer { givenName } }`, {}, { token: await tokenFor(PERSONAS.elsa.personnummer) })).status,
    ).toBe(200);
    // alg "none" with a non-empty signature part reaches the verifier and is refused there.
    const none = `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({
        personnummer: PERSONAS.elsa.personnummer,
        iss: ISSUER,
        aud: AUDIENCE,
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 60,
      }),
    ).toString('base64url')}.AAAA`;
    expect((await api.gql(`{ viewer { givenName } }`, {}, { token: none })).status).toBe(401);
  });
});
