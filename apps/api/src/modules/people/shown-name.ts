import type { Standing } from '../access/standing';

/**
 * What one viewer is shown of a person's name: the one place that says when a name is withheld.
 * A withheld name comes with a machine-readable reason the portal translates.
 */
export const NAME_WITHHELD = ['ANOTHER_RELATIVE', 'PROTECTED_IDENTITY'] as const;
export type NameWithheld = (typeof NAME_WITHHELD)[number];

/** Shown in place of the name of a person with skyddade personuppgifter (protected identity). */
export const PROTECTED_IDENTITY_LABEL = 'Skyddad identitet';

export interface ShownName {
  /** The name to show; null when withheld as ANOTHER_RELATIVE or when no name is known. */
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  withheld: NameWithheld | null;
}

/** A person as one client's information names them. */
export interface NamedPerson {
  personId: string | null;
  /** The registered name (verified login or register); null when none is known. */
  givenName: string | null;
  familyName: string | null;
  protectedIdentity: boolean;
  /** How the person stands to the client: the client, one of the client's relatives, staff, or neither. */
  role: 'CLIENT' | 'RELATIVE' | 'STAFF' | 'OTHER';
  /** For a relative: the client's own label for them (shown to the client and staff only). */
  label?: { givenName: string; familyName: string } | null;
}

/** Who is looking, and how they stand to the client the information is about. */
export interface NameViewer {
  personId: string | null;
  standing: Standing;
}

const shown = (givenName: string | null, familyName: string | null): ShownName => ({
  name: givenName && familyName ? `${givenName} ${familyName}` : null,
  givenName,
  familyName,
  withheld: null,
});

const PROTECTED: ShownName = {
  name: PROTECTED_IDENTITY_LABEL,
  givenName: PROTECTED_IDENTITY_LABEL,
  familyName: null,
  withheld: 'PROTECTED_IDENTITY',
};
const ANOTHER_RELATIVE: ShownName = { name: null, givenName: null, familyName: null, withheld: 'ANOTHER_RELATIVE' };

/** The client, or staff around the client: those who may see a client's relatives by name. */
const seesRelatives = (s: Standing) => s.self || s.staff || s.coordinator;

/**
 * The rule, in order:
 * 1. Everyone sees their own name.
 * 2. A person with protected identity is shown as "Skyddad identitet" to everyone else, except that
 *    a protected client is named to the staff assigned to them: their fixed contact and deputy today,
 *    and the coordinators of their unit (who appoint those and follow up the log).
 * 3. A relative sees another relative as "another relative", never by name.
 * 4. Otherwise the registered name; for a relative without one, the client's label for them, which
 *    only the client and staff see.
 */
export function shownName(viewer: NameViewer, person: NamedPerson): ShownName {
  const s = viewer.standing;
  if (person.personId !== null && person.personId === viewer.personId) {
    return shown(person.givenName, person.familyName);
  }
  if (person.protectedIdentity) {
    const assignedToClient = person.role === 'CLIENT' && (s.assigned || s.coordinator);
    return assignedToClient ? shown(person.givenName, person.familyName) : PROTECTED;
  }
  if (person.role !== 'STAFF' && person.role !== 'CLIENT' && !seesRelatives(s)) return ANOTHER_RELATIVE;
  if (person.givenName === null && person.label && seesRelatives(s)) {
    return shown(person.label.givenName, person.label.familyName);
  }
  return shown(person.givenName, person.familyName);
}

/**
 * A relative on the client's list, as the client labelled them. The client sees their own words;
 * staff see them too, except for a relative with protected identity, whose name and relationship
 * reach nobody else.
 */
export function shownRelativeLabel(
  viewer: NameViewer,
  relative: { personId: string; protectedIdentity: boolean; givenName: string; familyName: string },
): ShownName & { relationshipShown: boolean } {
  if (viewer.standing.self || viewer.personId === relative.personId || !relative.protectedIdentity) {
    return { ...shown(relative.givenName, relative.familyName), relationshipShown: true };
  }
  return { ...PROTECTED, relationshipShown: false };
}
