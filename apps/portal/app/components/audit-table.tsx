import type { AuditOutcome } from '../graphql/generated/graphql';
import { formatDateTime } from '../lib/i18n';
import { auditActionLabel } from '../lib/present';
import { useRoot, useT } from '../lib/use-root';

export interface AuditRow {
  id: string;
  action: string;
  actorName: string | null;
  actorIsStaff: boolean;
  at: string;
  outcome: AuditOutcome;
}

/** Who looked or changed, when, what; a denied attempt says so in words. */
export function AuditTable({ rows, caption }: { rows: AuditRow[]; caption: string }) {
  const t = useT();
  const { lang } = useRoot();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that may scroll sideways must be reachable by keyboard
    <section className="table-wrap" tabIndex={0} aria-label={caption}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('consents.logWhen')}</th>
            <th scope="col">{t('consents.logWho')}</th>
            <th scope="col">{t('consents.logWhat')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatDateTime(r.at, lang)}</td>
              <td>
                {r.actorName ?? t('consents.someone')}
                {r.actorIsStaff ? ` (${t('consents.logStaff')})` : ''}
              </td>
              <td>
                {auditActionLabel(r.action, t)}
                {r.outcome === 'DENIED' ? (
                  <>
                    {' '}
                    <span className="tag tag--overdue">{t('coord.outcome.DENIED')}</span>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
