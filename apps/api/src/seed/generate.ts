import {
  type AbsenceKind,
  type CareSetting,
  type ContactRole,
  EXEMPTABLE_SERVICES,
  type OfferStatus,
  type Relationship,
  type ServiceType,
  type StaffTitle,
  UNDERSKOTERSKA_RULE_FROM,
} from '@spindeln/care-values';
import { CONSENT_SCOPES, type ConsentScope } from '@spindeln/consent-scopes';
import { makeTestPersonnummer } from '@spindeln/personnummer';
import pg from 'pg';
import { stockholmDay } from '../shared/time';

/**
 * Loads a realistic municipality of any size (npm run db:generate): one pg connection, one
 * transaction, rows built in JS and inserted in batches through unnest. Every row passes the
 * database's own checks and triggers; nothing is switched off for speed. The same seed gives the
 * same rows (times are placed relative to `now`, so pass it too for byte-identical output).
 */

export interface GenerateOptions {
  clients: number;
  seed?: number;
  log?: (line: string) => void;
  /** The moment the data is generated "at"; absences cover its day and messages the 90 days before. */
  now?: Date;
  /** Relatives per client on average; about 2 unless asked (the national benchmark asks for 4). */
  relativesPerClient?: number;
}

export interface GenerateResult {
  counts: Record<string, number>;
  ms: number;
}

/** A refusal the caller can show as is (bad options, or the seed was already generated). */
export class GenerationRefused extends Error {
  override name = 'GenerationRefused';
}

export function providerNameFor(seed: number): string {
  return `Storstad hemtjänst (genererad, seed ${seed})`;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * sfc32, seeded through splitmix32 from (seed, stream). One stream per part of the data, so a change
 * to how one table is built does not reshuffle the others; 128 bits of state, so the streams of two
 * seeds never run into each other (mulberry32 seeds are offsets on one shared 2^32 cycle).
 */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: string) {
    let x = (seed ^ hashString(stream)) >>> 0;
    const splitmix = () => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix() ^ hashString(`${stream}/b`);
    this.c = splitmix() ^ seed;
    this.d = 1;
    for (let i = 0; i < 15; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.u32() / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Inclusive on both ends. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.next() * total;
    for (const [value, w] of table) {
      r -= w;
      if (r < 0) return value;
    }
    return table[table.length - 1]![0];
  }

  /** A v4-format uuid from the stream, so relations are known before anything is inserted. */
  uuid(): string {
    const a = this.u32();
    const b = this.u32();
    const c = this.u32();
    const d = this.u32();
    return `${HEX[a >>> 24]}${HEX[(a >>> 16) & 255]}${HEX[(a >>> 8) & 255]}${HEX[a & 255]}-${HEX[b >>> 24]}${
      HEX[(b >>> 16) & 255]
    }-${HEX[((b >>> 8) & 0x0f) | 0x40]}${HEX[b & 255]}-${HEX[((c >>> 24) & 0x3f) | 0x80]}${HEX[(c >>> 16) & 255]}-${
      HEX[(c >>> 8) & 255]
    }${HEX[c & 255]}${HEX[d >>> 24]}${HEX[(d >>> 16) & 255]}${HEX[(d >>> 8) & 255]}${HEX[d & 255]}`;
  }

  shuffled(count: number): Uint32Array {
    const out = new Uint32Array(count);
    for (let i = 0; i < count; i++) out[i] = i;
    for (let i = count - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = out[i]!;
      out[i] = out[j]!;
      out[j] = t;
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Days (whole days since 1970-01-01) and timestamps (ms)

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoCache = new Map<number, string>();
function isoDay(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}
const isoTime = (ms: number) => new Date(ms).toISOString();
/** Moves a moment to a random time of its day between 06 and 20 UTC (waking hours), kept within [lo, hi]. */
function waking(rng: Rng, t: number, lo: number, hi: number): number {
  const moved = t - (t % DAY_MS) + 6 * HOUR_MS + rng.int(14 * HOUR_MS);
  return moved < lo || moved > hi ? t : moved;
}
/** Some time in the working day (Swedish time is UTC+1/+2; close enough for generated data). */
const officeTime = (rng: Rng, day: number) => day * DAY_MS + 6 * HOUR_MS + rng.int(9 * HOUR_MS);

/** From this day only an undersköterska may be appointed fast omsorgskontakt. */
const RULE_START = dayOf(UNDERSKOTERSKA_RULE_FROM);
const CONTACT_FROM_LAST = dayOf('2026-06-30');

// ---------------------------------------------------------------------------------------------
// Personnummer: slot i of a kind → birth day start + i % span, serial base + floor(i / span).
// Each kind has its own birth years, so the kinds never meet; serials stop at 979 because 980-999
// belong to the named personas. A serial's parity is the sex (odd: man), so the slots are taken
// from both parities, spread over the whole birth range.

type PersonKind = 'client' | 'relative' | 'staff';
const BIRTH_RANGES: Record<PersonKind, [string, string]> = {
  client: ['1922-01-01', '1949-12-31'],
  relative: ['1950-01-01', '1964-12-31'],
  staff: ['1965-01-01', '2004-12-31'],
};
const FIRST_SERIAL = 100;
const LAST_SERIAL = 979;
/** Share of women: most clients, and nearly all of home-care staff. */
const WOMEN_SHARE: Record<PersonKind, number> = { client: 0.62, relative: 0.55, staff: 0.87 };

interface NumberPlan {
  kind: PersonKind;
  start: number;
  span: number;
  base: number;
  birthDays: string[];
}

/**
 * Serials continue after the highest one already used in the kind's birth years, so another seed
 * (or earlier test data) in the same database never collides; a fresh database starts at 100.
 */
async function planNumbers(db: pg.Client, kind: PersonKind): Promise<NumberPlan> {
  const [first, last] = BIRTH_RANGES[kind];
  const start = dayOf(first);
  const span = dayOf(last) - start + 1;
  const { rows } = await db.query<{ max: number | null }>(
    `SELECT max(substr(personnummer, 9, 3)::int) AS max FROM person
      WHERE personnummer >= $1 AND personnummer < $2 AND substr(personnummer, 9, 3)::int BETWEEN $3 AND $4`,
    [first.replaceAll('-', ''), `${Number(last.slice(0, 4)) + 1}0101`, FIRST_SERIAL, LAST_SERIAL],
  );
  const base = rows[0]?.max == null ? FIRST_SERIAL : rows[0].max + 1;
  const birthDays = Array.from({ length: span }, (_, i) => isoDay(start + i));
  return { kind, start, span, base, birthDays };
}

/**
 * `count` distinct slots in random order: women in rows of even serial, men in rows of odd serial,
 * each row filled before the next of its parity is used; a partly used row gets random birth days.
 */
function chooseSlots(plan: NumberPlan, count: number, rng: Rng): Uint32Array {
  const { span, base } = plan;
  const women = Math.round(count * WOMEN_SHARE[plan.kind]);
  const slots = new Uint32Array(count);
  let k = 0;
  let lastRow = 0;
  const take = (wanted: number, parity: number) => {
    for (let row = (base + parity) % 2; wanted > 0; row += 2) {
      const days = Math.min(wanted, span);
      const order = days === span ? null : rng.shuffled(span);
      for (let d = 0; d < days; d++) slots[k++] = row * span + (order ? order[d]! : d);
      wanted -= days;
      lastRow = Math.max(lastRow, row);
    }
  };
  take(women, 0);
  take(count - women, 1);
  if (base + lastRow > LAST_SERIAL) {
    const [first, last] = BIRTH_RANGES[plan.kind];
    throw new GenerationRefused(
      `no room for ${count} more ${plan.kind} personnummer born ${first}..${last}: serials ${base}-${base + lastRow} would pass ${LAST_SERIAL} (980-999 are the personas'). Use a fresh database or fewer clients.`,
    );
  }
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = slots[i]!;
    slots[i] = slots[j]!;
    slots[j] = t;
  }
  return slots;
}

// ---------------------------------------------------------------------------------------------
// Sample data

const words = (text: string) => text.trim().split(/\s+/);

const OLD_WOMEN = words(`
  Elsa Margit Gun Birgitta Karin Ingrid Maj Inga Astrid Greta Ulla Anna-Lisa Sonja Kerstin Britt
  Gunnel Marianne Elisabet Solveig Rut Dagny Ester Berit Barbro Siv Lilly Gunvor Aina Svea Ebba Aili
  Vera
`);
const OLD_MEN = words(`
  Gunnar Karl Erik Sven Lars Nils Bengt Rolf Arne Gösta Olle Stig Bertil Lennart Åke Folke Harry
  Ingvar Evert Sture Allan Hans Rune Tage Ivar Kjell Yngve Einar Göran Hugo Matti Börje
`);
const MID_WOMEN = words(`
  Maria Eva Annika Lena Kristina Ann-Marie Agneta Monica Susanne Helena Gunilla Katarina Eva-Lena Ewa
  Åsa Carina Pia Cecilia Ingela Anneli Marie Lotta
`);
const MID_MEN = words(`
  Johan Anders Per Mats Lars Peter Mikael Thomas Jan Bo Stefan Ulf Leif Håkan Göran Magnus Jonas Claes
  Roger Kent Tommy Ove
`);
const YOUNG_WOMEN = words(`
  Anna Sara Fatima Emma Johanna Linnéa Amina Maja Elin Hanna Sofia Ida Aisha Jessica Malin Nadia Leyla
  Camilla Zeynep Maryam Lina Sandra Hodan Ebba Tiina
`);
const YOUNG_MEN = words(`
  Mohammed Ahmed Peter Daniel Ali Erik Oscar Hassan Jonas Mustafa Viktor Samuel Filip Omar Yusuf
  Alexander Kevin Dragan Mehmet Abdi Marcus Emil
`);
const SWEDISH_FAMILY = words(`
  Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson
  Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Lindström Lindqvist Lindgren Berg Axelsson
  Bergström Lundberg Lundgren Lundqvist Mattsson Berglund Fredriksson Sandberg Henriksson Forsberg
  Sjöberg Wallin Engström Eklund Danielsson Lundin Håkansson Björk Holm Ek Nyström Sundberg Holmberg
  Nordin
`);
const OTHER_FAMILY = words(`
  Ali Mohammed Ahmed Hassan Yilmaz Nguyen Kovačević Haddad Abdi Novak Virtanen Korhonen Jovanović
  Rahimi Demir Mäkinen Nowak Osman Hussein Kaya
`);

const DISTRICTS = words(`
  Centrum Norrmalm Söder Väster Öster Kungsholmen Vasastan Hammarby Bromma Spånga Tensta Rinkeby Kista
  Husby Hässelby Vällingby Farsta Skarpnäck Enskede Årsta Älvsjö Hägersten Liljeholmen Skärholmen
  Bagarmossen Högdalen Rågsved Bandhagen Johanneshov Gubbängen Hökarängen Aspudden Fruängen Östermalm
  Gärdet Hjorthagen
`);
const AREAS = words(`
  Norr Söder Öst Väst Centrum Parken Torget Kyrkan Stranden Skogen Backen Ängen
`);

/** Working hours as the stored JSON: weekday 1 = Monday, local time; a day may have two stretches. */
const week = (days: number[], start: string, end: string) => days.map((weekday) => ({ weekday, start, end }));
const WORKING_HOURS: (readonly [string, number])[] = [
  [JSON.stringify(week([1, 2, 3, 4, 5], '07:00', '16:00')), 5],
  [JSON.stringify(week([1, 2, 3, 4, 5], '06:45', '15:30')), 2],
  [JSON.stringify([...week([1, 2, 3], '14:00', '22:00'), ...week([6, 7], '07:00', '15:00')]), 2],
  [JSON.stringify([...week([1, 2, 5], '07:00', '16:00'), ...week([6, 7], '07:00', '16:00')]), 2],
  [JSON.stringify(week([1, 2, 3, 4], '07:00', '14:00')), 1],
  [JSON.stringify([...week([1, 2, 3, 4, 5], '07:00', '11:30'), ...week([1, 2, 3, 4, 5], '16:00', '21:00')]), 1],
];
const OFFICE_HOURS = JSON.stringify(week([1, 2, 3, 4, 5], '08:00', '17:00'));

/** Weighted choices among a list's values (the values come from @spindeln/care-values). */
type Weights<T> = readonly (readonly [T, number])[];

const MAIN_SERVICES = [
  ['PERSONAL_CARE', 70],
  ['SUPERVISION', 8],
  ['SOCIAL_SUPPORT', 8],
  ['LAUNDRY', 5],
  ['ACCOMPANIMENT', 5],
  ['RESPITE', 4],
] as const satisfies Weights<ServiceType>;
const EXTRA_SERVICES = [
  ['CLEANING', 2],
  ['SHOPPING', 2],
  ['SAFETY_ALARM', 2],
  ['LAUNDRY', 1],
  ['MEAL_DELIVERY', 1],
  ['ACCOMPANIMENT', 1],
  ['SOCIAL_SUPPORT', 1],
  ['SUPERVISION', 1],
  ['RESPITE', 1],
] as const satisfies Weights<ServiceType>;

const RELATIONSHIP_WEIGHTS = [
  ['CHILD', 52],
  ['PARTNER', 12],
  ['OTHER_RELATIVE', 16],
  ['FRIEND', 10],
  ['GOD_MAN', 6],
  ['FORVALTARE', 4],
] as const satisfies Weights<Relationship>;
/** A client has at most one of these. */
const ONLY_ONE = new Set<Relationship>(['PARTNER', 'GOD_MAN', 'FORVALTARE']);

const [VIEW_CONTACT, VIEW_CONTACT_DETAILS, SEND_MESSAGES, READ_CONVERSATION] = CONSENT_SCOPES;
const SCOPE_MIX: (readonly [readonly ConsentScope[], number])[] = [
  [CONSENT_SCOPES, 40],
  [[VIEW_CONTACT], 20],
  [[VIEW_CONTACT, VIEW_CONTACT_DETAILS], 20],
  [[VIEW_CONTACT, SEND_MESSAGES, READ_CONVERSATION], 10],
  [[VIEW_CONTACT, VIEW_CONTACT_DETAILS, SEND_MESSAGES], 5],
  [[VIEW_CONTACT, READ_CONVERSATION], 5],
];

const CAPACITY_NOTES = [
  'Kunden förstod vad samtycket innebär och bekräftade det muntligt vid hembesök.',
  'Samtal i hemmet; kunden kunde återge vad anhöriga får se och valde själv omfattningen.',
  'Kunden har nedsatt syn men god förståelse; samtycket lästes upp och bekräftades.',
  'Bedömt tillsammans med kunden vid uppföljningsmöte; kunden var klar och tydlig i sitt val.',
];
const EXEMPT_REASONS = [
  'Har enbart trygghetslarm och matlåda och ett stort nätverk; en fast omsorgskontakt bedöms uppenbart obehövlig.',
  'Har endast städning varannan vecka och klarar sig i övrigt själv.',
  'Endast inköp en gång i veckan; kunden har täta kontakter med anhöriga.',
  'Insatserna är få och utförs av olika personal utan personlig omsorg; behovet av kontinuitet är litet.',
];
const EXEMPT_VIEWS = [
  'Vill inte ha en fast omsorgskontakt i nuläget och vet att det går att ändra sig.',
  'Tycker att det fungerar bra som det är.',
  'Instämmer i bedömningen; dottern är kontaktperson för det praktiska.',
];
const DECLINED_VIEWS = [
  'Tackar nej; vill inte att en och samma person kommer hem.',
  'Vill avvakta tills vidare och återkommer om det behövs.',
  'Anhöriga sköter kontakten; kunden vill inte ha en fast omsorgskontakt.',
  'Vill hellre att det är olika personal.',
];
const CHANGE_REASONS = [
  'Tidigare kontakt har bytt arbetslag.',
  'Byte på kundens önskemål.',
  'Tidigare kontakt har slutat.',
  'Ändrat schema gör att kontakten inte längre arbetar när kunden har besök.',
];

const CLIENT_BODIES = [
  'Kan ni komma lite senare på torsdag? Jag har frisören kl 9.',
  'Jag har slut på kaffe och mjölk, kan ni handla det på fredag?',
  'Tack för hjälpen i dag, det var skönt med dusch.',
  'Vem kommer i helgen?',
  'Larmet piper konstigt, kan någon titta på det?',
  'Jag vill byta dag för städningen om det går.',
  'Min dotter kommer på söndag, så ni behöver inte komma på eftermiddagen.',
  'Jag har ont i ryggen i dag, kan ni ringa mig?',
  'Kan ni hjälpa mig att boka tid hos fotvården?',
  'Matlådan i går var kall när den kom.',
  'Jag vill prata med min kontakt om genomförandeplanen.',
  'Glöm inte att vattna blommorna på balkongen.',
  'Jag sov dåligt i natt och vill gärna ha besök lite senare i morgon.',
  'Kan ni ta med posten från brevlådan när ni kommer?',
];
const RELATIVE_BODIES = [
  'Hej! Pappa har läkarbesök på tisdag kl 13. Kan lunchbesöket komma lite tidigare?',
  'Mamma verkar tröttare än vanligt. Kan ni hålla lite extra koll den här veckan?',
  'Vi åker bort i två veckor från måndag. Ring mig på mobilen om något händer.',
  'Har hon ätit ordentligt i helgen?',
  'Jag har köpt nya stödstrumpor, de ligger i hallen.',
  'Kan ni påminna om medicinen på kvällen? Dosetten står i köket.',
  'Tack för att ni ringde i går, det var lugnande att höra.',
  'Pappa säger att ingen kom i morse. Stämmer det?',
  'Vi vill gärna ha ett uppföljningsmöte om genomförandeplanen.',
  'Nyckeln till förrådet hänger nu på kroken i köket.',
  'Mamma har fått en ny rollator, kan ni hjälpa henne att ställa in höjden?',
  'Hur gick promenaden i dag?',
];
const STAFF_BODIES = [
  'Tack för meddelandet, vi ordnar det.',
  'Hej! Vi kommer kl 8.15 den dagen.',
  'Det är noterat och vidarebefordrat till kvällspersonalen.',
  'Vi har pratat om det i arbetslaget och ändrar schemat från nästa vecka.',
  'Allt var lugnt i dag och det blev en fin stund vid kaffet.',
  'Jag ringer dig i eftermiddag så pratar vi om det.',
  'Larmet är kontrollerat och fungerar som det ska.',
  'Vi bokar in ett uppföljningsmöte, förslag på tid kommer.',
  'Maten var uppäten och vi tog en kort promenad.',
  'Det stämmer, besöket blev försenat. Förlåt för det, vi har sett över planeringen.',
];

const ABSENCE_KIND_WEIGHTS = [
  ['SICK', 50],
  ['VACATION', 20],
  ['PARENTAL_LEAVE', 10],
  ['TRAINING', 8],
  ['LEAVE_OF_ABSENCE', 6],
  ['OTHER', 6],
] as const satisfies Weights<AbsenceKind>;
const OPEN_ENDED_KINDS = ['SICK', 'PARENTAL_LEAVE', 'LEAVE_OF_ABSENCE'] as const satisfies readonly AbsenceKind[];
const PAST_ABSENCE_KINDS = [
  ['VACATION', 60],
  ['SICK', 25],
  ['TRAINING', 10],
  ['OTHER', 5],
] as const satisfies Weights<AbsenceKind>;

// ---------------------------------------------------------------------------------------------
// Batched loading through unnest

const BATCH_ROWS = 10_000;

type ColumnType = 'uuid' | 'text' | 'date' | 'timestamptz' | 'boolean' | 'jsonb' | 'text[]';

/** Each table the generator fills, with its columns in the order the phases add values: declared once. */
const TABLES = {
  person: [
    ['id', 'uuid'],
    ['personnummer', 'text'],
    ['given_name', 'text'],
    ['family_name', 'text'],
    ['protected_identity', 'boolean'],
  ],
  provider: [
    ['id', 'uuid'],
    ['name', 'text'],
    ['kind', 'text'],
  ],
  care_group: [
    ['id', 'uuid'],
    ['provider_id', 'uuid'],
    ['name', 'text'],
    ['phone', 'text'],
  ],
  work_team: [
    ['id', 'uuid'],
    ['group_id', 'uuid'],
    ['name', 'text'],
    ['phone', 'text'],
  ],
  staff_member: [
    ['id', 'uuid'],
    ['person_id', 'uuid'],
    ['unit_id', 'uuid'],
    ['title', 'text'],
    ['title_proven_on', 'date'],
    ['work_mobile', 'text'],
    ['working_hours', 'jsonb'],
    ['roles', 'text[]'],
  ],
  team_membership: [
    ['staff_id', 'uuid'],
    ['team_id', 'uuid'],
  ],
  client: [
    ['id', 'uuid'],
    ['person_id', 'uuid'],
    ['team_id', 'uuid'],
    ['care_setting', 'text'],
    ['created_at', 'timestamptz'],
  ],
  granted_service: [
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['type', 'text'],
    ['granted_from', 'date'],
    ['granted_to', 'date'],
  ],
  fixed_contact_offer: [
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['status', 'text'],
    ['reason', 'text'],
    ['client_view', 'text'],
    ['assessed_by', 'uuid'],
    ['assessed_at', 'timestamptz'],
  ],
  contact_assignment: [
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['staff_id', 'uuid'],
    ['role', 'text'],
    ['valid_from', 'date'],
    ['valid_to', 'date'],
    ['appointed_by', 'uuid'],
    ['appointed_at', 'timestamptz'],
    ['change_reason', 'text'],
    ['ended_by', 'uuid'],
  ],
  staff_absence: [
    ['id', 'uuid'],
    ['staff_id', 'uuid'],
    ['kind', 'text'],
    ['first_day', 'date'],
    ['last_day', 'date'],
    ['recorded_by', 'uuid'],
    ['recorded_at', 'timestamptz'],
  ],
  relative_link: [
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['person_id', 'uuid'],
    ['given_name', 'text'],
    ['family_name', 'text'],
    ['relationship', 'text'],
    ['created_at', 'timestamptz'],
  ],
  consent: [
    ['id', 'uuid'],
    ['relative_link_id', 'uuid'],
    ['scopes', 'text[]'],
    ['secrecy_waiver', 'boolean'],
    ['data_processing', 'boolean'],
    ['relative_accepted_at', 'timestamptz'],
    ['given_via', 'text'],
    ['recorded_by', 'uuid'],
    ['capacity_note', 'text'],
    ['granted_at', 'timestamptz'],
    ['expires_at', 'timestamptz'],
    ['replaces_id', 'uuid'],
    ['ended_at', 'timestamptz'],
    ['ended_by', 'uuid'],
    ['end_reason', 'text'],
  ],
  conversation: [
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['created_at', 'timestamptz'],
  ],
  message: [
    ['id', 'uuid'],
    ['conversation_id', 'uuid'],
    ['author_person_id', 'uuid'],
    ['author_role', 'text'],
    ['body', 'text'],
    ['private', 'boolean'],
    ['in_reply_to', 'uuid'],
    ['state', 'text'],
    ['handled_by', 'uuid'],
    ['handled_at', 'timestamptz'],
    ['idempotency_key', 'text'],
    ['created_at', 'timestamptz'],
  ],
} as const satisfies Record<string, readonly (readonly [string, ColumnType])[]>;

type Table = keyof typeof TABLES;

class Loader {
  private readonly sql: string;
  private columns: unknown[][];
  private pending = 0;
  private lastReport = performance.now();
  rows = 0;

  private readonly types: readonly ColumnType[];

  constructor(
    private readonly db: pg.Client,
    readonly table: Table,
    private readonly report: (line: string) => void,
  ) {
    const names = TABLES[table].map((c) => c[0]);
    const types = TABLES[table].map((c) => c[1]);
    this.types = types;
    // unnest takes one-dimensional arrays of scalars: jsonb and text[] values travel as text.
    const params = types.map((t, i) => `$${i + 1}::${t === 'jsonb' || t === 'text[]' ? 'text' : t}[]`);
    const select = names.map((n, i) => (types[i] === 'jsonb' || types[i] === 'text[]' ? `${n}::${types[i]}` : n));
    this.sql = `INSERT INTO ${table} (${names.join(', ')}) SELECT ${select.join(', ')} FROM unnest(${params.join(
      ', ',
    )}) AS t(${names.join(', ')})`;
    this.columns = types.map(() => []);
  }

  add(...values: unknown[]): void {
    for (let i = 0; i < values.length; i++) this.columns[i]!.push(values[i]);
    this.pending++;
  }

  async flushIfFull(): Promise<void> {
    if (this.pending >= BATCH_ROWS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending === 0) return;
    await this.db.query(this.sql, this.columns);
    this.rows += this.pending;
    this.pending = 0;
    this.columns = this.types.map(() => []);
    if (performance.now() - this.lastReport > 5000) {
      this.lastReport = performance.now();
      this.report(`${this.table}: ${this.rows.toLocaleString('en-US')} rows so far`);
    }
  }

  async finish(): Promise<number> {
    await this.flush();
    this.report(`${this.table}: ${this.rows.toLocaleString('en-US')} rows`);
    return this.rows;
  }
}

// ---------------------------------------------------------------------------------------------
// The model kept in memory while loading (messages are streamed)

interface Group {
  id: string;
  name: string;
  phone: string;
  teams: number[];
  coordinators: number[];
}

interface Team {
  id: string;
  group: number;
  name: string;
  phone: string | null;
  /** Care staff (not coordinators): the ones who can be contact or deputy. */
  care: number[];
  usk: number[];
}

interface Staff {
  id: string;
  personId: string;
  givenName: string;
  slot: number;
  group: number;
  team: number;
  title: StaffTitle;
  provenOn: number | null;
  coordinator: boolean;
  /** Clients for whom this staff member is the current fixed contact. */
  load: number;
}

interface Client {
  id: string;
  personId: string;
  familyName: string;
  slot: number;
  team: number;
  group: number;
  setting: CareSetting;
  since: number;
  services: ServiceType[];
  light: boolean;
  relatives: Relative[];
  primary: number;
  deputy: number;
  /** Relatives who may write today: a current, accepted, unexpired consent with SEND_MESSAGES. */
  senders: string[];
  conversationId: string | null;
  messageCount: number;
  firstMessageMs: number;
}

interface Relative {
  linkId: string;
  personId: string;
  givenName: string;
  familyName: string;
  slot: number;
  relationship: string;
  createdMs: number;
}

/** How persons of a kind are numbered and named. */
interface PersonSource {
  plan: NumberPlan;
  women: string[];
  men: string[];
}

function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k++, rest--) parts[order[k % order.length]![1]]! += 1;
  return parts;
}

function phoneNumber(prefix: string, digits: number): string {
  const s = String(digits).padStart(7, '0');
  return `${prefix}-${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5, 7)}`;
}

// ---------------------------------------------------------------------------------------------
// The generation's shared context: the options, one random stream per part of the data, and the
// model that each phase adds to and later phases read.

const STREAMS = [
  'organisation',
  'clients',
  'people',
  'staff',
  'contacts',
  'absences',
  'relatives',
  'consents',
  'conversations',
  'messages',
] as const;

interface Generation {
  db: pg.Client;
  seed: number;
  clientCount: number;
  extraRelatives: number;
  nowMs: number;
  /** Today in Stockholm, as a day number. */
  today: number;
  /** Nothing generated is later than this. */
  latest: number;
  providerName: string;
  rng: Record<(typeof STREAMS)[number], Rng>;
  report: (line: string) => void;
  counts: Record<string, number>;
  groups: Group[];
  teams: Team[];
  staff: Staff[];
  /** How many clients each team gets, by team index. */
  teamClients: number[];
  clients: Client[];
  /** How persons of each kind are numbered and named (set by the persons phase). */
  sources: Record<PersonKind, PersonSource>;
}

const loaderFor = (g: Generation, table: Table) => new Loader(g.db, table, g.report);

async function done(g: Generation, l: Loader): Promise<void> {
  g.counts[l.table] = (g.counts[l.table] ?? 0) + (await l.finish());
}

function birthDay(g: Generation, kind: PersonKind, slot: number): number {
  const plan = g.sources[kind].plan;
  return plan.start + (slot % plan.span);
}

/** Organisation: groups of ~750 clients, ~1 staff member per 8 clients, teams of 8-15. */
function planOrganisation(g: Generation): void {
  const { groups, teams, staff, teamClients, seed } = g;
  const org = g.rng.organisation;
  const groupCount = Math.max(1, Math.round(g.clientCount / 750));
  const clientsPerGroup = split(
    g.clientCount,
    Array.from({ length: groupCount }, () => 0.8 + 0.4 * org.next()),
  );
  const phoneBase = (seed * 7919) % 4_000_000;
  for (let gi = 0; gi < groupCount; gi++) {
    const groupClients = clientsPerGroup[gi]!;
    const district = DISTRICTS[gi % DISTRICTS.length]!;
    const round = Math.floor(gi / DISTRICTS.length);
    const groupNumber = 5_000_000 + ((phoneBase + gi * 100) % 4_000_000);
    const group: Group = {
      id: org.uuid(),
      name: `Hemtjänst ${district}${round > 0 ? ` ${round + 1}` : ''}`,
      phone: phoneNumber('08', groupNumber),
      teams: [],
      coordinators: [],
    };
    groups.push(group);
    const staffTotal = Math.max(16, Math.round(groupClients / 8));
    const teamCount = Math.max(2, Math.round(staffTotal / 11));
    const sizes = split(
      staffTotal,
      Array.from({ length: teamCount }, () => 1),
    );
    // Uneven teams, still 8-15 each.
    for (let k = 0; k < teamCount; k++) {
      const from = org.int(teamCount);
      const to = org.int(teamCount);
      if (from !== to && sizes[from]! > 8 && sizes[to]! < 15) {
        sizes[from]!--;
        sizes[to]!++;
      }
    }
    const coordinatorCount = groupClients >= 300 && org.chance(0.5) ? 2 : 1;
    const careSizes = sizes.map((s, t) => s - (t < coordinatorCount ? 1 : 0));
    const clientsPerTeam = split(groupClients, careSizes);
    for (let t = 0; t < teamCount; t++) {
      const area = AREAS[t % AREAS.length]!;
      const areaRound = Math.floor(t / AREAS.length);
      const team: Team = {
        id: org.uuid(),
        group: gi,
        name: `Arbetslag ${area}${areaRound > 0 ? ` ${areaRound + 1}` : ''}`,
        phone: org.chance(0.6) ? phoneNumber('08', groupNumber + t + 1) : null,
        care: [],
        usk: [],
      };
      const teamIndex = teams.push(team) - 1;
      group.teams.push(teamIndex);
      teamClients.push(clientsPerTeam[t]!);
      for (let m = 0; m < sizes[t]!; m++) {
        const coordinator = t < coordinatorCount && m === 0;
        const title: StaffTitle = coordinator ? 'SAMORDNARE' : org.chance(0.8) ? 'UNDERSKOTERSKA' : 'VARDBITRADE';
        const index =
          staff.push({
            id: org.uuid(),
            personId: '',
            givenName: '',
            slot: 0,
            group: gi,
            team: teamIndex,
            title,
            provenOn: null,
            coordinator,
            load: 0,
          }) - 1;
        if (coordinator) group.coordinators.push(index);
        else team.care.push(index);
      }
      // Enough undersköterskor that nobody is fixed contact for more than ~20 clients.
      const needed = Math.min(team.care.length, Math.max(2, Math.ceil(clientsPerTeam[t]! / 20)));
      for (const s of team.care) if (staff[s]!.title === 'UNDERSKOTERSKA') team.usk.push(s);
      for (const s of team.care) {
        if (team.usk.length >= needed) break;
        if (staff[s]!.title === 'VARDBITRADE') {
          staff[s]!.title = 'UNDERSKOTERSKA';
          team.usk.push(s);
        }
      }
    }
  }
}

/** Clients, their services and how many relatives each has. */
function planClients(g: Generation): void {
  const { teams, teamClients, clients, today } = g;
  const cr = g.rng.clients;
  for (let t = 0; t < teams.length; t++) {
    for (let k = 0; k < teamClients[t]!; k++) {
      const setting: CareSetting = cr.chance(0.1) ? 'SARSKILT_BOENDE' : 'HEMTJANST';
      const light = setting === 'HEMTJANST' && cr.chance(0.1);
      const count = cr.weighted([
        [1, 45],
        [2, 35],
        [3, 20],
      ] as const);
      const services: ServiceType[] = [];
      const add = (s: ServiceType) => {
        if (!services.includes(s)) services.push(s);
      };
      if (light) {
        while (services.length < count) add(cr.pick(EXEMPTABLE_SERVICES));
      } else if (setting === 'SARSKILT_BOENDE') {
        add('PERSONAL_CARE');
        for (let i = 1; i < count; i++) add(cr.pick(['SUPERVISION', 'SOCIAL_SUPPORT', 'ACCOMPANIMENT'] as const));
      } else {
        add(cr.weighted(MAIN_SERVICES));
        for (let i = 1; i < count; i++) add(cr.weighted(EXTRA_SERVICES));
      }
      const relativeCount =
        cr.weighted([
          [0, 5],
          [1, 25],
          [2, 40],
          [3, 20],
          [4, 10],
        ] as const) + g.extraRelatives;
      clients.push({
        id: cr.uuid(),
        personId: '',
        familyName: '',
        slot: 0,
        team: t,
        group: teams[t]!.group,
        setting,
        since: cr.between(dayOf('2018-01-01'), Math.min(dayOf('2026-05-31'), today - 30)),
        services,
        light,
        relatives: Array.from({ length: relativeCount }, () => ({
          linkId: '',
          personId: '',
          givenName: '',
          familyName: '',
          slot: 0,
          relationship: '',
          createdMs: 0,
        })),
        primary: -1,
        deputy: -1,
        senders: [],
        conversationId: null,
        messageCount: 0,
        firstMessageMs: 0,
      });
    }
  }
}

/** Persons: staff, clients and relatives, each kind with its own personnummer range. */
async function loadPersons(g: Generation): Promise<void> {
  const { db, staff, clients } = g;
  const relativeTotal = clients.reduce((sum, c) => sum + c.relatives.length, 0);
  g.sources = {
    staff: { plan: await planNumbers(db, 'staff'), women: YOUNG_WOMEN, men: YOUNG_MEN },
    client: { plan: await planNumbers(db, 'client'), women: OLD_WOMEN, men: OLD_MEN },
    relative: { plan: await planNumbers(db, 'relative'), women: MID_WOMEN, men: MID_MEN },
  };
  const sources = g.sources;
  const people = g.rng.people;
  const persons = loaderFor(g, 'person');
  /** Adds the person in the kind's slot and returns its id, given name and family name. */
  const addPerson = (kind: PersonKind, slot: number, familyName: string, protectedShare: number) => {
    const { plan, women, men } = sources[kind];
    const serial = plan.base + Math.floor(slot / plan.span);
    // The serial's last digit is odd for men, even for women.
    const givenName = people.pick(serial % 2 === 1 ? men : women);
    const id = people.uuid();
    persons.add(
      id,
      makeTestPersonnummer(plan.birthDays[slot % plan.span]!, serial),
      givenName,
      familyName,
      people.chance(protectedShare),
    );
    return { id, givenName, familyName };
  };
  const swedishOrNot = (share: number) => people.pick(people.chance(share) ? OTHER_FAMILY : SWEDISH_FAMILY);

  const staffSlots = chooseSlots(sources.staff.plan, staff.length, people);
  for (let i = 0; i < staff.length; i++) {
    const s = staff[i]!;
    s.slot = staffSlots[i]!;
    const person = addPerson('staff', s.slot, swedishOrNot(0.35), 0);
    s.personId = person.id;
    s.givenName = person.givenName;
    await persons.flushIfFull();
  }
  const clientSlots = chooseSlots(sources.client.plan, clients.length, people);
  for (let i = 0; i < clients.length; i++) {
    const c = clients[i]!;
    c.slot = clientSlots[i]!;
    c.familyName = swedishOrNot(0.08);
    c.personId = addPerson('client', c.slot, c.familyName, 0.003).id;
    await persons.flushIfFull();
  }
  const relativeSlots = chooseSlots(sources.relative.plan, relativeTotal, people);
  let relativeIndex = 0;
  for (const c of clients) {
    const taken = new Set<Relationship>();
    for (const r of c.relatives) {
      r.slot = relativeSlots[relativeIndex++]!;
      let relationship: Relationship = people.weighted(RELATIONSHIP_WEIGHTS);
      if (ONLY_ONE.has(relationship) && taken.has(relationship)) relationship = 'CHILD';
      taken.add(relationship);
      r.relationship = relationship;
      const family =
        (relationship === 'CHILD' || relationship === 'PARTNER') && people.chance(0.6)
          ? c.familyName
          : swedishOrNot(0.08);
      const person = addPerson('relative', r.slot, family, 0.002);
      r.personId = person.id;
      // The client names their relative as the register does.
      r.givenName = person.givenName;
      r.familyName = person.familyName;
      r.linkId = people.uuid();
    }
    await persons.flushIfFull();
  }
  await done(g, persons);
}

/** Organisation rows: the provider, its groups and teams, the staff and their teams. */
async function loadOrganisation(g: Generation): Promise<void> {
  const { groups, teams, staff, seed } = g;
  const providerId = g.rng.organisation.uuid();
  const providers = loaderFor(g, 'provider');
  providers.add(providerId, g.providerName, 'MUNICIPAL');
  await done(g, providers);
  const careGroups = loaderFor(g, 'care_group');
  for (const group of groups) careGroups.add(group.id, providerId, group.name, group.phone);
  await done(g, careGroups);
  const workTeams = loaderFor(g, 'work_team');
  for (const t of teams) workTeams.add(t.id, groups[t.group]!.id, t.name, t.phone);
  await done(g, workTeams);

  const sr = g.rng.staff;
  const preRuleLast = RULE_START - 1;
  const provenLast = dayOf('2026-03-31');
  const staffRows = loaderFor(g, 'staff_member');
  const mobileBase = (seed * 104_729) % 10_000_000;
  for (let i = 0; i < staff.length; i++) {
    const s = staff[i]!;
    if (s.title === 'UNDERSKOTERSKA') {
      // Proven at 19 at the earliest; most before the rule came, some after.
      const earliest = Math.max(dayOf('1995-01-01'), birthDay(g, 'staff', s.slot) + 19 * 365 + 30);
      s.provenOn =
        earliest <= preRuleLast && sr.chance(0.85)
          ? sr.between(earliest, preRuleLast)
          : sr.between(Math.max(earliest, RULE_START), provenLast);
    }
    staffRows.add(
      s.id,
      s.personId,
      groups[s.group]!.id,
      s.title,
      s.provenOn === null ? null : isoDay(s.provenOn),
      phoneNumber(sr.pick(['070', '072', '073', '076']), (mobileBase + i * 104_729) % 10_000_000),
      s.coordinator ? OFFICE_HOURS : sr.weighted(WORKING_HOURS),
      s.coordinator ? '{COORDINATOR}' : '{CARE_STAFF}',
    );
    await staffRows.flushIfFull();
  }
  await done(g, staffRows);
  const memberships = loaderFor(g, 'team_membership');
  for (const s of staff) memberships.add(s.id, teams[s.team]!.id);
  await done(g, memberships);
}

/** Clients and their granted services. */
async function loadClients(g: Generation): Promise<void> {
  const { clients, teams, today } = g;
  const cr = g.rng.clients;
  const clientRows = loaderFor(g, 'client');
  for (const c of clients) {
    clientRows.add(c.id, c.personId, teams[c.team]!.id, c.setting, isoTime(officeTime(cr, c.since)));
    await clientRows.flushIfFull();
  }
  await done(g, clientRows);
  const services = loaderFor(g, 'granted_service');
  for (const c of clients) {
    c.services.forEach((type, i) => {
      const from = i === 0 ? c.since : cr.between(c.since, today - 1);
      services.add(cr.uuid(), c.id, type, isoDay(from), null);
    });
    await services.flushIfFull();
  }
  await done(g, services);
}

/** Offers and fixed contacts: a primary and a deputy for each client who accepted. */
async function loadContacts(g: Generation): Promise<void> {
  const { clients, teams, groups, staff, today, latest } = g;
  const ct = g.rng.contacts;
  const offers = loaderFor(g, 'fixed_contact_offer');
  const contacts = loaderFor(g, 'contact_assignment');
  const pickPrimary = (team: Team): number => {
    for (let tries = 0; tries < 8; tries++) {
      const s = ct.pick(team.usk);
      if (staff[s]!.load < 25) return s;
    }
    return team.usk.reduce((best, s) => (staff[s]!.load < staff[best]!.load ? s : best));
  };
  const lastOfferDay = Math.max(RULE_START, today - 1);
  for (const c of clients) {
    const team = teams[c.team]!;
    const coordinators = groups[c.group]!.coordinators;
    const status = c.light
      ? ct.weighted([
          ['EXEMPT', 50],
          ['ACCEPTED', 45],
          ['DECLINED', 5],
        ] as const satisfies Weights<OfferStatus>)
      : ct.weighted([
          ['ACCEPTED', 955],
          ['DECLINED', 35],
          ['OFFERED', 10],
        ] as const satisfies Weights<OfferStatus>);
    const assessor = ct.pick(coordinators);
    if (status !== 'ACCEPTED') {
      // An open offer is recent; a decision can be from any time since the rule came.
      const offered = ct.between(Math.max(RULE_START, status === 'OFFERED' ? today - 20 : c.since), lastOfferDay);
      offers.add(
        ct.uuid(),
        c.id,
        status,
        status === 'EXEMPT' ? ct.pick(EXEMPT_REASONS) : null,
        status === 'EXEMPT' ? ct.pick(EXEMPT_VIEWS) : status === 'DECLINED' ? ct.pick(DECLINED_VIEWS) : null,
        staff[assessor]!.id,
        isoTime(Math.min(officeTime(ct, offered), latest)),
      );
      await offers.flushIfFull();
      continue;
    }
    const primary = pickPrimary(team);
    const p = staff[primary]!;
    p.load++;
    let deputy = ct.pick(team.care);
    while (deputy === primary) deputy = ct.pick(team.care);
    c.primary = primary;
    c.deputy = deputy;
    const earliest = Math.min(CONTACT_FROM_LAST, Math.max(RULE_START, c.since + 14, p.provenOn!));
    const validFrom = ct.between(earliest, CONTACT_FROM_LAST);
    const appointer = staff[ct.pick(coordinators)]!;
    const appointedAt = isoTime(Math.min(officeTime(ct, validFrom - ct.int(15)), latest));
    // A few clients changed contact: the earlier one's row ends the day the new one starts.
    let firstFrom = validFrom;
    let changeReason: string | null = null;
    const oldFirst = Math.max(dayOf('2021-01-01'), c.since);
    if (ct.chance(0.06) && oldFirst <= validFrom - 60) {
      const oldFrom = ct.between(oldFirst, validFrom - 60);
      const candidates = team.usk.filter((s) => s !== primary && staff[s]!.provenOn! <= oldFrom);
      if (candidates.length > 0) {
        const old = staff[ct.pick(candidates)]!;
        const oldAppointer = staff[ct.pick(coordinators)]!;
        contacts.add(
          ct.uuid(),
          c.id,
          old.id,
          'PRIMARY' satisfies ContactRole,
          isoDay(oldFrom),
          isoDay(validFrom),
          oldAppointer.id,
          isoTime(officeTime(ct, oldFrom - ct.int(15))),
          null,
          appointer.id,
        );
        firstFrom = oldFrom;
        changeReason = ct.pick(CHANGE_REASONS);
      }
    }
    contacts.add(
      ct.uuid(),
      c.id,
      p.id,
      'PRIMARY' satisfies ContactRole,
      isoDay(validFrom),
      null,
      appointer.id,
      appointedAt,
      changeReason,
      null,
    );
    contacts.add(
      ct.uuid(),
      c.id,
      staff[deputy]!.id,
      'DEPUTY' satisfies ContactRole,
      isoDay(validFrom),
      null,
      appointer.id,
      appointedAt,
      null,
      null,
    );
    offers.add(
      ct.uuid(),
      c.id,
      'ACCEPTED',
      null,
      null,
      staff[assessor]!.id,
      isoTime(Math.min(officeTime(ct, firstFrom - ct.between(1, 20)), latest)),
    );
    await offers.flushIfFull();
    await contacts.flushIfFull();
  }
  await done(g, offers);
  await done(g, contacts);
}

/** Absences: ~4% away today, some earlier ones; never overlapping per person. */
async function loadAbsences(g: Generation): Promise<void> {
  const { staff, groups, today, latest } = g;
  const ab = g.rng.absences;
  const absences = loaderFor(g, 'staff_absence');
  for (const s of staff) {
    const recorder = () => staff[ab.pick(groups[s.group]!.coordinators)]!.id;
    let before = today; // Earlier absences end before this day.
    if (ab.chance(0.04)) {
      const first = today - ab.int(22);
      const openEnded = ab.chance(0.25);
      const kind = openEnded ? ab.pick(OPEN_ENDED_KINDS) : ab.weighted(ABSENCE_KIND_WEIGHTS);
      const planned = kind === 'VACATION' || kind === 'TRAINING';
      absences.add(
        ab.uuid(),
        s.id,
        kind,
        isoDay(first),
        openEnded ? null : isoDay(today + ab.int(29)),
        recorder(),
        isoTime(Math.min(officeTime(ab, first - (planned ? ab.between(7, 60) : 0)), latest)),
      );
      before = first;
    }
    const earlier = ab.weighted([
      [0, 50],
      [1, 30],
      [2, 15],
      [3, 5],
    ] as const);
    for (let k = 0; k < earlier; k++) {
      const last = before - ab.between(3, 120);
      const first = last - ab.between(0, 20);
      const kind = ab.weighted(PAST_ABSENCE_KINDS);
      const planned = kind === 'VACATION' || kind === 'TRAINING';
      absences.add(
        ab.uuid(),
        s.id,
        kind,
        isoDay(first),
        isoDay(last),
        recorder(),
        isoTime(officeTime(ab, first - (planned ? ab.between(7, 60) : 0))),
      );
      before = first;
    }
    await absences.flushIfFull();
  }
  await done(g, absences);
}

/** The clients' relatives, as the clients list them. */
async function loadRelatives(g: Generation): Promise<void> {
  const { clients, latest } = g;
  const rr = g.rng.relatives;
  const links = loaderFor(g, 'relative_link');
  for (const c of clients) {
    const from = c.since * DAY_MS;
    for (const r of c.relatives) {
      r.createdMs = from + rr.int(Math.max(1, latest - from - 7 * DAY_MS));
      links.add(r.linkId, c.id, r.personId, r.givenName, r.familyName, r.relationship, isoTime(r.createdMs));
    }
    await links.flushIfFull();
  }
  await done(g, links);
}

/** Consents: most relatives have one, a few changed, expired or revoked; notes who may write today. */
async function loadConsents(g: Generation): Promise<void> {
  const { clients, groups, staff, latest, nowMs } = g;
  const cs = g.rng.consents;
  const consents = loaderFor(g, 'consent');
  for (const c of clients) {
    const coordinators = groups[c.group]!.coordinators;
    for (const r of c.relatives) {
      if (!cs.chance(0.75)) continue;
      let grantedMs = Math.min(r.createdMs + cs.int(60 * DAY_MS), latest - HOUR_MS);
      let replaces: string | null = null;
      // A few consents were changed: the old row ended (CHANGED) when the new one was granted.
      if (cs.chance(0.04) && latest - grantedMs > 40 * DAY_MS) {
        const oldId = cs.uuid();
        const newGranted = grantedMs + 30 * DAY_MS + cs.int(latest - grantedMs - 31 * DAY_MS);
        const oldScopes = cs.weighted(SCOPE_MIX);
        consents.add(
          oldId,
          r.linkId,
          `{${oldScopes.join(',')}}`,
          true,
          true,
          isoTime(grantedMs + cs.int(3 * DAY_MS)),
          'PORTAL',
          null,
          null,
          isoTime(grantedMs),
          null,
          null,
          isoTime(newGranted),
          c.personId,
          'CHANGED',
        );
        replaces = oldId;
        grantedMs = newGranted;
      }
      const scopes = cs.weighted(SCOPE_MIX);
      const inPerson = cs.chance(0.15);
      const accepted = cs.chance(0.9) ? Math.min(grantedMs + cs.int(5 * DAY_MS), latest) : null;
      let expires: number | null = null;
      if (cs.chance(0.03) && latest - grantedMs > 2 * DAY_MS) {
        expires = grantedMs + DAY_MS + cs.int(latest - grantedMs - DAY_MS);
      } else if (cs.chance(0.05)) {
        expires = nowMs + cs.between(30, 365) * DAY_MS;
      }
      const revoked = cs.chance(0.05);
      const revokedFrom = accepted ?? grantedMs;
      const endedMs = revoked ? revokedFrom + cs.int(Math.max(1, latest - revokedFrom)) : 0;
      consents.add(
        cs.uuid(),
        r.linkId,
        `{${scopes.join(',')}}`,
        true,
        true,
        accepted === null ? null : isoTime(accepted),
        inPerson ? 'IN_PERSON' : 'PORTAL',
        inPerson ? staff[cs.pick(coordinators)]!.id : null,
        inPerson ? cs.pick(CAPACITY_NOTES) : null,
        isoTime(grantedMs),
        expires === null ? null : isoTime(expires),
        replaces,
        revoked ? isoTime(endedMs) : null,
        revoked ? c.personId : null,
        revoked ? 'REVOKED' : null,
      );
      // Messages are recent: only relatives who may send today write them.
      if (scopes.includes(SEND_MESSAGES) && accepted !== null && !revoked && (expires === null || expires > nowMs)) {
        c.senders.push(r.personId);
      }
    }
    await consents.flushIfFull();
  }
  await done(g, consents);
}

/** Conversations: most clients have one, started within the last 90 days. */
async function loadConversations(g: Generation): Promise<void> {
  const { clients, nowMs, latest } = g;
  const cv = g.rng.conversations;
  const conversations = loaderFor(g, 'conversation');
  for (const c of clients) {
    if (!cv.chance(0.9)) continue;
    c.conversationId = cv.uuid();
    c.messageCount = cv.between(2, 20);
    // Older conversations are more common than ones started this week.
    const first = nowMs - MESSAGE_WINDOW + Math.floor(cv.next() ** 1.5 * (MESSAGE_WINDOW - 2 * HOUR_MS));
    c.firstMessageMs = waking(cv, first, nowMs - MESSAGE_WINDOW, latest - 2 * HOUR_MS);
    conversations.add(c.conversationId, c.id, isoTime(c.firstMessageMs));
    await conversations.flushIfFull();
  }
  await done(g, conversations);
}

const MESSAGE_WINDOW = 90 * DAY_MS;

interface Draft {
  id: string;
  author: string;
  role: 'CLIENT' | 'RELATIVE' | 'STAFF';
  body: string;
  private: boolean;
  inReplyTo: string | null;
  state: 'NEW' | 'READ' | 'ANSWERED' | null;
  handledBy: string | null;
  handledAt: number | null;
  at: number;
}

/** One client's conversation: messages from the client or relatives, staff replies, handling states. */
function draftConversation(g: Generation, c: Client): Draft[] {
  const { staff, latest } = g;
  const mr = g.rng.messages;
  const team = g.teams[c.team]!;
  const times = [c.firstMessageMs];
  for (let k = 1; k < c.messageCount; k++) {
    const t = c.firstMessageMs + 60_000 + mr.int(latest - c.firstMessageMs - 60_000);
    times.push(waking(mr, t, c.firstMessageMs + 60_000, latest));
  }
  times.sort((a, b) => a - b);
  const responder = () => {
    const r = mr.next();
    if (c.primary >= 0 && r < 0.6) return staff[c.primary]!;
    if (c.deputy >= 0 && r < 0.85) return staff[c.deputy]!;
    return staff[mr.pick(team.care)]!;
  };
  const drafts: Draft[] = [];
  let open: Draft | null = null;
  for (let k = 0; k < times.length; k++) {
    const at = times[k]!;
    if (open && mr.chance(0.55)) {
      const s = responder();
      open.state = 'ANSWERED';
      open.handledBy = s.id;
      open.handledAt = at;
      drafts.push({
        id: mr.uuid(),
        author: s.personId,
        role: 'STAFF',
        body: `${mr.pick(STAFF_BODIES)} Hälsningar ${s.givenName}`,
        // A reply to a private message stays private.
        private: open.private,
        inReplyTo: open.id,
        state: null,
        handledBy: null,
        handledAt: null,
        at,
      });
      open = null;
      continue;
    }
    if (open && mr.chance(0.85)) {
      // Read (sometimes answered by phone) before the next message came.
      open.state = mr.chance(0.2) ? 'ANSWERED' : 'READ';
      open.handledBy = responder().id;
      open.handledAt = waking(mr, open.at + Math.floor(mr.next() * (at - open.at)), open.at, at);
    }
    const byRelative = c.senders.length > 0 && mr.chance(0.5);
    open = {
      id: mr.uuid(),
      author: byRelative ? mr.pick(c.senders) : c.personId,
      role: byRelative ? 'RELATIVE' : 'CLIENT',
      body: mr.pick(byRelative ? RELATIVE_BODIES : CLIENT_BODIES),
      private: !byRelative && mr.chance(0.1),
      inReplyTo: null,
      state: 'NEW',
      handledBy: null,
      handledAt: null,
      at,
    };
    drafts.push(open);
  }
  // The latest message stays unread now and then, more often when it is recent.
  if (open && mr.chance(latest - open.at > 3 * DAY_MS ? 0.7 : 0.3)) {
    open.state = 'READ';
    open.handledBy = responder().id;
    open.handledAt = waking(mr, open.at + Math.floor(mr.next() * (latest - open.at)), open.at, latest);
  }
  return drafts;
}

/** Messages, streamed conversation by conversation. */
async function loadMessages(g: Generation): Promise<void> {
  const messages = loaderFor(g, 'message');
  let messageNumber = 0;
  for (const c of g.clients) {
    if (c.conversationId === null) continue;
    for (const d of draftConversation(g, c)) {
      messages.add(
        d.id,
        c.conversationId,
        d.author,
        d.role,
        d.body,
        d.private,
        d.inReplyTo,
        d.state,
        d.handledBy,
        d.handledAt === null ? null : isoTime(d.handledAt),
        `gen-${g.seed}-${String(messageNumber++).padStart(8, '0')}`,
        isoTime(d.at),
      );
    }
    await messages.flushIfFull();
  }
  await done(g, messages);
}

// ---------------------------------------------------------------------------------------------

export async function generateMunicipality(databaseUrl: string, options: GenerateOptions): Promise<GenerateResult> {
  const n = options.clients;
  const seed = options.seed ?? 1;
  // The mix above averages 2.05 relatives per client; more are added evenly.
  const extraRelatives = Math.max(0, Math.round((options.relativesPerClient ?? 2.05) - 2.05));
  if (!Number.isSafeInteger(n) || n < 1) throw new GenerationRefused('clients: must be a positive integer');
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new GenerationRefused('seed: must be an integer from 0 to 4294967295');
  }
  const log = options.log ?? (() => {});
  const nowMs = (options.now ?? new Date()).getTime();
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const report = (line: string) => log(`${line} (${elapsed()})`);
  const providerName = providerNameFor(seed);

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const g: Generation = {
    db,
    seed,
    clientCount: n,
    extraRelatives,
    nowMs,
    today: dayOf(stockholmDay(new Date(nowMs))),
    latest: nowMs - 60_000,
    providerName,
    rng: Object.fromEntries(STREAMS.map((s) => [s, new Rng(seed, s)])) as Generation['rng'],
    report,
    counts: {},
    groups: [],
    teams: [],
    staff: [],
    teamClients: [],
    clients: [],
    sources: undefined as unknown as Generation['sources'],
  };
  try {
    await db.query('BEGIN');
    // Generated data can be generated again: no need to wait for the disk at commit.
    await db.query('SET LOCAL synchronous_commit = off');
    const existing = await db.query('SELECT 1 FROM provider WHERE name = $1', [providerName]);
    if ((existing.rowCount ?? 0) > 0) {
      throw new GenerationRefused(
        `"${providerName}" already exists in this database: seed ${seed} has been generated here before. Use another --seed, or reset the database.`,
      );
    }
    // The order matters: each phase reads what the earlier ones planned, and draws from its streams.
    planOrganisation(g);
    planClients(g);
    await loadPersons(g);
    await loadOrganisation(g);
    await loadClients(g);
    await loadContacts(g);
    await loadAbsences(g);
    await loadRelatives(g);
    await loadConsents(g);
    await loadConversations(g);
    await loadMessages(g);

    await db.query('COMMIT');
    report('committed');
    // Fresh statistics, so the first queries on the new rows get sensible plans, and a visibility
    // map, so reads that an index covers need not visit the table (as on a server that has run a while).
    await db.query('VACUUM (ANALYZE)');
    report('vacuumed and analyzed');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
  return { counts: g.counts, ms: performance.now() - started };
}
