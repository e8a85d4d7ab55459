import {
  ABSENCE_KINDS,
  CARE_SETTINGS,
  CONTACT_ROLES,
  OFFER_STATUSES,
  RELATIONSHIPS,
  SERVICE_TYPES,
  STAFF_TITLES,
  UNDERSKOTERSKA_RULE_FROM,
} from '@spindeln/care-values';
import { CONSENT_SCOPES } from '@spindeln/consent-scopes';
import { describe, expect, it } from 'vitest';
import { AUDIT_OUTCOMES } from '../src/modules/audit/audit-event.entity';
import { AUTHOR_ROLES, HANDLING_STATES } from '../src/modules/messages/messages.entity';
import { PROVIDER_KINDS } from '../src/modules/organisation/organisation.entity';
import { SYSTEM_ROLES } from '../src/modules/organisation/staff-member.entity';
import { CONSENT_END_REASONS, CONSENT_GIVEN_VIA } from '../src/modules/relatives/relatives.entity';
import { assignContact, createClient, createStaff, createUnit } from '../src/seed/factories';
import { useDatabase } from './support/database';

const db = useDatabase({ shared: true });

/**
 * The one source of each list a CHECK constraint spells out. The migrations write the lists out
 * (they are history and never change), so this is where a new value that reached only one side fails.
 */
const SOURCES: Record<string, readonly string[]> = {
  client_care_setting_valid: CARE_SETTINGS,
  granted_service_type_valid: SERVICE_TYPES,
  fixed_contact_offer_status_valid: OFFER_STATUSES,
  contact_assignment_role_valid: CONTACT_ROLES,
  staff_absence_kind_valid: ABSENCE_KINDS,
  staff_member_title_valid: STAFF_TITLES,
  relative_link_relationship_valid: RELATIONSHIPS,
  consent_scopes_valid: CONSENT_SCOPES,
  staff_member_roles_valid: SYSTEM_ROLES,
  provider_kind_valid: PROVIDER_KINDS,
  consent_given_via_valid: CONSENT_GIVEN_VIA,
  consent_end_valid: CONSENT_END_REASONS,
  message_author_role_valid: AUTHOR_ROLES,
  message_state_valid: HANDLING_STATES,
  audit_event_outcome_valid: AUDIT_OUTCOMES,
};

/** The value lists in a constraint's definition as PostgreSQL prints it: `= ANY (ARRAY[...])`, `<@ ARRAY[...]`. */
function listsIn(definition: string): string[][] {
  return [...definition.matchAll(/(?:= ANY \(|<@ )ARRAY\[([^\]]*)\]/g)].map((m) =>
    [...m[1]!.matchAll(/'((?:[^']|'')*)'::text/g)].map((v) => v[1]!.replaceAll("''", "'")),
  );
}

const sorted = (values: readonly string[]) => [...values].sort();

describe('value lists: the database and the one source agree', () => {
  it('every CHECK that lists values lists exactly its source list, and every source list is checked', async () => {
    const checks = await db.sql<{ name: string; definition: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND contype = 'c' ORDER BY conname`,
    );
    const listing = checks.map((c) => ({ ...c, lists: listsIn(c.definition) })).filter((c) => c.lists.length > 0);
    console.log(`value-list CHECKs in the database: ${listing.length}; source lists: ${Object.keys(SOURCES).length}`);
    for (const c of listing) console.log(`  ${c.name}: ${c.lists.map((l) => l.join(', ')).join(' | ')}`);
    // A new value-list CHECK needs its source here; a source whose CHECK is gone is stale.
    expect(listing.map((c) => c.name).sort()).toEqual(Object.keys(SOURCES).sort());
    for (const c of listing) {
      expect(c.lists, `${c.name} lists one set of values`).toHaveLength(1);
      const source = SOURCES[c.name]!;
      expect(new Set(source).size, `${c.name}'s source has no repeats`).toBe(source.length);
      expect(sorted(c.lists[0]!), `${c.name} against its source`).toEqual(sorted(source));
    }
  });

  it('the parser reads what PostgreSQL prints (so the comparison above cannot pass on nothing)', () => {
    expect(listsIn(`CHECK ((kind = ANY (ARRAY['A'::text, 'B''C'::text])))`)).toEqual([['A', "B'C"]]);
    expect(listsIn(`CHECK (((scopes <@ ARRAY['X'::text]) AND (cardinality(scopes) >= 1)))`)).toEqual([['X']]);
  });

  it(`the undersköterska trigger's date is the source's ${UNDERSKOTERSKA_RULE_FROM}, in its text and in what it does`, async () => {
    const [fn] = await db.sql<{ source: string }>(
      `SELECT prosrc AS source FROM pg_proc WHERE proname = 'contact_assignment_primary_check'`,
    );
    const dates = [...(fn?.source ?? '').matchAll(/DATE '(\d{4}-\d{2}-\d{2})'/g)].map((m) => m[1]);
    expect([...new Set(dates)]).toEqual([UNDERSKOTERSKA_RULE_FROM]);

    // What it does: a vårdbiträde may be the fixed contact up to the day before, not from that day.
    const em = db.em();
    const dayBefore = new Date(`${UNDERSKOTERSKA_RULE_FROM}T00:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    const before = dayBefore.toISOString().slice(0, 10);
    const { group, teams } = await createUnit(em, {
      groupName: 'Regelgruppen',
      groupPhone: '08-100 200',
      teams: [{ name: 'Regellaget' }],
    });
    const coordinator = await createStaff(em, {
      unit: group,
      givenName: 'Sam',
      familyName: 'Ordnare',
      roles: ['COORDINATOR'],
    });
    const assistant = await createStaff(em, {
      unit: group,
      givenName: 'Vera',
      familyName: 'Biträde',
      title: 'VARDBITRADE',
    });
    const client = await createClient(em, { team: teams[0]!, givenName: 'Rut', familyName: 'Regel' });
    const appoint = (validFrom: string, validTo: string | null) =>
      assignContact(db.em(), {
        client,
        staff: assistant,
        role: 'PRIMARY',
        appointedBy: coordinator,
        validFrom,
        validTo,
      });
    await expect(appoint(before, UNDERSKOTERSKA_RULE_FROM)).resolves.toBeTruthy();
    await expect(appoint(UNDERSKOTERSKA_RULE_FROM, null)).rejects.toMatchObject({
      constraint: 'contact_assignment_primary_underskoterska',
    });
  });
});
