import { PERSONAS } from '@spindeln/demo-personas';
import { describe, expect, it } from 'vitest';
import { GenerationRefused, generateMunicipality, providerNameFor } from '../src/seed/generate';
import { freshDatabase, useDatabase } from './support/database';
import { loadDemo } from './support/world';

const db = useDatabase();

const CLIENTS = 400;
// A fixed "now", so two runs with the same seed give the same rows to the millisecond.
const NOW = new Date('2026-11-20T12:00:00Z');
const TODAY = '2026-11-20';

function generate(options: { seed?: number; url?: string } = {}) {
  return generateMunicipality(options.url ?? db.ownerUrl, { clients: CLIENTS, seed: options.seed ?? 7, now: NOW });
}

async function count(query: string, params: unknown[] = []): Promise<number> {
  const rows = await db.sql<{ n: string | number }>(query, params);
  return Number(rows[0]!.n);
}

/** Active on TODAY: [valid_from, valid_to). */
const ACTIVE = `a.valid_from <= '${TODAY}'::date AND (a.valid_to IS NULL OR a.valid_to > '${TODAY}'::date)`;

describe('generated municipality', () => {
  it('loads every table, with counts that match the database and scale with the clients', async () => {
    const { counts } = await generate();
    for (const [table, n] of Object.entries(counts)) {
      expect(await count(`SELECT count(*) AS n FROM ${table}`), table).toBe(n);
    }
    expect(counts.client).toBe(CLIENTS);
    expect(counts.provider).toBe(1);
    expect(counts.care_group).toBe(1);
    expect(counts.work_team).toBeGreaterThanOrEqual(2);
    expect(counts.staff_member).toBeGreaterThanOrEqual(40);
    expect(counts.staff_member).toBeLessThanOrEqual(60);
    expect(counts.team_membership).toBe(counts.staff_member);
    expect(counts.granted_service).toBeGreaterThanOrEqual(CLIENTS);
    expect(counts.granted_service).toBeLessThanOrEqual(3 * CLIENTS);
    expect(counts.fixed_contact_offer).toBe(CLIENTS);
    expect(counts.relative_link).toBeGreaterThanOrEqual(1.7 * CLIENTS);
    expect(counts.relative_link).toBeLessThanOrEqual(2.4 * CLIENTS);
    expect(counts.person).toBe(CLIENTS + counts.relative_link! + counts.staff_member!);
    expect(counts.consent! / counts.relative_link!).toBeGreaterThan(0.65);
    expect(counts.consent! / counts.relative_link!).toBeLessThan(0.85);
    expect(counts.conversation).toBeLessThanOrEqual(CLIENTS);
    expect(counts.message! / CLIENTS).toBeGreaterThanOrEqual(8);
    expect(counts.message! / CLIENTS).toBeLessThanOrEqual(12);
    // ~90% have a fixed contact and a deputy; a few have an ended contact as history.
    const withContact = await count(`SELECT count(DISTINCT client_id) AS n FROM contact_assignment a WHERE ${ACTIVE}`);
    expect(withContact / CLIENTS).toBeGreaterThan(0.82);
    expect(withContact / CLIENTS).toBeLessThan(0.96);
    expect(await count('SELECT count(*) AS n FROM contact_assignment WHERE valid_to IS NOT NULL')).toBeGreaterThan(0);
  });

  it('builds teams of 8-15 in groups with coordinators, every member in a team of their own group', async () => {
    await generate();
    const sizes = await db.sql<{ n: string }>(
      'SELECT count(*) AS n FROM team_membership GROUP BY team_id ORDER BY count(*)',
    );
    expect(Number(sizes[0]!.n)).toBeGreaterThanOrEqual(8);
    expect(Number(sizes.at(-1)!.n)).toBeLessThanOrEqual(15);
    expect(
      await count(
        `SELECT count(*) AS n FROM staff_member s
          WHERE NOT EXISTS (SELECT 1 FROM team_membership m JOIN work_team t ON t.id = m.team_id
                             WHERE m.staff_id = s.id AND t.group_id = s.unit_id)`,
      ),
    ).toBe(0);
    const coordinators = await count(`SELECT count(*) AS n FROM staff_member WHERE 'COORDINATOR' = ANY(roles)`);
    expect(coordinators).toBeGreaterThanOrEqual(1);
    expect(coordinators).toBeLessThanOrEqual(2);
    const titles = await db.sql<{ title: string; n: string }>(
      `SELECT title, count(*) AS n FROM staff_member WHERE 'CARE_STAFF' = ANY(roles) GROUP BY title`,
    );
    const byTitle = Object.fromEntries(titles.map((t) => [t.title, Number(t.n)]));
    expect(Object.keys(byTitle).sort()).toEqual(['UNDERSKOTERSKA', 'VARDBITRADE']);
    expect(byTitle.UNDERSKOTERSKA).toBeGreaterThan(2 * byTitle.VARDBITRADE!);
    expect(
      await count(`SELECT count(*) AS n FROM staff_member WHERE work_mobile !~ '^07[0-9]-[0-9]{3} [0-9]{2} [0-9]{2}$'`),
    ).toBe(0);
    // About 4% are away today; nobody has two absences at once (the database holds that too).
    const absent = await count(
      `SELECT count(DISTINCT staff_id) AS n FROM staff_absence
        WHERE first_day <= ?::date AND (last_day IS NULL OR last_day >= ?::date)`,
      [TODAY, TODAY],
    );
    expect(absent).toBeGreaterThanOrEqual(1);
    expect(absent).toBeLessThanOrEqual(6);
  });

  it('appoints only undersköterskor of the client’s team as fixed contacts, with a different deputy', async () => {
    await generate();
    // Every active PRIMARY is an undersköterska whose title was proven by the day the assignment began.
    expect(
      await count(
        `SELECT count(*) AS n FROM contact_assignment a JOIN staff_member s ON s.id = a.staff_id
          WHERE a.role = 'PRIMARY' AND ${ACTIVE}
            AND NOT (s.title = 'UNDERSKOTERSKA' AND s.title_proven_on <= a.valid_from)`,
      ),
    ).toBe(0);
    for (const role of ['PRIMARY', 'DEPUTY']) {
      expect(
        await count(
          `SELECT count(*) AS n FROM (SELECT client_id FROM contact_assignment a WHERE role = ? AND ${ACTIVE}
             GROUP BY client_id HAVING count(*) > 1) twice`,
          [role],
        ),
      ).toBe(0);
    }
    const pairs = await db.sql<{ primary_staff: string; deputy_staff: string; same_team: boolean; care: boolean }>(
      `SELECT p.staff_id AS primary_staff, d.staff_id AS deputy_staff,
              EXISTS (SELECT 1 FROM team_membership m WHERE m.staff_id = d.staff_id AND m.team_id = c.team_id)
              AND EXISTS (SELECT 1 FROM team_membership m WHERE m.staff_id = p.staff_id AND m.team_id = c.team_id)
                AS same_team,
              'CARE_STAFF' = ANY(ds.roles) AS care
         FROM contact_assignment p
         JOIN contact_assignment d ON d.client_id = p.client_id AND d.role = 'DEPUTY' AND d.valid_to IS NULL
         JOIN staff_member ds ON ds.id = d.staff_id
         JOIN client c ON c.id = p.client_id
        WHERE p.role = 'PRIMARY' AND p.valid_to IS NULL`,
    );
    expect(pairs.length).toBeGreaterThan(0.8 * CLIENTS);
    for (const pair of pairs) {
      expect(pair.primary_staff).not.toBe(pair.deputy_staff);
      expect(pair.same_team).toBe(true);
      expect(pair.care).toBe(true);
    }
    // Appointed by a coordinator of the client's group; 1-25 clients per fixed contact.
    expect(
      await count(
        `SELECT count(*) AS n FROM contact_assignment a
           JOIN client c ON c.id = a.client_id JOIN work_team t ON t.id = c.team_id
           JOIN staff_member s ON s.id = a.appointed_by
          WHERE NOT ('COORDINATOR' = ANY(s.roles) AND s.unit_id = t.group_id)`,
      ),
    ).toBe(0);
    const loads = await db.sql<{ n: string }>(
      `SELECT count(*) AS n FROM contact_assignment a WHERE role = 'PRIMARY' AND ${ACTIVE} GROUP BY staff_id`,
    );
    for (const load of loads) expect(Number(load.n)).toBeLessThanOrEqual(25);
    // History: an ended contact ends the day the current one starts.
    expect(
      await count(
        `SELECT count(*) AS n FROM contact_assignment old
          WHERE old.valid_to IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM contact_assignment cur WHERE cur.client_id = old.client_id AND cur.role = old.role
               AND cur.valid_from = old.valid_to AND cur.valid_to IS NULL AND cur.change_reason IS NOT NULL)`,
      ),
    ).toBe(0);
  });

  it('records one offer per client; exempt clients have only light services and no contact', async () => {
    await generate();
    const statuses = await db.sql<{ status: string; n: string }>(
      'SELECT status, count(*) AS n FROM fixed_contact_offer GROUP BY status',
    );
    const byStatus = Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)]));
    expect(byStatus.ACCEPTED! / CLIENTS).toBeGreaterThan(0.8);
    expect(byStatus.EXEMPT).toBeGreaterThan(0);
    expect(byStatus.DECLINED).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*) AS n FROM fixed_contact_offer WHERE status = 'DECLINED' AND client_view IS NULL`),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM fixed_contact_offer o
          WHERE o.status = 'EXEMPT' AND (
            EXISTS (SELECT 1 FROM granted_service g WHERE g.client_id = o.client_id
                     AND g.type NOT IN ('SAFETY_ALARM', 'MEAL_DELIVERY', 'CLEANING', 'SHOPPING'))
            OR EXISTS (SELECT 1 FROM contact_assignment a WHERE a.client_id = o.client_id))`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM client c
          WHERE NOT EXISTS (SELECT 1 FROM granted_service g WHERE g.client_id = c.id)
             OR (SELECT count(*) FROM granted_service g WHERE g.client_id = c.id) > 3`,
      ),
    ).toBe(0);
    const boende = await count(`SELECT count(*) AS n FROM client WHERE care_setting = 'SARSKILT_BOENDE'`);
    expect(boende / CLIENTS).toBeGreaterThan(0.05);
    expect(boende / CLIENTS).toBeLessThan(0.16);
  });

  it('gives consents with both SKR consents, a mix of scopes, in person recorded, some revoked', async () => {
    await generate();
    expect(await count('SELECT count(*) AS n FROM consent WHERE NOT (secrecy_waiver AND data_processing)')).toBe(0);
    const mixes = await db.sql<{ scopes: string }>(
      `SELECT array_to_string(scopes, ',') AS scopes FROM consent GROUP BY 1 ORDER BY count(*) DESC`,
    );
    const kinds = mixes.map((m) => m.scopes);
    expect(kinds).toContain('VIEW_CONTACT,VIEW_CONTACT_DETAILS,SEND_MESSAGES,READ_CONVERSATION');
    expect(kinds).toContain('VIEW_CONTACT');
    expect(kinds).toContain('VIEW_CONTACT,VIEW_CONTACT_DETAILS');
    const via = await db.sql<{ given_via: string; n: string }>(
      'SELECT given_via, count(*) AS n FROM consent GROUP BY given_via ORDER BY given_via',
    );
    expect(via.map((v) => v.given_via)).toEqual(['IN_PERSON', 'PORTAL']);
    expect(Number(via[0]!.n)).toBeLessThan(Number(via[1]!.n));
    // A revoked consent was ended by the client themself.
    const revoked = await db.sql<{ ended_by: string; client_person: string }>(
      `SELECT c.ended_by, cl.person_id AS client_person FROM consent c
         JOIN relative_link l ON l.id = c.relative_link_id JOIN client cl ON cl.id = l.client_id
        WHERE c.end_reason = 'REVOKED'`,
    );
    expect(revoked.length).toBeGreaterThan(0);
    for (const r of revoked) expect(r.ended_by).toBe(r.client_person);
    expect(
      await count(`SELECT count(*) AS n FROM consent WHERE ended_at IS NULL AND expires_at < ?`, [NOW]),
    ).toBeGreaterThan(0);
  });

  it('writes ~10 messages per client by the client, their relatives who may send, and their staff', async () => {
    await generate();
    const roles = await db.sql<{ author_role: string; n: string }>(
      'SELECT author_role, count(*) AS n FROM message GROUP BY author_role ORDER BY author_role',
    );
    expect(roles.map((r) => r.author_role)).toEqual(['CLIENT', 'RELATIVE', 'STAFF']);
    const authorsOk = await count(
      `SELECT count(*) AS n FROM message m JOIN conversation cv ON cv.id = m.conversation_id
         JOIN client c ON c.id = cv.client_id
        WHERE NOT CASE m.author_role
          WHEN 'CLIENT' THEN m.author_person_id = c.person_id
          WHEN 'RELATIVE' THEN EXISTS (
            SELECT 1 FROM relative_link l JOIN consent k ON k.relative_link_id = l.id
             WHERE l.client_id = c.id AND l.person_id = m.author_person_id AND k.ended_at IS NULL
               AND 'SEND_MESSAGES' = ANY(k.scopes))
          ELSE EXISTS (SELECT 1 FROM staff_member s WHERE s.person_id = m.author_person_id) END`,
    );
    expect(authorsOk).toBe(0);
    // Private only from the client, or on a staff reply to a private message.
    expect(
      await count(
        `SELECT count(*) AS n FROM message m LEFT JOIN message q ON q.id = m.in_reply_to
          WHERE m.private AND NOT (m.author_role = 'CLIENT' OR (m.author_role = 'STAFF' AND q.private))`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM message WHERE private AND author_role = 'CLIENT'`)).toBeGreaterThan(
      0,
    );
    const states = await db.sql<{ state: string }>(
      `SELECT DISTINCT state FROM message WHERE author_role <> 'STAFF' ORDER BY state`,
    );
    expect(states.map((s) => s.state)).toEqual(['ANSWERED', 'NEW', 'READ']);
    // Within the last 90 days, replies after the message they answer.
    expect(
      await count(
        `SELECT count(*) AS n FROM message WHERE created_at < ?::timestamptz - interval '90 days' OR created_at > ?`,
        [NOW, NOW],
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM message m JOIN message q ON q.id = m.in_reply_to
          WHERE m.created_at < q.created_at OR q.state <> 'ANSWERED'`,
      ),
    ).toBe(0);
  });

  it('numbers people in their own birth years and serials, next to the demo personas', async () => {
    await loadDemo(db.em());
    await generate();
    const kinds = await db.sql<{ kind: string; first: string; last: string; min_serial: number; max_serial: number }>(
      `SELECT kind, min(left(p.personnummer, 8)) AS first, max(left(p.personnummer, 8)) AS last,
              min(substr(p.personnummer, 9, 3)::int) AS min_serial, max(substr(p.personnummer, 9, 3)::int) AS max_serial
         FROM (SELECT c.person_id, 'client' AS kind FROM client c JOIN work_team t ON t.id = c.team_id
                 JOIN care_group g ON g.id = t.group_id JOIN provider pr ON pr.id = g.provider_id WHERE pr.name = ?
               UNION ALL SELECT l.person_id, 'relative' FROM relative_link l JOIN client c ON c.id = l.client_id
                 JOIN work_team t ON t.id = c.team_id JOIN care_group g ON g.id = t.group_id
                 JOIN provider pr ON pr.id = g.provider_id WHERE pr.name = ?
               UNION ALL SELECT s.person_id, 'staff' FROM staff_member s JOIN care_group g ON g.id = s.unit_id
                 JOIN provider pr ON pr.id = g.provider_id WHERE pr.name = ?) k
         JOIN person p ON p.id = k.person_id
        GROUP BY kind ORDER BY kind`,
      [providerNameFor(7), providerNameFor(7), providerNameFor(7)],
    );
    // Serials start at 100 in a database that holds only the demo (its personas use 980-999).
    expect(kinds.map((k) => [k.kind, Number(k.min_serial)])).toEqual([
      ['client', 100],
      ['relative', 100],
      ['staff', 100],
    ]);
    const years = Object.fromEntries(kinds.map((k) => [k.kind, [k.first.slice(0, 4), k.last.slice(0, 4)]]));
    expect(years.client![0]! >= '1922' && years.client![1]! <= '1949').toBe(true);
    expect(years.relative![0]! >= '1950' && years.relative![1]! <= '1964').toBe(true);
    expect(years.staff![0]! >= '1965' && years.staff![1]! <= '2004').toBe(true);
    for (const k of kinds) expect(Number(k.max_serial)).toBeLessThan(980);
    // Born across the whole range, men (odd serial) and women (even) alike, not just the first days.
    expect(years.staff![0]! <= '1970' && years.staff![1]! >= '1999').toBe(true);
    for (const k of kinds) expect(Number(k.max_serial)).toBeGreaterThan(Number(k.min_serial));
    // The personas are still there, once each.
    const personas = Object.values(PERSONAS).map((p) => p.personnummer);
    const marks = personas.map(() => '?').join(', ');
    expect(await count(`SELECT count(*) AS n FROM person WHERE personnummer IN (${marks})`, personas)).toBe(
      personas.length,
    );
  });

  it('gives the same rows for the same seed, in two fresh databases', async () => {
    const other = await freshDatabase();
    try {
      const a = await generate({ seed: 11 });
      const b = await generate({ seed: 11, url: other.ownerUrl });
      expect(b.counts).toEqual(a.counts);
      const fingerprint = async (sql: (q: string) => Promise<{ f: string }[]>) => ({
        persons: (
          await sql(
            `SELECT md5(string_agg(personnummer || given_name || family_name, ',' ORDER BY id)) AS f FROM person`,
          )
        )[0]!.f,
        messages: (
          await sql(
            `SELECT md5(string_agg(concat_ws('|', id, conversation_id, author_person_id, body, state, handled_by,
               handled_at, created_at), ',' ORDER BY id)) AS f FROM message`,
          )
        )[0]!.f,
        contacts: (
          await sql(
            `SELECT md5(string_agg(concat_ws('|', id, client_id, staff_id, role, valid_from, valid_to), ',' ORDER BY id))
               AS f FROM contact_assignment`,
          )
        )[0]!.f,
      });
      const here = await fingerprint((q) => db.sql(q));
      const there = await fingerprint((q) => other.orm.em.fork().getConnection().execute(q));
      expect(there).toEqual(here);
      // A different seed is a different municipality.
      const third = await freshDatabase();
      try {
        await generate({ seed: 12, url: third.ownerUrl });
        const differs = await fingerprint((q) => third.orm.em.fork().getConnection().execute(q));
        expect(differs.persons).not.toBe(here.persons);
      } finally {
        await third.drop();
      }
    } finally {
      await other.drop();
    }
  });

  it('refuses the same seed twice in one database, and leaves it as it was; another seed fits beside it', async () => {
    await generate({ seed: 3 });
    const before = await count('SELECT count(*) AS n FROM person');
    const error = await generate({ seed: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenerationRefused);
    expect((error as Error).message).toContain(providerNameFor(3));
    expect(await count('SELECT count(*) AS n FROM person')).toBe(before);

    const { counts } = await generate({ seed: 4 });
    expect(await count('SELECT count(*) AS n FROM person')).toBe(before + counts.person!);
    expect(await count('SELECT count(*) AS n FROM provider')).toBe(2);
  });

  it('refuses a size that is not a positive integer', async () => {
    for (const clients of [0, -5, 1.5, Number.NaN]) {
      await expect(generateMunicipality(db.ownerUrl, { clients })).rejects.toBeInstanceOf(GenerationRefused);
    }
  });
});
