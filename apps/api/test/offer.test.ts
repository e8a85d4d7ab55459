import { describe, expect, it } from 'vitest';
import { currentOffer, recordOffer } from '../src/modules/clients/offer.service';
import { createClient } from '../src/seed/factories';
import { tableCounts, useDatabase } from './support/database';
import { refused } from './support/refused';
import { loadDemo } from './support/world';

const db = useDatabase();

describe('fixed-contact offer', () => {
  it('records the offer and the answer as history; the latest is current', async () => {
    const w = await loadDemo(db.em());
    const client = await createClient(db.em(), { team: w.centrum.teams[0]!, givenName: 'Ny', familyName: 'Kund' });
    const lena = w.actor(w.staff.lena);
    await recordOffer(db.em(), lena, { clientId: client.id, status: 'OFFERED' });
    await recordOffer(db.em(), lena, {
      clientId: client.id,
      status: 'DECLINED',
      clientView: 'Vill vänta tills dottern flyttat hem.',
    });
    expect(await currentOffer(db.em(), client.id)).toMatchObject({
      status: 'DECLINED',
      clientView: 'Vill vänta tills dottern flyttat hem.',
      assessedBy: w.staff.lena.id,
    });
    const rows = await db.sql(`SELECT status FROM fixed_contact_offer WHERE client_id = ? ORDER BY assessed_at`, [
      client.id,
    ]);
    expect(rows).toEqual([{ status: 'OFFERED' }, { status: 'DECLINED' }]);
  });

  it('allows an exemption only with its reason and the client’s view, and only for the narrow cases', async () => {
    const w = await loadDemo(db.em());
    const lena = w.actor(w.staff.lena);
    const alarmOnly = await createClient(db.em(), {
      team: w.centrum.teams[0]!,
      givenName: 'Larm',
      familyName: 'Ensam',
      services: ['SAFETY_ALARM'],
    });
    const before = await tableCounts(db.em());
    expect(
      await refused(recordOffer(db.em(), lena, { clientId: alarmOnly.id, status: 'EXEMPT', clientView: 'Vill inte' })),
    ).toMatchObject({ field: 'reason', rule: 'required' });
    expect(
      await refused(recordOffer(db.em(), lena, { clientId: alarmOnly.id, status: 'EXEMPT', reason: 'Enbart larm' })),
    ).toMatchObject({ field: 'clientView', rule: 'required' });
    // Personal care rules the exemption out, whatever the assessment says.
    expect(
      await refused(
        recordOffer(db.em(), lena, { clientId: w.clients.elsa.id, status: 'EXEMPT', reason: 'x', clientView: 'y' }),
      ),
    ).toMatchObject({ field: 'status', rule: 'exemption_not_obvious' });
    expect(
      await refused(recordOffer(db.em(), lena, { clientId: alarmOnly.id, status: 'MAYBE' as never })),
    ).toMatchObject({ field: 'status', rule: 'one_of' });
    expect(await tableCounts(db.em())).toEqual(before);
    await recordOffer(db.em(), lena, {
      clientId: alarmOnly.id,
      status: 'EXEMPT',
      reason: 'Enbart trygghetslarm, stort nätverk.',
      clientView: 'Klarar sig själv, vill inte ha kontakt.',
    });
    expect((await currentOffer(db.em(), alarmOnly.id))?.status).toBe('EXEMPT');
    await expect(
      db.sql(`INSERT INTO fixed_contact_offer (client_id, status, assessed_by) VALUES (?, 'EXEMPT', ?)`, [
        alarmOnly.id,
        w.staff.lena.id,
      ]),
    ).rejects.toMatchObject({ constraint: 'fixed_contact_offer_exempt_reasoned' });
  });

  it('is recorded only by a coordinator of the client’s unit', async () => {
    const w = await loadDemo(db.em());
    expect(
      (await refused(recordOffer(db.em(), w.actor(w.staff.olof), { clientId: w.clients.elsa.id, status: 'OFFERED' })))
        .code,
    ).toBe('NOT_FOUND');
    expect(
      (await refused(recordOffer(db.em(), w.actor(w.staff.anna), { clientId: w.clients.elsa.id, status: 'OFFERED' })))
        .code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await refused(
          recordOffer(db.em(), w.actor(w.clients.elsa), { clientId: w.clients.elsa.id, status: 'ACCEPTED' }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });
});
