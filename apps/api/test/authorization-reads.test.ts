import { type ASTNode, Kind, parse, print, visit } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from './support/api';
import { useDatabase } from './support/database';
import { loadMatrixWorld, type MatrixPersona } from './support/personas';

const db = useDatabase({ shared: true });
let api: TestApi;
let world: Awaited<ReturnType<typeof loadMatrixWorld>>;

beforeAll(async () => {
  world = await loadMatrixWorld(db.em());
  api = await startApi(db.orm);
  return () => api.stop();
});

const STAFFISH: MatrixPersona[] = ['client', 'staff contact', 'staff on team', 'coordinator of unit'];
const CONSENTED: MatrixPersona[] = [
  'relative VIEW_CONTACT',
  'relative VIEW_CONTACT_DETAILS',
  'relative SEND_MESSAGES',
  'relative READ_CONVERSATION',
  'relative all scopes',
];
const ALL: MatrixPersona[] = [
  ...STAFFISH,
  ...CONSENTED,
  'relative revoked',
  'relative expired',
  'relative no consent',
  'staff other team',
  'coordinator other unit',
  'unknown person',
  'no token',
];

/**
 * Each gated field of Elsa's, who may read it, the audit action a read writes, and a value that must
 * never appear in a denied answer. Written out by hand: this table is the specification.
 */
const FIELDS: {
  path: string;
  selection: string;
  allowed: MatrixPersona[];
  action: string;
  /** For a nested field: the parent's action, where a denial may stop first. */
  parentAction?: string;
  secret?: string;
}[] = [
  {
    path: 'givenName',
    selection: 'givenName',
    allowed: [...STAFFISH, ...CONSENTED],
    action: 'read.client',
    secret: 'Elsa',
  },
  { path: 'careSetting', selection: 'careSetting', allowed: STAFFISH, action: 'read.care_info', secret: 'HEMTJANST' },
  { path: 'offer', selection: 'offer { status }', allowed: STAFFISH, action: 'read.care_info', secret: 'ACCEPTED' },
  {
    path: 'fixedContact',
    selection: 'fixedContact { givenName familyName title }',
    allowed: [...STAFFISH, 'relative VIEW_CONTACT', 'relative all scopes'],
    action: 'read.contact',
    secret: 'Lindqvist',
  },
  {
    path: 'deputy',
    selection: 'deputy { familyName }',
    allowed: [...STAFFISH, 'relative VIEW_CONTACT', 'relative all scopes'],
    action: 'read.contact',
    secret: 'Haddad',
  },
  {
    path: 'contactNow',
    selection: 'contactNow { reason contact { givenName } }',
    allowed: [...STAFFISH, 'relative VIEW_CONTACT', 'relative all scopes'],
    action: 'read.contact',
    secret: 'PRIMARY_AVAILABLE',
  },
  {
    path: 'fixedContact.workMobile',
    selection: 'fixedContact { workMobile workingHours { start } }',
    allowed: [...STAFFISH, 'relative all scopes'],
    action: 'read.contact_details',
    parentAction: 'read.contact',
    secret: '070-123 45 61',
  },
  {
    path: 'contactNow.teamPhone',
    selection: 'contactNow { teamPhone }',
    allowed: [...STAFFISH, 'relative all scopes'],
    action: 'read.contact_details',
    parentAction: 'read.contact',
    secret: '08-123 450 10',
  },
  {
    path: 'phoneList',
    selection: 'phoneList { kind name number }',
    allowed: [...STAFFISH, 'relative VIEW_CONTACT_DETAILS', 'relative all scopes'],
    action: 'read.contact_details',
    secret: '070-123 45 62',
  },
  {
    path: 'conversation',
    selection: 'conversation(first: 10) { totalCount edges { node { body authorName sentAt handledAt state } } }',
    allowed: [...STAFFISH, 'relative READ_CONVERSATION', 'relative all scopes'],
    action: 'read.conversation',
    secret: 'tröttare',
  },
  {
    path: 'relatives',
    selection: 'relatives { givenName familyName consent { scopes grantedAt relativeAcceptedAt } }',
    allowed: ['client', 'coordinator of unit'],
    action: 'read.consents',
    secret: 'Holm',
  },
  {
    path: 'consentHistory',
    selection: 'consentHistory { relativeName scopes endReason grantedAt endedAt }',
    allowed: ['client', 'coordinator of unit'],
    action: 'read.consents',
    secret: 'Svensson',
  },
  {
    path: 'accessLog',
    selection: 'accessLog(first: 5) { totalCount edges { node { action actorName } } }',
    allowed: ['client'],
    action: 'read.access_log',
    secret: 'read.client',
  },
];

function valueAt(data: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
    data,
  );
}

async function auditFor(requestId: string | null) {
  return db.sql<{ action: string; outcome: string; client_id: string | null }>(
    `SELECT action, outcome, client_id FROM audit_event WHERE request_id = ? ORDER BY id`,
    [requestId],
  );
}

describe('authorization matrix: reads of a client, through the real HTTP endpoint', () => {
  for (const field of FIELDS) {
    it(`${field.path}`, async () => {
      const elsa = world.clients.elsa.id;
      const query = `query Field($id: ID!) { client(id: $id) { id ${field.selection} } }`;
      for (const persona of ALL) {
        const personnummer = world.personas[persona];
        const res = await api.gql(query, { id: elsa }, personnummer ?? undefined);
        const label = `${field.path} as ${persona}`;
        expect(res.status, label).toBe(200);
        const path = field.path.split('.');
        const value = valueAt(res.data?.client, path);
        const audit = await auditFor(res.headers.get('x-request-id'));
        const visible = [...STAFFISH, ...CONSENTED].includes(persona);
        if (field.allowed.includes(persona)) {
          expect(value, label).not.toBeNull();
          expect(value, label).not.toBeUndefined();
          expect(res.errors, label).toBeUndefined();
          expect(audit, label).toContainEqual({ action: field.action, outcome: 'ALLOWED', client_id: elsa });
        } else if (visible) {
          // Seen the client, not this field: null, FORBIDDEN at the path, the siblings intact.
          expect(value ?? null, label).toBeNull();
          expect(res.data?.client, label).toMatchObject({ id: elsa });
          expect(
            res.errors?.map((e) => e.extensions?.code),
            label,
          ).toContain('FORBIDDEN');
          expect(
            res.errors?.every((e) => e.path?.[0] === 'client'),
            label,
          ).toBe(true);
          const deniedActions = audit
            .filter((e) => e.outcome === 'DENIED' && e.client_id === elsa)
            .map((e) => e.action);
          expect(deniedActions, label).toContainEqual(expect.toBeOneOf([field.action, field.parentAction]));
        } else {
          // Not the client's to see: exactly the answer for a client that does not exist.
          expect(res.data, label).toEqual({ client: null });
          expect(res.errors, label).toBeUndefined();
          expect(audit, label).toEqual([{ action: 'read.client', outcome: 'DENIED', client_id: elsa }]);
        }
        if (!field.allowed.includes(persona) && field.secret) expect(res.raw, label).not.toContain(field.secret);
      }
    });
  }
});

/** The selection with `@ifShared` on every field in it, at every level. */
function askedIfShared(selection: string): string {
  const marked = visit(parse(`{ ${selection} }`), {
    Field: (node) => ({
      ...node,
      directives: [...(node.directives ?? []), { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'ifShared' } }],
    }),
  }) as ASTNode;
  return print(marked).trim().slice(1, -1);
}

describe('authorization matrix asked @ifShared: the same gates, null instead of FORBIDDEN', () => {
  for (const field of FIELDS) {
    it(`${field.path}`, async () => {
      const elsa = world.clients.elsa.id;
      const query = `query Field($id: ID!) { client(id: $id) { id ${askedIfShared(field.selection)} } }`;
      for (const persona of ALL) {
        const personnummer = world.personas[persona];
        const res = await api.gql(query, { id: elsa }, personnummer ?? undefined);
        const label = `${field.path} @ifShared as ${persona}`;
        expect(res.status, label).toBe(200);
        expect(res.errors, label).toBeUndefined();
        const value = valueAt(res.data?.client, field.path.split('.'));
        const audit = await auditFor(res.headers.get('x-request-id'));
        const visible = [...STAFFISH, ...CONSENTED].includes(persona);
        if (field.allowed.includes(persona)) {
          expect(value, label).not.toBeNull();
          expect(value, label).not.toBeUndefined();
          expect(audit, label).toContainEqual({ action: field.action, outcome: 'ALLOWED', client_id: elsa });
        } else if (visible) {
          // The viewer knows their own scopes: "not shared" is no denied read.
          expect(value ?? null, label).toBeNull();
          expect(res.data?.client, label).toMatchObject({ id: elsa });
          expect(
            audit.filter((e) => e.outcome === 'DENIED'),
            label,
          ).toEqual([]);
        } else {
          // Someone who may not see the client at all is refused and logged exactly as without it.
          expect(res.data, label).toEqual({ client: null });
          expect(audit, label).toEqual([{ action: 'read.client', outcome: 'DENIED', client_id: elsa }]);
        }
        if (!field.allowed.includes(persona) && field.secret) expect(res.raw, label).not.toContain(field.secret);
      }
    });
  }

  it('is told FORBIDDEN, and logged, wherever one selection of the field asks without it', async () => {
    const elsa = world.clients.elsa.id;
    const persona = 'relative VIEW_CONTACT';
    const queries = {
      merged: 'fixedContact { workMobile @ifShared workMobile }',
      aliases: 'fixedContact { quiet: workMobile @ifShared told: workMobile }',
      fragment: 'fixedContact { workMobile @ifShared ...on ContactPerson { workMobile } }',
    };
    for (const [name, selection] of Object.entries(queries)) {
      const res = await api.gql(
        `query($id: ID!) { client(id: $id) { id ${selection} } }`,
        { id: elsa },
        world.personas[persona]!,
      );
      const audit = await auditFor(res.headers.get('x-request-id'));
      expect(res.raw, name).not.toContain('070-123 45 61');
      expect(
        res.errors?.map((e) => [e.extensions?.code, e.path?.join('.')]),
        name,
      ).toEqual([['FORBIDDEN', name === 'aliases' ? 'client.fixedContact.told' : 'client.fixedContact.workMobile']]);
      expect(audit, name).toContainEqual({ action: 'read.contact_details', outcome: 'DENIED', client_id: elsa });
    }
  });
});
