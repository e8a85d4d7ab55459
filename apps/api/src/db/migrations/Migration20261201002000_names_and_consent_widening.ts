import { Migration } from '@mikro-orm/migrations';

/**
 * A person's registered name comes only from a verified login or the register, so a person known
 * only by a client's label for them has none (NULL). A consent that widens what a relative sees
 * (more scopes, or a later or no expiry) never carries the relative's old acceptance over, and a
 * portal consent is never one a staff member recorded.
 */
export class Migration20261201002000_names_and_consent_widening extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
ALTER TABLE person ALTER COLUMN given_name DROP NOT NULL, ALTER COLUMN family_name DROP NOT NULL;
ALTER TABLE person ADD CONSTRAINT person_name_whole CHECK ((given_name IS NULL) = (family_name IS NULL));

ALTER TABLE consent ADD CONSTRAINT consent_portal_not_recorded
  CHECK (given_via <> 'PORTAL' OR (recorded_by IS NULL AND capacity_note IS NULL));

CREATE FUNCTION consent_widening_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous consent%ROWTYPE;
BEGIN
  -- An acceptance given after this grant is the relative's new one; only an older one was carried over.
  IF NEW.replaces_id IS NULL OR NEW.relative_accepted_at IS NULL OR NEW.relative_accepted_at >= NEW.granted_at THEN
    RETURN NEW;
  END IF;
  SELECT * INTO previous FROM consent WHERE id = NEW.replaces_id;
  IF NOT (NEW.scopes <@ previous.scopes)
     OR (previous.expires_at IS NOT NULL AND (NEW.expires_at IS NULL OR NEW.expires_at > previous.expires_at)) THEN
    RAISE EXCEPTION 'a consent that widens access needs a new acceptance by the relative'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'consent_widened_needs_acceptance';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER consent_widened_needs_acceptance BEFORE INSERT ON consent
  FOR EACH ROW EXECUTE FUNCTION consent_widening_check();
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
DROP TRIGGER consent_widened_needs_acceptance ON consent;
DROP FUNCTION consent_widening_check();
ALTER TABLE consent DROP CONSTRAINT consent_portal_not_recorded;
ALTER TABLE person DROP CONSTRAINT person_name_whole;
`);
  }
}
