import { CONSENT_SCOPES } from '@spindeln/consent-scopes';
import { PERSONAS } from '@spindeln/demo-personas';
import { describe, expect, it } from 'vitest';
import { relativeScopes } from '../src/modules/access/standing';
import {
  acceptConsent,
  addRelative,
  changeConsent,
  grantConsent,
  revokeConsent,
} from '../src/modules/relatives/consent.service';
import { createRelative } from '../src/seed/factories';
import { tableCounts, useDatabase } from './support/database';
import { refused } from './support/refused';
import { loadDemo } from './support/world';

const db = useDatabase();

async function withNewRelative() {
  const w = await loadDemo(db.em());
  const elsa = w.clients.elsa;
  const link = await addRelative(db.em(), w.actor(elsa), {
    clientId: elsa.id,
    personnummer: '19700315-9857',
    givenName: 'Eva',
    familyName: 'Andersson',
    relationship: 'OTHER_RELATIVE',
  });
  return { w, elsa, link };
}

describe('consent', () => {
  it('is granted by the client, takes effect when the relative accepts, and is audited', async () => {
    const { w, elsa, link } = await withNewRelative();
    const consent = await grantConsent(db.em(), w.actor(elsa), {
      relativeLinkId: link.id,
      scopes: ['SEND_MESSAGES', 'VIEW_CONTACT'],
      secrecyWaiver: true,
      dataProcessing: true,
    });
    expect(consent.scopes).toEqual(['VIEW_CONTACT', 'SEND_MESSAGES']);
    // Listed and granted, but the relative has not accepted the processing of their own data yet.
    expect(await relativeScopes(db.em(), link.personId, elsa.id)).toEqual([]);
    await acceptConsent(db.em(), { personId: link.personId }, { consentId: consent.id });
    expect(await relativeScopes(db.em(), link.personId, elsa.id)).toEqual(['VIEW_CONTACT', 'SEND_MESSAGES']);
    const audit = await db.sql<{ action: string; outcome: string }>(
      `SELECT action, outcome FROM audit_event WHERE client_id = ? ORDER BY id`,
      [elsa.id],
    );
    expect(audit).toEqual([
      { action: 'relative.add', outcome: 'ALLOWED' },
      { action: 'consent.grant', outcome: 'ALLOWED' },
      { action: 'consent.accept', outcome: 'ALLOWED' },
    ]);
  });

  it('refuses a consent without both SKR consents, in the service and in the database', async () => {
    const { w, elsa, link } = await withNewRelative();
    const before = await tableCounts(db.em());
    for (const [secrecyWaiver, dataProcessing] of [
      [false, true],
      [true, false],
      [false, false],
    ] as const) {
      const e = await refused(
        grantConsent(db.em(), w.actor(elsa), {
          relativeLinkId: link.id,
          scopes: ['VIEW_CONTACT'],
          secrecyWaiver,
          dataProcessing,
        }),
      );
      expect(e).toMatchObject({ field: 'consents', rule: 'consent_requires_both_consents' });
    }
    expect(await tableCounts(db.em())).toEqual(before);
    await expect(
      db.sql(
        `INSERT INTO consent (relative_link_id, scopes, secrecy_waiver, data_processing, given_via)
         VALUES (?, '{VIEW_CONTACT}', true, false, 'PORTAL')`,
        [link.id],
      ),
    ).rejects.toMatchObject({ constraint: 'consent_requires_both_consents' });
  });

  it('refuses scopes outside the one list, and an empty list', async () => {
    const { w, elsa, link } = await withNewRelative();
    const base = { relativeLinkId: link.id, secrecyWaiver: true, dataProcessing: true };
    expect(await refused(grantConsent(db.em(), w.actor(elsa), { ...base, scopes: ['VIEW_HEALTH'] }))).toMatchObject({
      field: 'scopes',
      rule: 'one_of',
    });
    expect(await refused(grantConsent(db.em(), w.actor(elsa), { ...base, scopes: [] }))).toMatchObject({
      field: 'scopes',
      rule: 'required',
    });
    await expect(
      db.sql(
        `INSERT INTO consent (relative_link_id, scopes, secrecy_waiver, data_processing, given_via)
         VALUES (?, '{VIEW_CONTACT,VIEW_JOURNAL}', true, true, 'PORTAL')`,
        [link.id],
      ),
    ).rejects.toMatchObject({ constraint: 'consent_scopes_valid' });
  });

  it('is recorded in person only by a coordinator of the unit, with a note on capacity', async () => {
    const { w, link } = await withNewRelative();
    const base = { relativeLinkId: link.id, scopes: [...CONSENT_SCOPES], secrecyWaiver: true, dataProcessing: true };
    expect(
      await refused(grantConsent(db.em(), w.actor(w.staff.lena), { ...base, inPerson: { capacityNote: '  ' } })),
    ).toMatchObject({ field: 'capacityNote' });
    expect(
      (
        await refused(
          grantConsent(db.em(), w.actor(w.staff.olof), { ...base, inPerson: { capacityNote: 'Klar och orienterad' } }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await refused(
          grantConsent(db.em(), w.actor(w.staff.anna), { ...base, inPerson: { capacityNote: 'Klar och orienterad' } }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    const consent = await grantConsent(db.em(), w.actor(w.staff.lena), {
      ...base,
      inPerson: { capacityNote: 'Klar och orienterad, förstod vad samtycket innebär.' },
    });
    expect(consent).toMatchObject({ givenVia: 'IN_PERSON', recordedBy: w.staff.lena.id });
    await expect(
      db.sql(
        `INSERT INTO consent (relative_link_id, scopes, secrecy_waiver, data_processing, given_via, recorded_by)
         VALUES (?, '{VIEW_CONTACT}', true, true, 'IN_PERSON', ?)`,
        [link.id, w.staff.lena.id],
      ),
    ).rejects.toMatchObject({ constraint: 'consent_in_person_recorded' });
  });

  it('may not be granted by a relative or by staff in the portal', async () => {
    const { w, link } = await withNewRelative();
    const maria = await db.sql<{ id: string }>(`SELECT id FROM person WHERE personnummer = ?`, [
      PERSONAS.maria.personnummer,
    ]);
    const base = { relativeLinkId: link.id, scopes: ['VIEW_CONTACT'], secrecyWaiver: true, dataProcessing: true };
    const before = await tableCounts(db.em());
    expect((await refused(grantConsent(db.em(), { personId: maria[0]!.id }, base))).code).toBe('NOT_FOUND');
    expect((await refused(grantConsent(db.em(), w.actor(w.staff.anna), base))).code).toBe('NOT_FOUND');
    expect(await tableCounts(db.em())).toEqual(before);
  });

  it('changes by ending the current row and adding one that replaces it', async () => {
    const w = await loadDemo(db.em());
    const elsa = w.clients.elsa;
    const [johan] = await db.sql<{ consent_id: string; person_id: string }>(
      `SELECT c.id consent_id, l.person_id FROM consent c JOIN relative_link l ON l.id = c.relative_link_id
         JOIN person p ON p.id = l.person_id WHERE p.personnummer = ?`,
      [PERSONAS.johan.personnummer],
    );
    expect(await relativeScopes(db.em(), johan!.person_id, elsa.id)).toEqual(['VIEW_CONTACT']);
    const next = await changeConsent(db.em(), w.actor(elsa), {
      consentId: johan!.consent_id,
      scopes: ['VIEW_CONTACT', 'VIEW_CONTACT_DETAILS'],
    });
    // Until Johan accepts the wider consent, it gives him nothing.
    expect(await relativeScopes(db.em(), johan!.person_id, elsa.id)).toEqual([]);
    const history = await db.sql(
      `SELECT scopes, end_reason, replaces_id, relative_accepted_at IS NOT NULL accepted FROM consent
        WHERE relative_link_id = (SELECT relative_link_id FROM consent WHERE id = ?) ORDER BY granted_at`,
      [next.id],
    );
    expect(history).toEqual([
      { scopes: ['VIEW_CONTACT'], end_reason: 'CHANGED', replaces_id: null, accepted: true },
      // Wider than before: Johan's old acceptance is not carried over.
      {
        scopes: ['VIEW_CONTACT', 'VIEW_CONTACT_DETAILS'],
        end_reason: null,
        replaces_id: johan!.consent_id,
        accepted: false,
      },
    ]);
    // An ended consent cannot be changed again.
    expect(
      await refused(changeConsent(db.em(), w.actor(elsa), { consentId: johan!.consent_id, scopes: ['VIEW_CONTACT'] })),
    ).toMatchObject({ rule: 'consent_ended' });
  });

  it('stops working the moment it is revoked, and keeps the history', async () => {
    const w = await loadDemo(db.em());
    const elsa = w.clients.elsa;
    const [maria] = await db.sql<{ consent_id: string; person_id: string }>(
      `SELECT c.id consent_id, l.person_id FROM consent c JOIN relative_link l ON l.id = c.relative_link_id
         JOIN person p ON p.id = l.person_id WHERE p.personnummer = ? AND c.ended_at IS NULL`,
      [PERSONAS.maria.personnummer],
    );
    expect(await relativeScopes(db.em(), maria!.person_id, elsa.id)).toHaveLength(4);
    await revokeConsent(db.em(), w.actor(elsa), { consentId: maria!.consent_id });
    expect(await relativeScopes(db.em(), maria!.person_id, elsa.id)).toEqual([]);
    const [row] = await db.sql(`SELECT end_reason, ended_by FROM consent WHERE id = ?`, [maria!.consent_id]);
    expect(row).toEqual({ end_reason: 'REVOKED', ended_by: elsa.personId });
    await expect(db.sql(`DELETE FROM consent WHERE id = ?`, [maria!.consent_id])).rejects.toThrow(/history/);
    await expect(
      db.sql(`UPDATE consent SET scopes = '{VIEW_CONTACT}' WHERE id = ?`, [maria!.consent_id]),
    ).rejects.toThrow(/history/);
  });

  it('gives nothing once expired, nor to the revoked or unconsented demo relatives', async () => {
    const w = await loadDemo(db.em());
    const elsa = w.clients.elsa;
    const soon = new Date(Date.now() + 60_000);
    const { person } = await createRelative(db.em(), {
      client: elsa,
      givenName: 'Tove',
      familyName: 'Tid',
      scopes: ['VIEW_CONTACT'],
      expiresAt: soon,
    });
    expect(await relativeScopes(db.em(), person.id, elsa.id)).toEqual(['VIEW_CONTACT']);
    expect(await relativeScopes(db.em(), person.id, elsa.id, new Date(soon.getTime() + 1))).toEqual([]);
    for (const who of [PERSONAS.lars, PERSONAS.karin]) {
      const [p] = await db.sql<{ id: string }>(`SELECT id FROM person WHERE personnummer = ?`, [who.personnummer]);
      expect(await relativeScopes(db.em(), p!.id, elsa.id)).toEqual([]);
    }
    // A consent to Elsa says nothing about another client.
    const [maria] = await db.sql<{ id: string }>(`SELECT id FROM person WHERE personnummer = ?`, [
      PERSONAS.maria.personnummer,
    ]);
    expect(await relativeScopes(db.em(), maria!.id, w.clients.gunnar.id)).toEqual([]);
  });

  it('refuses an invalid personnummer for a relative, naming the rule, and writes nothing', async () => {
    const w = await loadDemo(db.em());
    const elsa = w.clients.elsa;
    const before = await tableCounts(db.em());
    const base = { clientId: elsa.id, givenName: 'X', familyName: 'Y', relationship: 'FRIEND' as const };
    expect(
      await refused(addRelative(db.em(), w.actor(elsa), { ...base, personnummer: '19450230-1234' })),
    ).toMatchObject({ field: 'personnummer', rule: 'date' });
    expect(
      await refused(addRelative(db.em(), w.actor(elsa), { ...base, personnummer: '19121212-1213' })),
    ).toMatchObject({ field: 'personnummer', rule: 'checksum' });
    expect(
      await refused(addRelative(db.em(), w.actor(elsa), { ...base, personnummer: elsa.person.personnummer })),
    ).toMatchObject({ rule: 'not_self' });
    expect(
      await refused(addRelative(db.em(), w.actor(elsa), { ...base, personnummer: PERSONAS.maria.personnummer })),
    ).toMatchObject({ rule: 'relative_link_unique' });
    expect(await tableCounts(db.em())).toEqual(before);
  });
});
