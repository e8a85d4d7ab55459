import { Migration } from '@mikro-orm/migrations';
import { scopesSqlArray } from '@spindeln/consent-scopes';

const scopesArray = scopesSqlArray();

/**
 * The whole data model. Rules a database can hold live here (checks, partial-unique indexes,
 * exclusion constraints, triggers); the services hold the rest and name the rule in their errors.
 * Constraint names are the rule names the API reports.
 */
export class Migration20261122000000_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Personnummer or samordningsnummer in the 12-digit form: a real date (day + 60 for
-- samordningsnummer) and a Luhn check digit over the last 10 digits.
CREATE FUNCTION is_valid_personnummer(pnr text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  y int; m int; d int; s int := 0; digit int;
BEGIN
  IF pnr !~ '^[0-9]{12}$' THEN RETURN false; END IF;
  y := substr(pnr, 1, 4)::int; m := substr(pnr, 5, 2)::int; d := substr(pnr, 7, 2)::int;
  IF d > 60 THEN d := d - 60; END IF;
  IF y < 1850 OR m < 1 OR m > 12 OR d < 1
     OR d > extract(day FROM make_date(y, m, 1) + interval '1 month - 1 day') THEN
    RETURN false;
  END IF;
  FOR i IN 3..11 LOOP
    digit := substr(pnr, i, 1)::int * CASE WHEN (i - 3) % 2 = 0 THEN 2 ELSE 1 END;
    IF digit > 9 THEN digit := digit - 9; END IF;
    s := s + digit;
  END LOOP;
  RETURN (10 - s % 10) % 10 = substr(pnr, 12, 1)::int;
END $$;

-- History tables keep every row; rows may not be deleted.
CREATE FUNCTION forbid_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% keeps its history: rows are never deleted', TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = TG_TABLE_NAME || '_history_kept';
END $$;

-- Only the columns named in the trigger's arguments may change on UPDATE.
CREATE FUNCTION only_columns_may_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(OLD) - TG_ARGV) IS DISTINCT FROM (to_jsonb(NEW) - TG_ARGV) THEN
    RAISE EXCEPTION '% keeps its history: only % may change', TG_TABLE_NAME, array_to_string(TG_ARGV, ', ')
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = TG_TABLE_NAME || '_history_kept';
  END IF;
  RETURN NEW;
END $$;

CREATE TABLE person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  personnummer text NOT NULL,
  given_name text NOT NULL,
  family_name text NOT NULL,
  protected_identity boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT person_personnummer_unique UNIQUE (personnummer),
  CONSTRAINT person_personnummer_valid CHECK (is_valid_personnummer(personnummer)),
  CONSTRAINT person_given_name_present CHECK (length(btrim(given_name)) BETWEEN 1 AND 100),
  CONSTRAINT person_family_name_present CHECK (length(btrim(family_name)) BETWEEN 1 AND 100)
);

CREATE TABLE provider (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  kind text NOT NULL,
  CONSTRAINT provider_name_unique UNIQUE (name),
  CONSTRAINT provider_kind_valid CHECK (kind IN ('MUNICIPAL', 'PRIVATE'))
);

-- Hemtjänstgrupp: a home-care group with its phone number.
CREATE TABLE care_group (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider_id uuid NOT NULL REFERENCES provider(id),
  name text NOT NULL,
  phone text NOT NULL,
  CONSTRAINT care_group_name_unique UNIQUE (provider_id, name),
  CONSTRAINT care_group_phone_valid CHECK (phone ~ '^\\+?[0-9][0-9 -]{5,19}$')
);

-- Arbetslag: a work team in a group, by geographic area.
CREATE TABLE work_team (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id uuid NOT NULL REFERENCES care_group(id),
  name text NOT NULL,
  phone text,
  CONSTRAINT work_team_name_unique UNIQUE (group_id, name),
  CONSTRAINT work_team_phone_valid CHECK (phone IS NULL OR phone ~ '^\\+?[0-9][0-9 -]{5,19}$')
);
CREATE INDEX work_team_group_idx ON work_team(group_id);

CREATE TABLE staff_member (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person(id),
  unit_id uuid NOT NULL REFERENCES care_group(id),
  title text NOT NULL,
  title_proven_on date,
  work_mobile text,
  working_hours jsonb NOT NULL DEFAULT '[]',
  roles text[] NOT NULL DEFAULT '{}',
  CONSTRAINT staff_member_person_unique UNIQUE (person_id),
  CONSTRAINT staff_member_title_valid CHECK (title IN ('UNDERSKOTERSKA', 'VARDBITRADE', 'SJUKSKOTERSKA',
    'ARBETSTERAPEUT', 'FYSIOTERAPEUT', 'ENHETSCHEF', 'SAMORDNARE', 'OTHER')),
  CONSTRAINT staff_member_underskoterska_proven CHECK (title <> 'UNDERSKOTERSKA' OR title_proven_on IS NOT NULL),
  CONSTRAINT staff_member_work_mobile_valid CHECK (work_mobile IS NULL OR work_mobile ~ '^\\+?[0-9][0-9 -]{5,19}$'),
  CONSTRAINT staff_member_roles_valid CHECK (roles <@ ARRAY['CARE_STAFF', 'COORDINATOR']::text[]),
  CONSTRAINT staff_member_working_hours_list CHECK (jsonb_typeof(working_hours) = 'array')
);
CREATE INDEX staff_member_unit_idx ON staff_member(unit_id);

CREATE TABLE team_membership (
  staff_id uuid NOT NULL REFERENCES staff_member(id),
  team_id uuid NOT NULL REFERENCES work_team(id),
  PRIMARY KEY (staff_id, team_id)
);
CREATE INDEX team_membership_team_idx ON team_membership(team_id);

CREATE TABLE client (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person(id),
  team_id uuid NOT NULL REFERENCES work_team(id),
  care_setting text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT client_person_unique UNIQUE (person_id),
  CONSTRAINT client_care_setting_valid CHECK (care_setting IN ('HEMTJANST', 'SARSKILT_BOENDE'))
);
CREATE INDEX client_team_idx ON client(team_id);

-- Insatser: granted services.
CREATE TABLE granted_service (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES client(id),
  type text NOT NULL,
  granted_from date NOT NULL,
  granted_to date,
  CONSTRAINT granted_service_type_valid CHECK (type IN ('PERSONAL_CARE', 'CLEANING', 'SHOPPING', 'LAUNDRY',
    'MEAL_DELIVERY', 'SAFETY_ALARM', 'ACCOMPANIMENT', 'RESPITE', 'SUPERVISION', 'SOCIAL_SUPPORT')),
  CONSTRAINT granted_service_period_valid CHECK (granted_to IS NULL OR granted_to >= granted_from)
);
CREATE INDEX granted_service_client_idx ON granted_service(client_id);

-- The fixed-contact offer and its outcome; each assessment is a new row, the latest is current.
CREATE TABLE fixed_contact_offer (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES client(id),
  status text NOT NULL,
  reason text,
  client_view text,
  assessed_by uuid NOT NULL REFERENCES staff_member(id),
  assessed_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT fixed_contact_offer_status_valid CHECK (status IN ('OFFERED', 'ACCEPTED', 'DECLINED', 'EXEMPT')),
  CONSTRAINT fixed_contact_offer_exempt_reasoned CHECK (status <> 'EXEMPT'
    OR (length(btrim(coalesce(reason, ''))) > 0 AND length(btrim(coalesce(client_view, ''))) > 0))
);
CREATE INDEX fixed_contact_offer_client_idx ON fixed_contact_offer(client_id, assessed_at DESC);
CREATE TRIGGER fixed_contact_offer_no_update BEFORE UPDATE ON fixed_contact_offer
  FOR EACH ROW EXECUTE FUNCTION only_columns_may_change();
CREATE TRIGGER fixed_contact_offer_no_delete BEFORE DELETE ON fixed_contact_offer
  FOR EACH ROW EXECUTE FUNCTION forbid_delete();

-- Fast omsorgskontakt (PRIMARY) and deputy. The period is [valid_from, valid_to): valid_to is the
-- first day the assignment no longer holds, NULL while it runs.
CREATE TABLE contact_assignment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES client(id),
  staff_id uuid NOT NULL REFERENCES staff_member(id),
  role text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  appointed_by uuid NOT NULL REFERENCES staff_member(id),
  appointed_at timestamptz NOT NULL DEFAULT now(),
  change_reason text,
  ended_by uuid REFERENCES staff_member(id),
  CONSTRAINT contact_assignment_role_valid CHECK (role IN ('PRIMARY', 'DEPUTY')),
  -- valid_to = valid_from is an appointment replaced before it began: kept as history, holds no day.
  CONSTRAINT contact_assignment_period_valid CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CONSTRAINT contact_assignment_one_per_role EXCLUDE USING gist
    (client_id WITH =, role WITH =, daterange(valid_from, valid_to, '[)') WITH &&),
  CONSTRAINT contact_assignment_primary_not_deputy EXCLUDE USING gist
    (client_id WITH =, staff_id WITH =, daterange(valid_from, valid_to, '[)') WITH &&)
);
-- "Whose contact is this staff member" (the inbox, staff standing): the exclusion constraint's
-- GiST index also answers staff_id, but only by walking all of it, and the planner cannot tell.
-- Queries ask by staff_id::text, which only this b-tree answers.
CREATE INDEX contact_assignment_staff_idx ON contact_assignment ((staff_id::text)) INCLUDE (client_id, valid_from, valid_to);
CREATE INDEX contact_assignment_client_idx ON contact_assignment(client_id) INCLUDE (role, staff_id, valid_from, valid_to);

-- Since 2023-07-01 only an undersköterska (title proven by then) may be appointed fast omsorgskontakt.
CREATE FUNCTION contact_assignment_primary_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.role = 'PRIMARY' AND NEW.valid_from >= DATE '2023-07-01' AND NOT EXISTS (
    SELECT 1 FROM staff_member s WHERE s.id = NEW.staff_id
      AND s.title = 'UNDERSKOTERSKA' AND s.title_proven_on <= NEW.valid_from
  ) THEN
    RAISE EXCEPTION 'a fixed care contact appointed from 2023-07-01 must be an undersköterska'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'contact_assignment_primary_underskoterska';
  END IF;
  RETURN NEW;
END $$;
-- On INSERT only: an assignment's staff, role and start never change afterwards (history_kept), and
-- ending it later must not depend on the title the person holds by then.
CREATE TRIGGER contact_assignment_primary_underskoterska BEFORE INSERT ON contact_assignment
  FOR EACH ROW EXECUTE FUNCTION contact_assignment_primary_check();
CREATE TRIGGER contact_assignment_history_kept BEFORE UPDATE ON contact_assignment
  FOR EACH ROW EXECUTE FUNCTION only_columns_may_change('valid_to', 'ended_by');
CREATE TRIGGER contact_assignment_no_delete BEFORE DELETE ON contact_assignment
  FOR EACH ROW EXECUTE FUNCTION forbid_delete();

-- Absence of a staff member, whole days, last_day inclusive; NULL last_day: until further notice.
CREATE TABLE staff_absence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  staff_id uuid NOT NULL REFERENCES staff_member(id),
  kind text NOT NULL,
  first_day date NOT NULL,
  last_day date,
  recorded_by uuid NOT NULL REFERENCES staff_member(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT staff_absence_kind_valid CHECK (kind IN ('VACATION', 'SICK', 'PARENTAL_LEAVE',
    'LEAVE_OF_ABSENCE', 'TRAINING', 'OTHER')),
  CONSTRAINT staff_absence_period_valid CHECK (last_day IS NULL OR last_day >= first_day),
  CONSTRAINT staff_absence_no_overlap EXCLUDE USING gist
    (staff_id WITH =, daterange(first_day, last_day, '[]') WITH &&)
);

CREATE TABLE relative_link (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES client(id),
  person_id uuid NOT NULL REFERENCES person(id),
  -- The name the client gave for this relative: shown on the client's own list, so adding a
  -- personnummer never reveals the name registered for it.
  given_name text NOT NULL,
  family_name text NOT NULL,
  relationship text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT relative_link_unique UNIQUE (client_id, person_id),
  CONSTRAINT relative_link_names_present CHECK (length(btrim(given_name)) BETWEEN 1 AND 100
    AND length(btrim(family_name)) BETWEEN 1 AND 100),
  CONSTRAINT relative_link_relationship_valid CHECK (relationship IN ('PARTNER', 'CHILD',
    'OTHER_RELATIVE', 'FRIEND', 'GOD_MAN', 'FORVALTARE'))
);
CREATE INDEX relative_link_person_idx ON relative_link(person_id);

-- A client's consent to one relative. Changing or revoking ends the row and (for a change) adds a
-- new one; at most one row per relative is current.
CREATE TABLE consent (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  relative_link_id uuid NOT NULL REFERENCES relative_link(id),
  scopes text[] NOT NULL,
  secrecy_waiver boolean NOT NULL,
  data_processing boolean NOT NULL,
  relative_accepted_at timestamptz,
  given_via text NOT NULL,
  recorded_by uuid REFERENCES staff_member(id),
  capacity_note text,
  granted_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  replaces_id uuid REFERENCES consent(id),
  ended_at timestamptz,
  ended_by uuid REFERENCES person(id),
  end_reason text,
  CONSTRAINT consent_scopes_valid CHECK (scopes <@ ${scopesArray} AND cardinality(scopes) >= 1),
  CONSTRAINT consent_requires_both_consents CHECK (secrecy_waiver AND data_processing),
  CONSTRAINT consent_given_via_valid CHECK (given_via IN ('PORTAL', 'IN_PERSON')),
  CONSTRAINT consent_in_person_recorded CHECK (given_via <> 'IN_PERSON'
    OR (recorded_by IS NOT NULL AND length(btrim(coalesce(capacity_note, ''))) > 0)),
  CONSTRAINT consent_expiry_after_grant CHECK (expires_at IS NULL OR expires_at > granted_at),
  CONSTRAINT consent_end_valid CHECK ((ended_at IS NULL) = (end_reason IS NULL)
    AND (end_reason IS NULL OR end_reason IN ('REVOKED', 'CHANGED')))
);
CREATE INDEX consent_replaces_idx ON consent(replaces_id) WHERE replaces_id IS NOT NULL;
CREATE UNIQUE INDEX consent_one_current_per_relative ON consent(relative_link_id) WHERE ended_at IS NULL;
CREATE TRIGGER consent_history_kept BEFORE UPDATE ON consent
  FOR EACH ROW EXECUTE FUNCTION only_columns_may_change('relative_accepted_at', 'ended_at', 'ended_by', 'end_reason');
CREATE TRIGGER consent_no_delete BEFORE DELETE ON consent
  FOR EACH ROW EXECUTE FUNCTION forbid_delete();

CREATE TABLE conversation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES client(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT conversation_client_unique UNIQUE (client_id)
);

CREATE TABLE message (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conversation_id uuid NOT NULL REFERENCES conversation(id),
  author_person_id uuid NOT NULL REFERENCES person(id),
  author_role text NOT NULL,
  body text NOT NULL,
  private boolean NOT NULL DEFAULT false,
  in_reply_to uuid REFERENCES message(id),
  state text,
  handled_by uuid REFERENCES staff_member(id),
  handled_at timestamptz,
  idempotency_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT message_author_role_valid CHECK (author_role IN ('CLIENT', 'RELATIVE', 'STAFF')),
  CONSTRAINT message_body_length CHECK (length(btrim(body)) >= 1 AND length(body) <= 4000),
  CONSTRAINT message_idempotency_key_unique UNIQUE (author_person_id, idempotency_key),
  CONSTRAINT message_idempotency_key_valid CHECK (length(idempotency_key) BETWEEN 8 AND 100),
  -- Messages to the care contact carry a handling state; staff replies do not.
  CONSTRAINT message_state_valid CHECK (
    (author_role = 'STAFF' AND state IS NULL) OR (author_role <> 'STAFF' AND state IN ('NEW', 'READ', 'ANSWERED'))),
  CONSTRAINT message_handled_consistent CHECK ((state IS NULL OR state = 'NEW') = (handled_by IS NULL)
    AND (handled_by IS NULL) = (handled_at IS NULL))
);
-- Covers the inbox's count, oldest-waiting and newest message per conversation without the table.
CREATE INDEX message_conversation_idx ON message(conversation_id, created_at) INCLUDE (state, id);
CREATE INDEX message_in_reply_to_idx ON message(in_reply_to) WHERE in_reply_to IS NOT NULL;
CREATE INDEX message_unanswered_idx ON message(conversation_id, created_at) WHERE state IN ('NEW', 'READ');
CREATE TRIGGER message_history_kept BEFORE UPDATE ON message
  FOR EACH ROW EXECUTE FUNCTION only_columns_may_change('state', 'handled_by', 'handled_at');
CREATE TRIGGER message_no_delete BEFORE DELETE ON message
  FOR EACH ROW EXECUTE FUNCTION forbid_delete();

-- Append-only: the database itself rejects UPDATE, DELETE and TRUNCATE.
CREATE TABLE audit_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_person_id uuid,
  action text NOT NULL,
  client_id uuid,
  outcome text NOT NULL,
  request_id text,
  detail jsonb,
  CONSTRAINT audit_event_outcome_valid CHECK (outcome IN ('ALLOWED', 'DENIED'))
);
CREATE INDEX audit_event_client_idx ON audit_event(client_id, at DESC);
CREATE INDEX audit_event_actor_idx ON audit_event(actor_person_id, at DESC);
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'audit_event_append_only';
END $$;
CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
  }
}
