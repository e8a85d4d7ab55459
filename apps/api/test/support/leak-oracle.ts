import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * What one person must never see, read from the database with the rules written out again here,
 * independently of the API's own code: for each client, the values behind each gate the person
 * does not pass, other relatives' names, protected persons' names, and every personnummer (the API
 * never returns one). A value the person may legitimately see by another route is not counted.
 */
export interface Forbidden {
  /** value → why it is forbidden */
  values: Map<string, string>;
}

interface StandingRow {
  client_id: string;
  client_person_id: string;
  self: boolean;
  assigned: boolean;
  on_team: boolean;
  coordinator: boolean;
  scopes: string[];
}

export async function forbiddenFor(em: EntityManager, personnummer: string | null): Promise<Forbidden> {
  const q = <T>(text: string, params: unknown[] = []) => em.getConnection().execute<T[]>(text, params);
  const [me] = personnummer
    ? await q<{ id: string; given_name: string | null; family_name: string | null }>(
        `SELECT id, given_name, family_name FROM person WHERE personnummer = ?`,
        [personnummer],
      )
    : [];
  const personId = me?.id ?? null;
  const standings = await q<StandingRow>(
    `SELECT c.id AS client_id, c.person_id AS client_person_id,
            c.person_id = ?::uuid IS TRUE AS self,
            EXISTS (SELECT 1 FROM staff_member s JOIN contact_assignment a ON a.staff_id = s.id
                     WHERE s.person_id = ?::uuid AND a.client_id = c.id AND a.valid_from <= current_date
                       AND (a.valid_to IS NULL OR a.valid_to > current_date)) AS assigned,
            EXISTS (SELECT 1 FROM staff_member s JOIN team_membership m ON m.staff_id = s.id
                     WHERE s.person_id = ?::uuid AND m.team_id = c.team_id) AS on_team,
            EXISTS (SELECT 1 FROM staff_member s JOIN work_team t ON t.group_id = s.unit_id
                     WHERE s.person_id = ?::uuid AND 'COORDINATOR' = ANY(s.roles) AND t.id = c.team_id) AS coordinator,
            coalesce((SELECT cs.scopes FROM relative_link l JOIN consent cs ON cs.relative_link_id = l.id
                       WHERE l.person_id = ?::uuid AND l.client_id = c.id AND cs.ended_at IS NULL
                         AND cs.relative_accepted_at IS NOT NULL AND (cs.expires_at IS NULL OR cs.expires_at > now())),
                     '{}') AS scopes
       FROM client c`,
    [personId, personId, personId, personId, personId],
  );

  const candidates = new Map<string, string>();
  const allowed = new Set<string>();
  const judge = (value: string | null | undefined, ok: boolean, why: string) => {
    if (!value) return;
    if (ok) allowed.add(value);
    else if (!candidates.has(value)) candidates.set(value, why);
  };
  const full = (g: string | null, f: string | null) => (g && f ? `${g} ${f}` : null);
  if (me) allowed.add(full(me.given_name, me.family_name) ?? '');

  for (const s of standings) {
    const staffish = s.self || s.assigned || s.on_team || s.coordinator;
    const passes = (gate: string) => {
      if (s.self) return true;
      if (gate === 'CLIENT_ONLY') return false;
      if (s.coordinator) return true;
      if (gate === 'CLIENT_OR_COORDINATOR') return false;
      if (s.assigned || s.on_team) return true;
      if (gate === 'CLIENT_AND_STAFF') return false;
      if (gate === 'VISIBLE') return s.scopes.length > 0;
      return s.scopes.includes(gate);
    };
    const [client] = await q<{ given_name: string; family_name: string; protected_identity: boolean }>(
      `SELECT given_name, family_name, protected_identity FROM person WHERE id = ?`,
      [s.client_person_id],
    );
    const clientName = full(client!.given_name, client!.family_name);
    judge(
      clientName,
      passes('VISIBLE') && (!client!.protected_identity || s.self || s.assigned || s.coordinator),
      `name of client ${s.client_id}`,
    );

    const contacts = await q<{ name: string; work_mobile: string | null }>(
      `SELECT p.given_name || ' ' || p.family_name AS name, st.work_mobile
         FROM contact_assignment a JOIN staff_member st ON st.id = a.staff_id JOIN person p ON p.id = st.person_id
        WHERE a.client_id = ? AND a.valid_from <= current_date AND (a.valid_to IS NULL OR a.valid_to > current_date)`,
      [s.client_id],
    );
    for (const c of contacts) {
      judge(c.name, passes('VIEW_CONTACT') || passes('VIEW_CONTACT_DETAILS'), `contact of ${s.client_id}`);
      judge(c.work_mobile, passes('VIEW_CONTACT_DETAILS'), `contact's mobile for ${s.client_id}`);
    }
    const [phones] = await q<{ team_phone: string | null; group_phone: string }>(
      `SELECT t.phone AS team_phone, g.phone AS group_phone FROM client c JOIN work_team t ON t.id = c.team_id
         JOIN care_group g ON g.id = t.group_id WHERE c.id = ?`,
      [s.client_id],
    );
    judge(phones!.team_phone, passes('VIEW_CONTACT_DETAILS'), `team phone of ${s.client_id}`);
    judge(phones!.group_phone, passes('VIEW_CONTACT_DETAILS'), `group phone of ${s.client_id}`);

    const messages = await q<{
      body: string;
      private: boolean;
      author_person_id: string;
      author_role: string;
      author_name: string | null;
    }>(
      `SELECT m.body, m.private, m.author_person_id, m.author_role, p.given_name || ' ' || p.family_name AS author_name
         FROM message m JOIN conversation cv ON cv.id = m.conversation_id JOIN person p ON p.id = m.author_person_id
        WHERE cv.client_id = ?`,
      [s.client_id],
    );
    for (const m of messages) {
      const readable = passes('READ_CONVERSATION') && (!m.private || staffish);
      judge(m.body, readable, m.private ? `private message of ${s.client_id}` : `message of ${s.client_id}`);
      if (m.author_role === 'STAFF') judge(m.author_name, readable, `staff author in ${s.client_id}`);
    }

    const relatives = await q<{
      person_id: string;
      registered: string | null;
      label: string;
      protected_identity: boolean;
    }>(
      `SELECT l.person_id, p.given_name || ' ' || p.family_name AS registered, l.given_name || ' ' || l.family_name AS label,
              p.protected_identity
         FROM relative_link l JOIN person p ON p.id = l.person_id WHERE l.client_id = ?`,
      [s.client_id],
    );
    for (const r of relatives) {
      const isMe = r.person_id === personId;
      judge(r.registered, isMe || (!r.protected_identity && staffish), `relative's name for ${s.client_id}`);
      judge(r.label, s.self || (!r.protected_identity && staffish), `client's label for a relative of ${s.client_id}`);
    }

    const notes = await q<{ capacity_note: string }>(
      `SELECT cs.capacity_note FROM consent cs JOIN relative_link l ON l.id = cs.relative_link_id
        WHERE l.client_id = ? AND cs.capacity_note IS NOT NULL`,
      [s.client_id],
    );
    for (const n of notes) judge(n.capacity_note, passes('CLIENT_OR_COORDINATOR'), `capacity note of ${s.client_id}`);
    const offers = await q<{ reason: string | null; client_view: string | null }>(
      `SELECT reason, client_view FROM fixed_contact_offer WHERE client_id = ?`,
      [s.client_id],
    );
    for (const o of offers) {
      judge(o.reason, passes('CLIENT_AND_STAFF'), `offer reason of ${s.client_id}`);
      judge(o.client_view, passes('CLIENT_AND_STAFF'), `client's view on the offer of ${s.client_id}`);
    }
  }

  // A client's access log and a coordinator's follow-up name whoever acted on the client, even a
  // stranger's denied attempt: there, any registered name but a protected one may appear.
  if (standings.some((s) => s.self || s.coordinator)) {
    for (const p of await q<{ name: string }>(
      `SELECT given_name || ' ' || family_name AS name FROM person WHERE NOT protected_identity AND given_name IS NOT NULL`,
    )) {
      allowed.add(p.name);
    }
  }

  // The API never returns a personnummer, not even the viewer's own.
  for (const p of await q<{ personnummer: string }>(`SELECT personnummer FROM person`)) {
    candidates.set(p.personnummer, 'a personnummer');
    candidates.set(`${p.personnummer.slice(0, 8)}-${p.personnummer.slice(8)}`, 'a personnummer');
  }

  const values = new Map<string, string>();
  const allowedList = [...allowed];
  for (const [value, why] of candidates) {
    // Seen by another route, or inside something the person may see: not a leak.
    if (allowed.has(value) || allowedList.some((a) => a.includes(value))) continue;
    values.set(value, why);
  }
  return { values };
}

/** Every string in a JSON value, so escaping in the raw text cannot hide a match. */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      stringsIn(v, out);
    }
  }
  return out;
}
