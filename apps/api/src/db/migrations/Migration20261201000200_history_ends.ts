import { Migration } from '@mikro-orm/migrations';

/**
 * Once a history row is ended or handled, that never changes back, whoever writes (the API's role
 * included). Only what the services legitimately do stays possible:
 * - consent: an ended row (ended_at set) is frozen, its end columns included; relative_accepted_at
 *   once set never changes (a widened consent is a new row with its own acceptance).
 * - contact_assignment: valid_to once set is never cleared and never moved later (ending it earlier
 *   is allowed: endContact shortens a planned end, with the coordinator who did it as ended_by);
 *   ended_by once set is never cleared.
 * - message: a handled message (READ or ANSWERED) never goes back to NEW, so handled_by and
 *   handled_at are never cleared; re-marking READ/ANSWERED updates who handled it last.
 */
export class Migration20261201000200_history_ends extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE FUNCTION history_end_kept() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  broken text;
BEGIN
  IF TG_TABLE_NAME = 'consent' THEN
    IF OLD.ended_at IS NOT NULL AND to_jsonb(OLD) IS DISTINCT FROM to_jsonb(NEW) THEN
      broken := 'an ended consent never changes';
    ELSIF OLD.relative_accepted_at IS NOT NULL AND NEW.relative_accepted_at IS DISTINCT FROM OLD.relative_accepted_at THEN
      broken := 'relative_accepted_at never changes once set';
    END IF;
  ELSIF TG_TABLE_NAME = 'contact_assignment' THEN
    IF OLD.valid_to IS NOT NULL AND (NEW.valid_to IS NULL OR NEW.valid_to > OLD.valid_to) THEN
      broken := 'valid_to is never cleared or moved later once set';
    ELSIF OLD.ended_by IS NOT NULL AND NEW.ended_by IS NULL THEN
      broken := 'ended_by is never cleared once set';
    END IF;
  ELSIF TG_TABLE_NAME = 'message' THEN
    -- (A NULL state would slip past the table's CHECK, so it is named here.)
    IF OLD.state IN ('READ', 'ANSWERED') AND (NEW.state IS NULL OR NEW.state NOT IN ('READ', 'ANSWERED')) THEN
      broken := 'a handled message never goes back to NEW';
    END IF;
  END IF;
  IF broken IS NOT NULL THEN
    RAISE EXCEPTION '% keeps its history: %', TG_TABLE_NAME, broken
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = TG_TABLE_NAME || '_end_kept';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER consent_end_kept BEFORE UPDATE ON consent
  FOR EACH ROW EXECUTE FUNCTION history_end_kept();
CREATE TRIGGER contact_assignment_end_kept BEFORE UPDATE ON contact_assignment
  FOR EACH ROW EXECUTE FUNCTION history_end_kept();
CREATE TRIGGER message_end_kept BEFORE UPDATE ON message
  FOR EACH ROW EXECUTE FUNCTION history_end_kept();
`);
  }
}
