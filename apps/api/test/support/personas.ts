import type { EntityManager } from '@mikro-orm/postgresql';
import { CONSENT_SCOPES, type ConsentScope } from '@spindeln/consent-scopes';
import { PERSONAS } from '@spindeln/demo-personas';
import { createRelative } from '../../src/seed/factories';
import { loadDemo } from './world';

/**
 * Everyone the authorization matrix asks about Elsa: the demo personas plus a relative holding each
 * scope alone and one whose consent has expired.
 */
export async function loadMatrixWorld(em: EntityManager) {
  const w = await loadDemo(em);
  const elsa = w.clients.elsa;
  const only: Record<ConsentScope, string> = {} as Record<ConsentScope, string>;
  for (const [i, scope] of CONSENT_SCOPES.entries()) {
    const r = await createRelative(em, { client: elsa, givenName: `Endast${i}`, familyName: scope, scopes: [scope] });
    only[scope] = r.person.personnummer;
  }
  const expired = await createRelative(em, {
    client: elsa,
    givenName: 'Utgången',
    familyName: 'Samtycke',
    scopes: [...CONSENT_SCOPES],
    expiresAt: new Date(Date.now() - 60_000),
  });
  const personas = {
    client: PERSONAS.elsa.personnummer,
    'relative VIEW_CONTACT': only.VIEW_CONTACT,
    'relative VIEW_CONTACT_DETAILS': only.VIEW_CONTACT_DETAILS,
    'relative SEND_MESSAGES': only.SEND_MESSAGES,
    'relative READ_CONVERSATION': only.READ_CONVERSATION,
    'relative all scopes': PERSONAS.maria.personnummer,
    'relative revoked': PERSONAS.lars.personnummer,
    'relative expired': expired.person.personnummer,
    'relative no consent': PERSONAS.karin.personnummer,
    'staff contact': PERSONAS.anna.personnummer,
    'staff on team': PERSONAS.sara.personnummer,
    'staff other team': PERSONAS.fatima.personnummer,
    'coordinator of unit': PERSONAS.lena.personnummer,
    'coordinator other unit': PERSONAS.olof.personnummer,
    'unknown person': '19121212-1212',
    'no token': null,
  } as const;
  return { ...w, personas };
}

export type MatrixPersona = keyof Awaited<ReturnType<typeof loadMatrixWorld>>['personas'];
