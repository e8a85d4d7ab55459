import { generateSigningKey, mintAccessToken } from '@spindeln/api-token';
import { PERSONAS } from '@spindeln/demo-personas';
import { makeTestPersonnummer } from '@spindeln/personnummer';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../src/graphql/apollo';
import { AUDIENCE, ISSUER, startApi, type TestApi, tokenFor } from './support/api';
import { tableCounts, useDatabase } from './support/database';
import { loadDemo } from './support/world';

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

const ELSA_SECRETS = ['070-123 45 61', '070-123 45 62', '08-123 450 10', '08-123 450 00'];

describe('no leak through aliases, fragments, nested paths or the inbox', () => {
  it('gives a VIEW_CONTACT-only relative no phone number however it is asked for', async () => {
    const query = `
      query Sneaky($id: ID!) {
        a: client(id: $id) { x: fixedContact { m: workMobile } y: deputy { m: workMobile } ...Numbers }
        b: client(id: $id) { contactNow { teamPhone contact { ... on ContactPerson { workMobile workingHours { start } } } } }
        viewer { clients { edges { node { ...Numbers contactNow { contact { ...Person } } } } } }
      }
      fragment Numbers on Client { phoneList { number } fixedContact { ...Person } }
      fragment Person on ContactPerson { givenName workMobile }`;
    const res = await api.gql(query, { id: w.clients.elsa.id }, PERSONAS.johan.personnummer);
    expect(res.status, res.raw).toBe(200);
    for (const secret of ELSA_SECRETS) expect(res.raw).not.toContain(secret);
    expect(res.raw).toContain('Anna');
    expect(res.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
  });

  it('never shows a relative what the client marked private, nor the reply to it', async () => {
    const q = `query($id: ID!) { client(id: $id) { conversation(first: 50) { totalCount edges { node { body private } } } } }`;
    const asMaria = await api.gql(q, { id: w.clients.elsa.id }, PERSONAS.maria.personnummer);
    const asElsa = await api.gql(q, { id: w.clients.elsa.id }, PERSONAS.elsa.personnummer);
    expect(asElsa.raw).toContain('genomförandeplan');
    expect(asMaria.raw).not.toContain('genomförandeplan');
    expect(asMaria.raw).not.toContain('"private":true');
  });

  it('shows staff only their own and their teams’ conversations, unanswered first', async () => {
    const q = `{ viewer { inbox { totalCount edges { node { unanswered waitingMinutes waitingSince lastMessageAt client { givenName } lastMessage { body sentAt } } } } } }`;
    const anna = await api.gql<{
      viewer: { inbox: { edges: { node: { unanswered: number; client: { givenName: string } } }[] } };
    }>(q, {}, PERSONAS.anna.personnummer);
    const names = anna.data!.viewer.inbox.edges.map((e) => e.node.client.givenName);
    expect(names.sort()).toEqual(['Elsa', 'Gunnar']);
    expect(anna.data!.viewer.inbox.edges[0]!.node.unanswered).toBeGreaterThan(0);
    const fatima = await api.gql(q, {}, PERSONAS.fatima.personnummer);
    expect(fatima.raw).not.toMatch(/Elsa|Gunnar|tröttare/);
    const maria = await api.gql(q, {}, PERSONAS.maria.personnummer);
    expect(maria.data).toEqual({ viewer: { inbox: null } });
    expect(maria.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers "no such client" and "no consent" exactly alike, for reads and for writes', async () => {
    const q = `query($id: ID!) { client(id: $id) { givenName fixedContact { givenName } } }`;
    const bodies = await Promise.all(
      [w.clients.gunnar.id, '6f1c2a4e-8d1b-4c7a-9e2f-3b5d7a9c1e0f', 'not-an-id'].map(
        async (id) => (await api.gql(q, { id }, PERSONAS.maria.personnummer)).raw,
      ),
    );
    expect(new Set(bodies).size).toBe(1);
    const send = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messageId error { code field rule message } } }`;
    const sends = await Promise.all(
      [w.clients.gunnar.id, '6f1c2a4e-8d1b-4c7a-9e2f-3b5d7a9c1e0f'].map(
        async (clientId, i) =>
          (
            await api.gql(
              send,
              { input: { clientId, body: 'Hej', idempotencyKey: `hidden-key-${i}` } },
              PERSONAS.maria.personnummer,
            )
          ).data,
      ),
    );
    expect(sends[0]).toEqual(sends[1]);
    expect(sends[0]).toMatchObject({ sendMessage: { messageId: null, error: { code: 'NOT_FOUND' } } });
  });
});

describe('bad input gets a clear error and writes nothing', () => {
  const addRelative = `mutation($input: AddRelativeInput!) { addRelative(input: $input) { relativeId error { code field rule message } } }`;
  const send = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messageId error { code field rule message } } }`;

  it('refuses an invalid personnummer, naming the field and the rule', async () => {
    const before = await tableCounts(db.em());
    const bad = makeTestPersonnummer('1970-01-01', 123).replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    const res = await api.gql(
      addRelative,
      {
        input: {
          clientId: w.clients.elsa.id,
          personnummer: bad,
          givenName: 'A',
          familyName: 'B',
          relationship: 'FRIEND',
        },
      },
      PERSONAS.elsa.personnummer,
    );
    expect(res.data).toMatchObject({
      addRelative: { relativeId: null, error: { code: 'INVALID_INPUT', field: 'personnummer', rule: 'checksum' } },
    });
    expect(await tableCounts(db.em())).toEqual(before);
  });

  it('refuses a message over the limit', async () => {
    const before = await tableCounts(db.em());
    const res = await api.gql(
      send,
      { input: { clientId: w.clients.elsa.id, body: 'x'.repeat(4001), idempotencyKey: 'too-long-0001' } },
      PERSONAS.elsa.personnummer,
    );
    expect(res.data).toMatchObject({
      sendMessage: { error: { code: 'INVALID_INPUT', field: 'body', rule: 'max_length' } },
    });
    expect(await tableCounts(db.em())).toEqual(before);
  });

  it('refuses unknown ids as not found', async () => {
    const res = await api.gql(
      `mutation { revokeConsent(consentId: "2b0e6c8a-0f4e-4d7b-9a51-6c3e2d1f0a9b") { consentId error { code field } } }`,
      {},
      PERSONAS.elsa.personnummer,
    );
    expect(res.data).toEqual({ revokeConsent: { consentId: null, error: { code: 'NOT_FOUND', field: 'consentId' } } });
  });

  it('refuses wrong types and unknown enum values before running anything', async () => {
    const before = await tableCounts(db.em());
    const wrongType = await api.gql(
      send,
      { input: { clientId: w.clients.elsa.id, body: 42, idempotencyKey: true } },
      PERSONAS.elsa.personnummer,
    );
    expect(wrongType.status).toBe(400);
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badEnum = await api.gql(
      `mutation { recordOffer(input: { clientId: "${w.clients.elsa.id}", status: MAYBE }) { offerId } }`,
      {},
      PERSONAS.lena.personnummer,
    );
    expect(badEnum.status).toBe(400);
    expect(await tableCounts(db.em())).toEqual(before);
  });

  it('refuses over-deep, over-aliased and over-costly queries', async () => {
    const deep = `{ viewer { inbox { edges { node { client { ...A } } } } } }
      fragment A on Client { contactNow { ...B } }
      fragment B on ContactNow { contact { ...C } }
      fragment C on ContactPerson { workingHours { start } }`;
    const resDeep = await api.gql(deep, {}, PERSONAS.anna.personnummer);
    expect(resDeep.status).toBe(400);
    expect(resDeep.raw).toMatch(/depth/i);
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: viewer { givenName }`).join(' ')} }`;
    const resAliases = await api.gql(aliases, {}, PERSONAS.anna.personnummer);
    expect(resAliases.status).toBe(400);
    expect(resAliases.raw).toMatch(/alias/i);
    const wide = `{ ${Array.from(
      { length: 14 },
      (_, i) =>
        `c${i}: viewer { clients(first: 50) { edges { node { conversation(first: 50) { edges { node { body authorName sentAt state private handledAt inReplyTo } } } phoneList { kind name number } } } } }`,
    ).join(' ')} }`;
    const resWide = await api.gql(wide, {}, PERSONAS.anna.personnummer);
    expect(resWide.status).toBe(400);
    expect(resWide.raw).toMatch(/cost/i);
  });

  it('refuses batched requests, oversized bodies and requests without CSRF protection', async () => {
    const batched = await api.post([{ query: '{ viewer { givenName } }' }, { query: '{ viewer { givenName } }' }], {
      authorization: `Bearer ${await tokenFor(PERSONAS.elsa.personnummer)}`,
    });
    expect(batched.status).toBe(400);
    const huge = await api.post({ query: `{ viewer { givenName } } # ${'x'.repeat(70_000)}` });
    expect(huge.status).toBe(413);
    expect(huge.raw).not.toMatch(/stack|at \//);
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ viewer { givenName } }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF|preflight/i);
  });

  it('masks errors: no stack, no SQL, no field suggestions', async () => {
    const typo = await api.gql(`{ viewr { givenName } }`, {}, PERSONAS.elsa.personnummer);
    expect(typo.status).toBe(400);
    expect(typo.raw).not.toMatch(/Did you mean/);
    // Anything unexpected reaches the caller as a bare internal error, whatever it carried.
    const leaky = Object.assign(new Error('insert into "message" values (\'secret\') - syntax error'), {
      stack: 'at /srv',
    });
    const masked = formatError(
      { message: leaky.message, path: ['sendMessage'], extensions: { code: 'SOMETHING' } },
      leaky,
    );
    expect(masked).toEqual({
      message: 'Internal server error',
      path: ['sendMessage'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    // A NUL character is refused as input, before anything runs, naming the field.
    const before = await tableCounts(db.em());
    const nul = await api.gql(
      send,
      { input: { clientId: w.clients.elsa.id, body: 'a\u0000b', idempotencyKey: 'nul-key-00001' } },
      PERSONAS.elsa.personnummer,
    );
    expect(nul.status).toBe(400);
    expect(nul.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: '$input.body',
      rule: 'control_characters',
    });
    expect(await tableCounts(db.em())).toEqual(before);
  });

  it('limits how many messages a person may send in a short time', async () => {
    const results: string[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await api.gql<{ sendMessage: { error: { code: string } | null } }>(
        send,
        { input: { clientId: w.clients.gunnar.id, body: `Meddelande ${i}`, idempotencyKey: `burst-key-${i}-x` } },
        PERSONAS.gunnar.personnummer,
      );
      results.push(res.data?.sendMessage.error?.code ?? 'OK');
    }
    expect(results.slice(0, 20).every((r) => r === 'OK')).toBe(true);
    expect(results.at(-1)).toBe('RATE_LIMITED');
  });
});

describe('who is asking', () => {
  const q = `{ viewer { givenName } }`;

  it('answers anonymous requests with public fields only', async () => {
    const res = await api.gql(`query($id: ID!) { viewer { givenName } client(id: $id) { givenName } }`, {
      id: w.clients.elsa.id,
    });
    expect(res.data).toEqual({ viewer: null, client: null });
  });

  it('refuses forged, expired, mis-addressed and malformed tokens with 401', async () => {
    const other = await generateSigningKey('attacker');
    const forged = await mintAccessToken(other.privateJwk, {
      issuer: ISSUER,
      audience: AUDIENCE,
      personnummer: PERSONAS.elsa.personnummer,
    });
    const expired = await tokenFor(PERSONAS.elsa.personnummer, {
      issuedAt: Math.floor(Date.now() / 1000) - 3600,
      lifetime: 600,
    });
    const { testKey } = await import('./support/api');
    const key = (await testKey()).privateJwk;
    const wrongAudience = await mintAccessToken(key, {
      issuer: ISSUER,
      audience: 'another-api',
      personnummer: PERSONAS.elsa.personnummer,
    });
    const wrongIssuer = await mintAccessToken(key, {
      issuer: 'someone-else',
      audience: AUDIENCE,
      personnummer: PERSONAS.elsa.personnummer,
    });
    const badNumber = await mintAccessToken(key, { issuer: ISSUER, audience: AUDIENCE, personnummer: '19121212-1213' });
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({
        personnummer: PERSONAS.elsa.personnummer,
        iss: ISSUER,
        aud: AUDIENCE,
        exp: 9999999999,
        iat: Math.floor(Date.now() / 1000),
      }),
    ).toString('base64url')}.`;
    const longLived = await new SignJWT({ personnummer: PERSONAS.elsa.personnummer })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 20 * 60)
      .setExpirationTime('1h')
      .sign(await (await import('jose')).importJWK(key, 'ES256'));
    for (const token of [forged, expired, wrongAudience, wrongIssuer, badNumber, unsigned, longLived, 'garbage']) {
      const res = await api.gql(q, {}, { token });
      expect(res.status, token.slice(0, 20)).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.data ?? null).toBeNull();
    }
    const header = await api.post({ query: q }, { authorization: 'Basic abc' });
    expect(header.status).toBe(401);
    // An identity in a plain header is ignored, never trusted.
    const plain = await api.post({ query: q }, { 'x-personnummer': PERSONAS.elsa.personnummer });
    expect(plain.data).toEqual({ viewer: null });
    const valid = await api.gql(q, {}, PERSONAS.elsa.personnummer);
    expect(valid.data).toEqual({ viewer: { givenName: 'Elsa' } });
  });
});
