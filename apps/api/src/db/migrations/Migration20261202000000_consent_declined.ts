import { Migration } from '@mikro-orm/migrations';

/**
 * A relative may decline a consent that waits for their acceptance (issue 10). A declined consent
 * ends like a revoked one (ended_at, ended_by = the relative, end_reason) so it stops waiting, the
 * client sees it in the history and may grant again; it is never deleted. Only a consent the relative
 * has not accepted can end as DECLINED.
 */
export class Migration20261202000000_consent_declined extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
ALTER TABLE consent DROP CONSTRAINT consent_end_valid;
ALTER TABLE consent ADD CONSTRAINT consent_end_valid CHECK ((ended_at IS NULL) = (end_reason IS NULL)
  AND (end_reason IS NULL OR end_reason IN ('REVOKED', 'CHANGED', 'DECLINED')));
ALTER TABLE consent ADD CONSTRAINT consent_declined_unaccepted CHECK (end_reason IS DISTINCT FROM 'DECLINED'
  OR relative_accepted_at IS NULL);
`);
  }
}
