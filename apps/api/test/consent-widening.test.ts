import { CONSENT_SCOPES } from '@spindeln/consent-scopes';
import { PERSONAS } from '@spindeln/demo-personas';
import { beforeEach, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from './support/api';
import { useDatabase } from './support/database';
import { loadDemo } from './support/world';

/**
 * Only the client widens what a relative sees. A coordinator records only what the client said in
 * person (IN_PERSON, with the note and who recorded it); a wider consent always waits for the
 * relative's new acceptance.
 */
const db = useDatabase();
let api: TestApi;
let w: Awaited<ReturnType<typeof loadDemo>>;

beforeEach(async () => {
  w = await loadDemo(db.em());
  api = await startApi(db.orm);
  return () => api.stop();
});

const CHANGE = `mutation($input: ChangeConsentInput!) { changeConsent(input: $input) { consentId scopes error { code field rule } } }`;
const REVOKE = `mutation($id: ID!, $note: String) { revokeConsent(consentId: $id, note: $note) { consentId error { code field rule } } }`;
const CONTACT = `query($id: ID!) { client(id: $id) { fixedContact { givenName workMobile } } }`;

async function current(personnummer: string) {
  const [row] = await db.sql<{
    id: string;
    scopes: string[];
    given_via: string;
    recorded_by: string | null;
    capacity_note: string | null;
    accepted: boolean;
  }>(
    `SELECT c.id, c.scopes, c.given_via, c.recorded_by, c.capacity_note, c.relative_accepted_at IS NOT NULL AS accepted
       FROM consent c JOIN relative_link l ON l.id = c.relative_link_id JOIN person p ON p.id = l.person_id
      WHERE p.personnummer = ? AND c.ended_at IS NULL`,
    [personnummer],
  );
  return row!;
}

const johan = PERSONAS.johan.personnummer;
const maria = PERSONAS.maria.personnummer;
const lena = PERSONAS.lena.personnummer;
const elsa = PERSONAS.elsa.personnummer;

describe('changing a consent', () => {
  it('never lets a coordinator widen it as if the client had done it in the portal', async () => {
    const before = await current(johan);
    expect(before.scopes).toEqual(['VIEW_CONTACT']);
    // The reported attack: Lena takes Johan to every scope. Refused: she did not say how Elsa gave it.
    const attack = await api.gql(CHANGE, { input: { consentId: before.id, scopes: [...CONSENT_SCOPES] } }, lena);
    expect(attack.data?.changeConsent).toMatchObject({
      consentId: null,
      error: { code: 'INVALID_INPUT', field: 'capacityNote', rule: 'required' },
    });
    expect(await current(johan)).toEqual(before);
    // No input says how a consent was given: a coordinator cannot claim PORTAL.
    const claim = await api.gql(
      CHANGE,
      { input: { consentId: before.id, scopes: [...CONSENT_SCOPES], givenVia: 'PORTAL' } },
      lena,
    );
    expect(claim.status).toBe(400);
    expect(claim.data?.changeConsent).toBeUndefined();
    expect(await current(johan)).toEqual(before);
  });

  it('lets a coordinator record a wider consent given in person, which waits for the relative’s acceptance', async () => {
    const before = await current(johan);
    const res = await api.gql(
      CHANGE,
      {
        input: {
          consentId: before.id,
          scopes: [...CONSENT_SCOPES],
          capacityNote: 'Elsa förstod och bad om det vid hembesöket 1 december',
        },
      },
      lena,
    );
    expect(res.data?.changeConsent).toMatchObject({ error: null, scopes: [...CONSENT_SCOPES] });
    const after = await current(johan);
    expect(after).toMatchObject({
      scopes: [...CONSENT_SCOPES],
      given_via: 'IN_PERSON',
      recorded_by: w.staff.lena.id,
      capacity_note: 'Elsa förstod och bad om det vid hembesöket 1 december',
      accepted: false,
    });
    // Johan's old acceptance was for less: until he accepts again, the consent gives him nothing.
    expect((await api.gql(CONTACT, { id: w.clients.elsa.id }, johan)).data).toEqual({ client: null });
    await api.gql(`mutation($id: ID!) { acceptConsent(consentId: $id) { error { code } } }`, { id: after.id }, johan);
    expect((await api.gql(CONTACT, { id: w.clients.elsa.id }, johan)).data).toEqual({
      client: { fixedContact: { givenName: 'Anna', workMobile: '070-123 45 61' } },
    });
    const [audit] = await db.sql<{ detail: Record<string, unknown> }>(
      `SELECT detail FROM audit_event WHERE action = 'consent.change' AND outcome = 'ALLOWED'`,
    );
    expect(audit!.detail).toMatchObject({ widened: true, givenVia: 'IN_PERSON', recordedBy: w.staff.lena.id });
  });

  it('keeps the acceptance when the client narrows, and drops it when the client widens again', async () => {
    const first = await current(maria);
    const narrow = await api.gql(CHANGE, { input: { consentId: first.id, scopes: ['VIEW_CONTACT'] } }, elsa);
    expect(narrow.data?.changeConsent).toMatchObject({ error: null });
    expect(await current(maria)).toMatchObject({ given_via: 'PORTAL', recorded_by: null, accepted: true });
    expect((await api.gql(CONTACT, { id: w.clients.elsa.id }, maria)).data).toEqual({
      client: { fixedContact: { givenName: 'Anna', workMobile: null } },
    });
    const wide = await api.gql(
      CHANGE,
      { input: { consentId: (await current(maria)).id, scopes: ['VIEW_CONTACT', 'VIEW_CONTACT_DETAILS'] } },
      elsa,
    );
    expect(wide.data?.changeConsent).toMatchObject({ error: null });
    expect(await current(maria)).toMatchObject({ given_via: 'PORTAL', accepted: false });
    // A later expiry widens too.
    const soon = new Date(Date.now() + 86_400_000).toISOString();
    await api.gql(
      CHANGE,
      { input: { consentId: (await current(maria)).id, scopes: ['VIEW_CONTACT'], expiresAt: soon } },
      elsa,
    );
    await db.sql(
      `UPDATE consent SET relative_accepted_at = now() WHERE ended_at IS NULL AND relative_accepted_at IS NULL`,
    );
    await api.gql(CHANGE, { input: { consentId: (await current(maria)).id, scopes: ['VIEW_CONTACT'] } }, elsa);
    expect(await current(maria)).toMatchObject({ accepted: false });
    // The client's own change has no capacity note: that is the coordinator's record.
    const note = await api.gql(
      CHANGE,
      { input: { consentId: (await current(maria)).id, scopes: ['VIEW_CONTACT'], capacityNote: 'jag' } },
      elsa,
    );
    expect(note.data?.changeConsent).toMatchObject({ error: { field: 'capacityNote', rule: 'coordinator_only' } });
  });

  it('lets a coordinator narrow or revoke on the client’s word, recorded as given in person', async () => {
    const first = await current(maria);
    const bare = await api.gql(CHANGE, { input: { consentId: first.id, scopes: ['VIEW_CONTACT'] } }, lena);
    expect(bare.data?.changeConsent).toMatchObject({ error: { field: 'capacityNote', rule: 'required' } });
    const narrow = await api.gql(
      CHANGE,
      { input: { consentId: first.id, scopes: ['VIEW_CONTACT'], capacityNote: 'Elsa ringde och bad om det' } },
      lena,
    );
    expect(narrow.data?.changeConsent).toMatchObject({ error: null });
    expect(await current(maria)).toMatchObject({
      given_via: 'IN_PERSON',
      recorded_by: w.staff.lena.id,
      capacity_note: 'Elsa ringde och bad om det',
      accepted: true,
    });
    const id = (await current(maria)).id;
    expect((await api.gql(REVOKE, { id }, lena)).data?.revokeConsent).toMatchObject({
      error: { field: 'note', rule: 'required' },
    });
    expect(
      (await api.gql(REVOKE, { id, note: 'Elsa bad om det vid besöket' }, lena)).data?.revokeConsent,
    ).toMatchObject({
      error: null,
    });
    const [ended] = await db.sql<{ ended_by: string; end_reason: string }>(
      `SELECT ended_by, end_reason FROM consent WHERE id = ?`,
      [id],
    );
    expect(ended).toEqual({ ended_by: w.staff.lena.personId, end_reason: 'REVOKED' });
    const [audit] = await db.sql<{ detail: Record<string, unknown> }>(
      `SELECT detail FROM audit_event WHERE action = 'consent.revoke' AND outcome = 'ALLOWED'`,
    );
    expect(audit!.detail).toMatchObject({
      givenVia: 'IN_PERSON',
      recordedBy: w.staff.lena.id,
      note: 'Elsa bad om det vid besöket',
    });
  });

  it('is held by the database too: a wider row never carries an acceptance, a portal row no recorder', async () => {
    const c = await current(johan);
    await expect(
      db.sql(
        `UPDATE consent SET ended_at = now(), ended_by = ?, end_reason = 'CHANGED' WHERE id = ?;
         INSERT INTO consent (relative_link_id, scopes, secrecy_waiver, data_processing, given_via, relative_accepted_at, replaces_id)
         SELECT relative_link_id, '{VIEW_CONTACT,VIEW_CONTACT_DETAILS}', true, true, 'PORTAL', relative_accepted_at, id FROM consent WHERE id = ?`,
        [w.clients.elsa.personId, c.id, c.id],
      ),
    ).rejects.toThrow(/consent_widened_needs_acceptance|new acceptance/);
    await expect(
      db.sql(
        `INSERT INTO consent (relative_link_id, scopes, secrecy_waiver, data_processing, given_via, recorded_by, capacity_note)
         SELECT l.id, '{VIEW_CONTACT}', true, true, 'PORTAL', ?, 'x' FROM relative_link l JOIN person p ON p.id = l.person_id
          WHERE p.personnummer = ?`,
        [w.staff.lena.id, PERSONAS.karin.personnummer],
      ),
    ).rejects.toThrow(/consent_portal_not_recorded/);
  });
});
