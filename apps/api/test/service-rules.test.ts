import { describe, expect, it } from 'vitest';
import { NO_STANDING, relationsOf } from '../src/modules/access/standing';
import { latestOffers, recordOffer } from '../src/modules/clients/offer.service';
import { type ContactPerson, phoneListOf, type WhoToContact } from '../src/modules/contacts/who-to-contact';
import { minutesWaiting } from '../src/modules/messages/conversation.service';
import { createClient } from '../src/seed/factories';
import { useDatabase } from './support/database';
import { loadDemo } from './support/world';

/** The rules the resolvers used to hold, called as services (the GraphQL tests cover them end to end). */

const person = (givenName: string, workMobile: string | null): ContactPerson => ({
  staffId: givenName,
  role: 'PRIMARY',
  givenName,
  familyName: 'Ek',
  title: 'UNDERSKOTERSKA',
  workMobile,
  workingHours: [],
  absence: null,
});

const facts = (over: Partial<WhoToContact>): WhoToContact => ({
  clientId: 'c',
  day: '2026-12-02',
  primary: null,
  deputy: null,
  contact: null,
  teamPhone: '08-111 111',
  teamName: 'Laget',
  groupName: 'Gruppen',
  groupPhone: '08-222 222',
  reason: 'NO_CONTACT_APPOINTED',
  primaryAbsentUntil: null,
  ...over,
});

describe('the phone list (contacts/who-to-contact.ts)', () => {
  it('lists contact, deputy, team and group, each with a number, in that order', () => {
    expect(phoneListOf(facts({ primary: person('Anna', '070-1'), deputy: person('Sara', '070-2') }))).toEqual([
      { kind: 'PRIMARY', name: 'Anna Ek', number: '070-1' },
      { kind: 'DEPUTY', name: 'Sara Ek', number: '070-2' },
      { kind: 'TEAM', name: 'Laget', number: '08-111 111' },
      { kind: 'GROUP', name: 'Gruppen', number: '08-222 222' },
    ]);
  });

  it('leaves out whoever has no number, and the team when its phone is the group’s', () => {
    expect(phoneListOf(facts({ primary: person('Anna', null), teamPhone: '08-222 222' }))).toEqual([
      { kind: 'GROUP', name: 'Gruppen', number: '08-222 222' },
    ]);
  });
});

describe('my access (access/standing.ts)', () => {
  it('names each way the viewer stands to the client; a relative only with consented scopes', () => {
    expect(relationsOf(NO_STANDING('c'))).toEqual([]);
    expect(relationsOf({ ...NO_STANDING('c'), self: true })).toEqual(['SELF']);
    expect(relationsOf({ ...NO_STANDING('c'), scopes: ['VIEW_CONTACT'] })).toEqual(['RELATIVE']);
    expect(relationsOf({ ...NO_STANDING('c'), staff: true, coordinator: true })).toEqual(['STAFF', 'COORDINATOR']);
  });
});

describe('waiting minutes (messages/conversation.service.ts)', () => {
  it('counts whole minutes since the oldest unanswered message, none when nothing waits', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    expect(minutesWaiting(new Date('2026-12-02T08:30:30Z'), now)).toBe(89);
    expect(minutesWaiting(null, now)).toBeNull();
  });
});

describe('the latest offer (clients/offer.service.ts)', () => {
  const db = useDatabase();
  it('is each client’s latest assessment, for many clients at once; a client without one has none', async () => {
    const w = await loadDemo(db.em());
    const lena = w.actor(w.staff.lena);
    const team = w.centrum.teams[0]!;
    const first = await createClient(db.em(), { team, givenName: 'Första', familyName: 'Kund' });
    const second = await createClient(db.em(), { team, givenName: 'Andra', familyName: 'Kund' });
    const none = await createClient(db.em(), { team, givenName: 'Ingen', familyName: 'Kund' });
    await recordOffer(db.em(), lena, { clientId: first.id, status: 'OFFERED' });
    await recordOffer(db.em(), lena, { clientId: second.id, status: 'OFFERED' });
    await recordOffer(db.em(), lena, { clientId: first.id, status: 'ACCEPTED' });
    const latest = await latestOffers(db.em(), [first.id, second.id, none.id]);
    expect(latest.get(first.id)?.status).toBe('ACCEPTED');
    expect(latest.get(second.id)?.status).toBe('OFFERED');
    expect(latest.has(none.id)).toBe(false);
  });
});
