import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { callApi } from '../../lib/api.server';
import { requireLogin } from '../../lib/guard.server';
import { formatDateTime, type Translate } from '../../lib/i18n';
import { fullName } from '../../lib/present';
import { useRoot, useT } from '../../lib/use-root';
import { isOverdue } from '../../lib/working-day.server';
import { Inbox_Items } from './operations.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, t } = await requireLogin(request, context);
  const { data } = await callApi(user, Inbox_Items);
  if (!data.viewer?.isStaff || !data.viewer.inbox) throw redirect('/oversikt');
  const now = new Date();
  const items = data.viewer.inbox.edges.map(({ node }) => ({
    ...node,
    overdue: Boolean(node.unanswered && node.waitingSince && isOverdue(new Date(node.waitingSince), now)),
  }));
  // Overdue first (longest wait first), then unanswered with the newest message first, then the rest.
  const rank = (i: (typeof items)[number]) => (i.overdue ? 0 : i.unanswered ? 1 : 2);
  items.sort((a, b) => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (rank(a) === 0) return String(a.waitingSince).localeCompare(String(b.waitingSince));
    return String(b.lastMessageAt).localeCompare(String(a.lastMessageAt));
  });
  // The clients the staff member is contact or deputy for today, not every client of the team.
  const clients = data.viewer.clients.edges
    .map((e) => e.node)
    .filter((c) => c.myAccess?.relations.includes('ASSIGNED'));
  return { pageTitle: t('inbox.title'), items, clients };
}

function age(minutes: number, t: Translate): string {
  if (minutes < 60) return t('age.minutes', minutes);
  if (minutes < 48 * 60) return t('age.hours', Math.floor(minutes / 60));
  return t('age.days', Math.floor(minutes / 1440));
}

export default function Inbox() {
  const { items, clients } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = useRoot();
  return (
    <>
      <h1 tabIndex={-1}>{t('inbox.heading')}</h1>
      <p>{t('inbox.intro')}</p>
      {items.length === 0 ? <p>{t('inbox.empty')}</p> : null}
      <ol className="conversation inbox">
        {items.map((item) => {
          const name = fullName(item.client, t);
          return (
            <li
              key={item.client?.id ?? item.lastMessageAt}
              className={`message${item.unanswered ? ' message--unread' : ''}`}
            >
              <h2 className="card__title">
                <a href={`/klient/${item.client?.id}/meddelanden`}>{name}</a>
              </h2>
              <p className="message__meta">
                {item.overdue ? <span className="tag tag--overdue">{t('inbox.overdue')}</span> : null}
                {item.unanswered ? (
                  <span className="tag">{t('inbox.unanswered', item.unanswered)}</span>
                ) : (
                  <span>{t('inbox.answered')}</span>
                )}
                {item.unanswered && item.waitingMinutes != null
                  ? ` ${t('inbox.waited', age(item.waitingMinutes, t))}`
                  : ''}
                {item.lastMessageAt ? ` · ${formatDateTime(item.lastMessageAt, lang)}` : ''}
              </p>
              {item.lastMessage ? (
                <p className="message__body">
                  {item.lastMessage.private ? <span className="tag">{t('messages.private')}</span> : null}
                  <strong>{item.lastMessage.authorName}:</strong> {item.lastMessage.body}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <h2>{t('inbox.myClients')}</h2>
      <ul>
        {clients.map((c) => (
          <li key={c.id}>
            <a href={`/klient/${c.id}`}>{fullName(c, t)}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
