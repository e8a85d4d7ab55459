import { Migration } from '@mikro-orm/migrations';

/**
 * The API's rights (docs/decisions/0006-database-roles.md). Migrations run as the owner role, which
 * owns every table; the API logs in as `spindeln_api` (or a role that is a member of it), which
 * owns nothing, may not create anything, and gets only SELECT, INSERT and UPDATE on the tables,
 * INSERT and SELECT alone on the audit log. Tables later migrations add get the same ordinary
 * rights by default privileges, so no migration needs to write GRANTs for them.
 */
export class Migration20261201000000_roles extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spindeln_api') THEN
    RAISE EXCEPTION 'the role spindeln_api must exist before migrating (see docs/decisions/0006-database-roles.md)';
  END IF;
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    RAISE EXCEPTION 'migrations run as the owner role, not as a superuser (see docs/decisions/0006-database-roles.md)';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tableowner <> current_user) THEN
    RAISE EXCEPTION 'tables in public are owned by another role than %: migrate as their owner', current_user;
  END IF;
  IF pg_has_role('spindeln_api', current_user, 'MEMBER') THEN
    RAISE EXCEPTION 'spindeln_api must not be a member of the owner role %', current_user;
  END IF;
END $$;

-- Nobody but the owner creates objects in the schema (PUBLIC could before PostgreSQL 15).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO spindeln_api;

-- Ordinary rights: read, add and change rows. The API deletes nothing, and TRUNCATE, REFERENCES
-- and TRIGGER are not given; history tables refuse DELETE by trigger besides.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM spindeln_api;
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO spindeln_api;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO spindeln_api;
ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE ON TABLES TO spindeln_api;
ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO spindeln_api;

-- The audit log: appended to and read, never changed.
REVOKE ALL ON audit_event FROM spindeln_api;
GRANT SELECT, INSERT ON audit_event TO spindeln_api;
-- The API reads which migrations ran (health); only the owner records them.
REVOKE ALL ON mikro_orm_migrations FROM spindeln_api;
GRANT SELECT ON mikro_orm_migrations TO spindeln_api;
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
ALTER DEFAULT PRIVILEGES REVOKE ALL ON TABLES FROM spindeln_api;
ALTER DEFAULT PRIVILEGES REVOKE ALL ON SEQUENCES FROM spindeln_api;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM spindeln_api;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM spindeln_api;
`);
  }
}
