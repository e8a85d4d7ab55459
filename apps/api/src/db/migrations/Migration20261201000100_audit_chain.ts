import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log is tamper-evident (docs/decisions/0006-database-roles.md): the database sets each
 * row's time, its place in one chain and a SHA-256 over its content and the previous row's hash.
 * `npm run audit:verify` recomputes the chain and names the first broken link.
 *
 * Order: the chain's head is one row; the BEFORE INSERT trigger locks it (SELECT … FOR UPDATE), so
 * inserting transactions take positions one after the other and each sees the committed previous
 * hash. The lock is held from the audit insert to commit, which is why audit rows are written last
 * in their transaction (auditedCommand) or in a transaction of their own (the read audit).
 */
export class Migration20261201000100_audit_chain extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
ALTER TABLE audit_event ADD COLUMN chain_position bigint, ADD COLUMN hash bytea;

CREATE TABLE audit_chain_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  position bigint NOT NULL,
  hash bytea
);
-- Only the trigger (running as the owner) moves the head.
REVOKE ALL ON audit_chain_head FROM spindeln_api;

-- The hash of one row: its content in a fixed serialisation (time as microseconds since the epoch,
-- so no session time zone changes it; jsonb's text form is canonical) and the previous hash.
-- audit-verify.ts recomputes it with the same expression, independently of this function.
CREATE FUNCTION audit_event_hash(prev bytea, e audit_event) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$
  SELECT sha256(convert_to(jsonb_build_array(encode(prev, 'hex'), e.chain_position, e.id,
    (extract(epoch FROM e.at) * 1000000)::bigint, e.actor_person_id, e.action, e.client_id, e.outcome,
    e.request_id, e.detail)::text, 'UTF8'))
$$;

CREATE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  head audit_chain_head;
BEGIN
  -- Waits for the transaction that holds the head, then sees its committed hash.
  SELECT * INTO STRICT head FROM audit_chain_head FOR UPDATE;
  NEW.at := clock_timestamp();
  NEW.chain_position := head.position + 1;
  NEW.hash := audit_event_hash(head.hash, NEW);
  UPDATE audit_chain_head SET position = NEW.chain_position, hash = NEW.hash;
  RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION audit_event_chain() FROM PUBLIC;

-- Rows from before the chain, in the order they were written.
ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete;
DO $$
DECLARE
  r record;
  pos bigint := 0;
  prev bytea;
BEGIN
  FOR r IN SELECT id FROM audit_event ORDER BY at, id LOOP
    pos := pos + 1;
    UPDATE audit_event SET chain_position = pos WHERE id = r.id;
    UPDATE audit_event e SET hash = audit_event_hash(prev, e) WHERE id = r.id RETURNING e.hash INTO prev;
  END LOOP;
  INSERT INTO audit_chain_head (position, hash) VALUES (pos, prev);
END $$;
ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete;

ALTER TABLE audit_event ALTER COLUMN chain_position SET NOT NULL, ALTER COLUMN hash SET NOT NULL,
  ADD CONSTRAINT audit_event_chain_position_unique UNIQUE (chain_position);
-- Named to fire last of any BEFORE INSERT triggers (they fire by name), so it hashes the row as stored.
CREATE TRIGGER zz_audit_event_chain BEFORE INSERT ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
`);
  }
}
