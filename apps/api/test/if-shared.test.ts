import type { EntityManager } from '@mikro-orm/postgresql';
import { describe, expect, it } from 'vitest';
import { RequestAccess } from '../src/modules/access/request-access';
import { NO_STANDING } from '../src/modules/access/standing';
import { ReadAuditLog } from '../src/modules/audit/read-audit';

const CLIENT = '00000000-0000-4000-8000-000000000001';

/** One request's access with a known standing (primed, so no database is asked). */
function accessWith(scopes: ('VIEW_CONTACT' | 'VIEW_CONTACT_DETAILS')[]) {
  const audit = new ReadAuditLog(null, 'request');
  const access = new RequestAccess({} as EntityManager, 'person', audit);
  access.prime({ ...NO_STANDING(CLIENT), scopes });
  return { access, audit };
}

describe('@ifShared at the gate', () => {
  it('is "not shared", and logs nothing, only for a viewer who may see the client', async () => {
    const { access, audit } = accessWith(['VIEW_CONTACT']);
    expect(await access.check(CLIENT, 'VIEW_CONTACT_DETAILS', { ifShared: true })).toBe('notShared');
    expect(audit.size).toBe(0);
    expect(await access.check(CLIENT, 'VIEW_CONTACT', { ifShared: true })).toBe('allowed');
    expect(audit.size).toBe(1);
  });

  it('is a logged denial for anyone who may not see the client at all, as without it', async () => {
    const { access, audit } = accessWith([]);
    expect(await access.check(CLIENT, 'VIEW_CONTACT_DETAILS', { ifShared: true })).toBe('denied');
    expect(await access.check(CLIENT, 'VISIBLE', { ifShared: true })).toBe('denied');
    expect(audit.size).toBe(2);
  });

  it('changes nothing when not asked', async () => {
    const { access, audit } = accessWith(['VIEW_CONTACT']);
    expect(await access.check(CLIENT, 'VIEW_CONTACT_DETAILS')).toBe('denied');
    expect(audit.size).toBe(1);
  });
});
