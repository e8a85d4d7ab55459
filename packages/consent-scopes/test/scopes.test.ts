import { describe, expect, it } from 'vitest';
import { CONSENT_SCOPES, isConsentScope, SCOPE_LABELS, scopesSqlArray } from '../src/index';

describe('consent scopes', () => {
  it('has a Swedish and English label for every scope', () => {
    for (const s of CONSENT_SCOPES) {
      expect(SCOPE_LABELS[s].sv.length).toBeGreaterThan(0);
      expect(SCOPE_LABELS[s].en.length).toBeGreaterThan(0);
    }
  });
  it('recognises only listed scopes', () => {
    expect(isConsentScope('VIEW_CONTACT')).toBe(true);
    expect(isConsentScope('VIEW_HEALTH')).toBe(false);
  });
  it('renders the SQL array used by the check constraint', () => {
    expect(scopesSqlArray()).toBe(
      "ARRAY['VIEW_CONTACT', 'VIEW_CONTACT_DETAILS', 'SEND_MESSAGES', 'READ_CONVERSATION']::text[]",
    );
  });
});
