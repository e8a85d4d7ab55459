import type { EntityManager } from '@mikro-orm/postgresql';
import { PERSONAS } from '@spindeln/demo-personas';
import { addDays, stockholmDay } from '../shared/time';
import {
  addAbsence,
  addMessage,
  assignContact,
  createClient,
  createRelative,
  createStaff,
  createUnit,
  recordOfferRow,
} from './factories';

/**
 * Deterministic demo data with the named personas (see the README). Absences are placed around the
 * day the seed runs, so "who to contact now" shows the deputy for Gunnar this week.
 */
export async function seedDemo(em: EntityManager, today: string = stockholmDay()) {
  const centrum = await createUnit(em, {
    providerName: 'Spindelns kommun, hemtjänsten',
    groupName: 'Hemtjänst Centrum',
    groupPhone: '08-123 450 00',
    teams: [
      { name: 'Arbetslag Norr', phone: '08-123 450 10' },
      { name: 'Arbetslag Söder', phone: null },
    ],
  });
  const vaster = await createUnit(em, {
    provider: centrum.provider,
    groupName: 'Hemtjänst Väster',
    groupPhone: '08-123 460 00',
    teams: [{ name: 'Arbetslag Väst', phone: '08-123 460 10' }],
  });
  const [norr, soder] = centrum.teams as [(typeof centrum.teams)[0], (typeof centrum.teams)[0]];
  const vast = vaster.teams[0]!;

  const lena = await createStaff(em, {
    ...PERSONAS.lena,
    unit: centrum.group,
    teams: [norr, soder],
    title: 'SAMORDNARE',
    roles: ['COORDINATOR'],
    workMobile: '070-123 00 01',
  });
  const olof = await createStaff(em, {
    ...PERSONAS.olof,
    unit: vaster.group,
    teams: [vast],
    title: 'ENHETSCHEF',
    roles: ['COORDINATOR'],
    workMobile: '070-123 00 02',
  });
  const anna = await createStaff(em, {
    ...PERSONAS.anna,
    unit: centrum.group,
    teams: [norr],
    titleProvenOn: '2023-03-15',
    workMobile: '070-123 45 61',
  });
  const mohammed = await createStaff(em, {
    ...PERSONAS.mohammed,
    unit: centrum.group,
    teams: [norr],
    titleProvenOn: '2022-11-01',
    workMobile: '070-123 45 62',
  });
  const sara = await createStaff(em, {
    ...PERSONAS.sara,
    unit: centrum.group,
    teams: [norr],
    titleProvenOn: '2023-05-02',
    workMobile: '070-123 45 63',
  });
  const peter = await createStaff(em, {
    ...PERSONAS.peter,
    unit: centrum.group,
    teams: [norr],
    title: 'VARDBITRADE',
    workMobile: '070-123 45 64',
  });
  const fatima = await createStaff(em, {
    ...PERSONAS.fatima,
    unit: vaster.group,
    teams: [vast],
    titleProvenOn: '2024-02-20',
    workMobile: '070-123 45 65',
  });

  const elsa = await createClient(em, {
    ...PERSONAS.elsa,
    team: norr,
    services: ['PERSONAL_CARE', 'CLEANING', 'SHOPPING'],
  });
  const gunnar = await createClient(em, {
    ...PERSONAS.gunnar,
    team: norr,
    services: ['PERSONAL_CARE', 'MEAL_DELIVERY'],
  });
  const britt = await createClient(em, { ...PERSONAS.britt, team: soder, services: ['SAFETY_ALARM', 'MEAL_DELIVERY'] });
  const ingrid = await createClient(em, {
    ...PERSONAS.ingrid,
    team: vast,
    careSetting: 'SARSKILT_BOENDE',
    services: ['PERSONAL_CARE'],
  });

  await assignContact(em, { client: elsa, staff: anna, role: 'PRIMARY', appointedBy: lena, validFrom: '2024-09-01' });
  await assignContact(em, {
    client: elsa,
    staff: mohammed,
    role: 'DEPUTY',
    appointedBy: lena,
    validFrom: '2024-09-01',
  });
  await assignContact(em, { client: gunnar, staff: sara, role: 'PRIMARY', appointedBy: lena, validFrom: '2025-02-01' });
  await assignContact(em, { client: gunnar, staff: peter, role: 'DEPUTY', appointedBy: lena, validFrom: '2025-02-01' });
  await assignContact(em, {
    client: ingrid,
    staff: fatima,
    role: 'PRIMARY',
    appointedBy: olof,
    validFrom: '2025-06-01',
  });
  await addAbsence(em, {
    staff: sara,
    kind: 'SICK',
    firstDay: addDays(today, -1),
    lastDay: addDays(today, 4),
    recordedBy: lena,
  });

  await recordOfferRow(em, { client: elsa, status: 'ACCEPTED', assessedBy: lena });
  await recordOfferRow(em, { client: gunnar, status: 'ACCEPTED', assessedBy: lena });
  await recordOfferRow(em, { client: ingrid, status: 'ACCEPTED', assessedBy: olof });
  await recordOfferRow(em, {
    client: britt,
    status: 'EXEMPT',
    assessedBy: lena,
    reason: 'Har enbart trygghetslarm och matlåda, ett stort nätverk och inga kognitiva svårigheter.',
    clientView: 'Britt vill inte ha en fast omsorgskontakt i nuläget och vet att hon kan ändra sig.',
  });

  const maria = await createRelative(em, {
    ...PERSONAS.maria,
    client: elsa,
    relationship: 'CHILD',
    scopes: ['VIEW_CONTACT', 'VIEW_CONTACT_DETAILS', 'SEND_MESSAGES', 'READ_CONVERSATION'],
  });
  await createRelative(em, { ...PERSONAS.johan, client: elsa, relationship: 'CHILD', scopes: ['VIEW_CONTACT'] });
  await createRelative(em, {
    ...PERSONAS.lars,
    client: elsa,
    relationship: 'OTHER_RELATIVE',
    scopes: ['VIEW_CONTACT', 'VIEW_CONTACT_DETAILS'],
    revoked: true,
  });
  await createRelative(em, { ...PERSONAS.karin, client: elsa, relationship: 'FRIEND' });
  await createRelative(em, {
    ...PERSONAS.pia,
    // Elsa's own words for her, not her registered name.
    label: { givenName: 'Kusin', familyName: 'Pia' },
    client: elsa,
    relationship: 'OTHER_RELATIVE',
    protectedIdentity: true,
    scopes: ['VIEW_CONTACT', 'READ_CONVERSATION'],
  });
  // Skyddade personuppgifter: Mohammed is her fixed contact; the rest of team Norr is not assigned to her.
  const hedvig = await createClient(em, {
    ...PERSONAS.hedvig,
    team: norr,
    protectedIdentity: true,
    services: ['PERSONAL_CARE', 'SHOPPING'],
  });
  await assignContact(em, {
    client: hedvig,
    staff: mohammed,
    role: 'PRIMARY',
    appointedBy: lena,
    validFrom: '2025-03-01',
  });
  await recordOfferRow(em, { client: hedvig, status: 'ACCEPTED', assessedBy: lena });

  const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000);
  const q = await addMessage(em, {
    client: elsa,
    author: maria.person,
    authorRole: 'RELATIVE',
    body: 'Hej! Mamma har ett läkarbesök på torsdag kl 10. Kan morgonbesöket komma lite tidigare den dagen?',
    state: 'ANSWERED',
    handledBy: anna,
    createdAt: ago(72),
  });
  await addMessage(em, {
    client: elsa,
    author: anna.person,
    authorRole: 'STAFF',
    body: 'Hej Maria! Ja, vi kommer kl 8.15 på torsdag. Hälsningar Anna',
    inReplyTo: q,
    createdAt: ago(70),
  });
  await addMessage(em, {
    client: elsa,
    author: maria.person,
    authorRole: 'RELATIVE',
    body: 'Mamma verkar tröttare än vanligt och äter dåligt. Kan ni hålla lite extra koll den här veckan?',
    createdAt: ago(5),
  });
  await addMessage(em, {
    client: elsa,
    author: elsa.person,
    authorRole: 'CLIENT',
    body: 'Jag vill prata med Anna om min genomförandeplan utan att barnen är med.',
    private: true,
    createdAt: ago(2),
  });
  await addMessage(em, {
    client: hedvig,
    author: hedvig.person,
    authorRole: 'CLIENT',
    body: 'Kan den som kommer på måndag ringa på två gånger?',
    createdAt: ago(8),
  });
  await addMessage(em, {
    client: gunnar,
    author: gunnar.person,
    authorRole: 'CLIENT',
    body: 'Vem kommer på fredag när Sara är sjuk?',
    createdAt: ago(20),
  });

  return {
    centrum,
    vaster,
    staff: { lena, olof, anna, mohammed, sara, peter, fatima },
    clients: { elsa, gunnar, britt, ingrid, hedvig },
  };
}
