import { readFileSync } from 'node:fs';
import { PERSONAS } from '@spindeln/demo-personas';
import fc from 'fast-check';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { SCHEMA_FILE } from '../src/graphql/print-schema';
import { addMessage, createRelative } from '../src/seed/factories';
import { startApi, type TestApi, tokenFor } from './support/api';
import { useDatabase } from './support/database';
import { type Forbidden, forbiddenFor, stringsIn } from './support/leak-oracle';
import { loadMatrixWorld } from './support/personas';
import { type GeneratedQuery, queryArbitrary } from './support/query-generator';

/**
 * Property: whatever query a persona writes (generated from schema.graphql: aliases, fragments,
 * inline fragments, directives, variables, nesting), no value behind a scope they lack appears
 * anywhere in the answer, errors included. One seeded database and one API for the whole file.
 */
// 2,000 per persona in CI (.ci/run sets it); fewer by default so a local `npm test` stays short.
const RUNS = Number(process.env.CONSENT_PROPERTY_RUNS ?? (process.env.CI ? 2000 : 300));
const BATCH = 8;
const db = useDatabase({ shared: true });
let api: TestApi;
let world: Awaited<ReturnType<typeof loadMatrixWorld>>;
let personas: Record<string, string | null>;
const figures: Record<string, Record<string, number>> = {};

beforeAll(async () => {
  world = await loadMatrixWorld(db.em());
  // Another writing relative of Elsa, and a relative of the protected client Hedvig.
  const eva = await createRelative(db.em(), {
    client: world.clients.elsa,
    givenName: 'Eva',
    familyName: 'Ekström',
    relationship: 'OTHER_RELATIVE',
    scopes: ['SEND_MESSAGES', 'READ_CONVERSATION'],
  });
  await addMessage(db.em(), {
    client: world.clients.elsa,
    author: eva.person,
    authorRole: 'RELATIVE',
    body: 'Jag kan handla åt Elsa på lördag.',
  });
  const rut = await createRelative(db.em(), {
    client: world.clients.hedvig,
    givenName: 'Rut',
    familyName: 'Lundgren',
    scopes: ['VIEW_CONTACT', 'VIEW_CONTACT_DETAILS', 'READ_CONVERSATION'],
  });
  personas = {
    ...world.personas,
    'relative with another writing relative': eva.person.personnummer,
    'relative of a protected client': rut.person.personnummer,
    'protected client': PERSONAS.hedvig.personnummer,
    'protected relative': PERSONAS.pia.personnummer,
    'client of another team': PERSONAS.gunnar.personnummer,
  };
  api = await startApi(db.orm);
});

afterAll(async () => {
  await api?.stop();
  const rows = Object.entries(figures).map(([p, f]) => ({ persona: p, ...f }));
  if (rows.length) {
    console.log('[consent properties] queries tried per persona');
    console.table(rows);
    const total = Object.values(figures).reduce((n, f) => n + (f.tried ?? 0), 0);
    console.log(`[consent properties] ${total} queries, ${rows.length} personas`);
  }
});

const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));

function leaks(forbidden: Forbidden, raw: string): string[] {
  let text: string;
  try {
    text = stringsIn(JSON.parse(raw)).join('\n');
  } catch {
    text = raw;
  }
  return [...forbidden.values].filter(([value]) => text.includes(value)).map(([v, why]) => `${why}: ${v}`);
}

describe('no query reaches past the persona’s consent', () => {
  const names = [
    'client',
    'relative VIEW_CONTACT',
    'relative VIEW_CONTACT_DETAILS',
    'relative SEND_MESSAGES',
    'relative READ_CONVERSATION',
    'relative all scopes',
    'relative revoked',
    'relative expired',
    'relative no consent',
    'relative with another writing relative',
    'relative of a protected client',
    'protected client',
    'protected relative',
    'client of another team',
    'staff contact',
    'staff on team',
    'staff other team',
    'coordinator of unit',
    'coordinator other unit',
    'unknown person',
    'no token',
  ];
  for (const persona of names) {
    // Personas run side by side (Vitest's maxConcurrency, 5), each in batches of concurrent requests.
    it.concurrent(persona, async ({ expect }) => {
      const personnummer = personas[persona] ?? null;
      const forbidden = await forbiddenFor(db.em(), personnummer);
      const token = personnummer ? await tokenFor(personnummer, { lifetime: 15 * 60 }) : null;
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      const started = Date.now();
      const counts = {
        tried: 0,
        answered: 0,
        withErrors: 0,
        refused: 0,
        forbiddenValues: forbidden.values.size,
        seconds: 0,
      };
      const arbitrary = queryArbitrary(schema, {
        clientIds: Object.values(world.clients).map((c) => c.id),
      });
      const run = async (q: GeneratedQuery) => {
        const res = await api.post({ query: q.query, variables: q.variables }, headers);
        counts.tried++;
        if (res.status === 200) {
          counts.answered++;
          if (res.errors?.length) counts.withErrors++;
        } else counts.refused++;
        return res;
      };
      await fc.assert(
        fc.asyncProperty(fc.array(arbitrary, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
          const answers = await Promise.all(batch.map(run));
          answers.forEach((res, i) => {
            const context = `${persona} (seed ${batch[i]!.seed})\n${batch[i]!.query}\n${JSON.stringify(batch[i]!.variables)}\n${res.raw}`;
            expect(res.status, context).toBeLessThan(500);
            expect(leaks(forbidden, res.raw), context).toEqual([]);
          });
        }),
        { numRuns: Math.ceil(RUNS / BATCH), endOnFailure: true },
      );
      counts.seconds = Math.round((Date.now() - started) / 100) / 10;
      figures[persona] = counts;
      expect(counts.tried).toBeGreaterThanOrEqual(RUNS);
      // Most generated queries must run, or the property says little.
      expect(counts.answered / counts.tried).toBeGreaterThan(0.5);
    }, 1_200_000);
  }
});
