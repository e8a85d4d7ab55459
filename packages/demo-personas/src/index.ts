import { makeTestPersonnummer } from '@spindeln/personnummer';

/**
 * The named demo personas. Their numbers are valid (real dates, Luhn check digit) and built for test
 * systems; serials 980-999 are kept for them, so generated data never collides.
 */
export const PERSONAS = {
  elsa: {
    givenName: 'Elsa',
    familyName: 'Andersson',
    personnummer: makeTestPersonnummer('1938-04-12', 982),
    role: 'Client with a fixed contact and a deputy',
    /** A few words on the simulator's page, so a first-time visitor knows whom to pick. */
    hint: 'omsorgstagare, kontakt och ersättare',
  },
  gunnar: {
    givenName: 'Gunnar',
    familyName: 'Persson',
    personnummer: makeTestPersonnummer('1935-09-03', 983),
    role: 'Client whose fixed contact is absent today: the deputy is the one to call',
    hint: 'omsorgstagare, kontakten ledig i dag',
  },
  britt: {
    givenName: 'Britt',
    familyName: 'Olsson',
    personnummer: makeTestPersonnummer('1944-06-21', 984),
    role: 'Client exempt as uppenbart obehövligt (safety alarm and meal boxes only)',
    hint: 'omsorgstagare, undantagen (uppenbart obehövligt)',
  },
  ingrid: {
    givenName: 'Ingrid',
    familyName: 'Karlsson',
    personnummer: makeTestPersonnummer('1931-11-30', 986),
    role: 'Client in särskilt boende, another unit',
    hint: 'omsorgstagare i särskilt boende, annan enhet',
  },
  maria: {
    givenName: 'Maria',
    familyName: 'Andersson',
    personnummer: makeTestPersonnummer('1966-02-14', 988),
    role: 'Elsa’s daughter: every consent scope',
    hint: 'närstående, ser allt',
  },
  johan: {
    givenName: 'Johan',
    familyName: 'Andersson',
    personnummer: makeTestPersonnummer('1969-08-07', 989),
    role: 'Elsa’s son: may see who the contact is, not the phone numbers',
    hint: 'närstående, inga telefonnummer',
  },
  lars: {
    givenName: 'Lars',
    familyName: 'Svensson',
    personnummer: makeTestPersonnummer('1972-05-19', 991),
    role: 'Elsa’s nephew: consent revoked',
    hint: 'närstående, samtycket återkallat',
  },
  karin: {
    givenName: 'Karin',
    familyName: 'Holm',
    personnummer: makeTestPersonnummer('1950-12-01', 992),
    role: 'Elsa’s friend: listed, no consent',
    hint: 'närstående, inget samtycke',
  },
  hedvig: {
    givenName: 'Hedvig',
    familyName: 'Lund',
    personnummer: makeTestPersonnummer('1941-02-17', 985),
    role: 'Client with skyddade personuppgifter (protected identity): named only to herself and the staff assigned to her',
    hint: 'omsorgstagare, skyddade personuppgifter',
  },
  pia: {
    givenName: 'Pia',
    familyName: 'Berglund',
    personnummer: makeTestPersonnummer('1963-10-03', 987),
    role: 'Elsa’s cousin with skyddade personuppgifter: reads the conversation; never named to anyone else',
    hint: 'närstående, skyddade personuppgifter',
  },
  anna: {
    givenName: 'Anna',
    familyName: 'Lindqvist',
    personnummer: makeTestPersonnummer('1984-03-08', 994),
    role: 'Undersköterska, Elsa’s fixed contact, with unanswered messages',
    hint: 'undersköterska, Elsas kontakt, obesvarade meddelanden',
  },
  mohammed: {
    givenName: 'Mohammed',
    familyName: 'Haddad',
    personnummer: makeTestPersonnummer('1990-07-25', 995),
    role: 'Undersköterska, Elsa’s deputy',
    hint: 'undersköterska, Elsas ersättare',
  },
  sara: {
    givenName: 'Sara',
    familyName: 'Nilsson',
    personnummer: makeTestPersonnummer('1987-10-10', 996),
    role: 'Undersköterska, Gunnar’s fixed contact, off sick this week',
    hint: 'undersköterska, sjuk i veckan',
  },
  peter: {
    givenName: 'Peter',
    familyName: 'Johansson',
    personnummer: makeTestPersonnummer('1995-01-17', 997),
    role: 'Vårdbiträde, Gunnar’s deputy',
    hint: 'vårdbiträde, Gunnars ersättare',
  },
  lena: {
    givenName: 'Lena',
    familyName: 'Berg',
    personnummer: makeTestPersonnummer('1976-09-29', 998),
    role: 'Coordinator (samordnare), Hemtjänst Centrum',
    hint: 'samordnare',
  },
  olof: {
    givenName: 'Olof',
    familyName: 'Ek',
    personnummer: makeTestPersonnummer('1971-04-04', 999),
    role: 'Coordinator, Hemtjänst Väster (another unit)',
    hint: 'samordnare i en annan enhet',
  },
  fatima: {
    givenName: 'Fatima',
    familyName: 'Ali',
    personnummer: makeTestPersonnummer('1992-12-12', 981),
    role: 'Undersköterska, Ingrid’s fixed contact, Hemtjänst Väster',
    hint: 'undersköterska i en annan enhet',
  },
} as const;

export type PersonaKey = keyof typeof PERSONAS;
