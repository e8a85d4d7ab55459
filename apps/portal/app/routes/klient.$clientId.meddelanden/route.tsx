import { randomUUID } from 'node:crypto';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import {
  Csrf,
  ErrorSummary,
  errorFor,
  type FormFailure,
  Notice,
  Submit,
  TextArea,
  YesBox,
} from '../../components/forms';
import { NothingToShow, NotShared } from '../../components/not-shared';
import type { HandlingState } from '../../graphql/generated/graphql';
import { sees } from '../../lib/access';
import { callApi } from '../../lib/api.server';
import { requireForm, requireLogin } from '../../lib/guard.server';
import { formatDateTime, type Translate } from '../../lib/i18n';
import { fullName } from '../../lib/present';
import { sessions } from '../../lib/session.server';
import { useRoot, useT } from '../../lib/use-root';
import { Messages_Conversation, Messages_Mark, Messages_Send } from './operations.server';

export const MAX_MESSAGE_LENGTH = 4000;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, t, session } = await requireLogin(request, context);
  const clientId = params.clientId ?? '';
  const client = (await callApi(user, Messages_Conversation, { id: clientId })).data.client;
  const url = new URL(request.url);
  // Unread marks for the person: replies newer than their last visit to this conversation.
  const seen = session.get('seen') ?? {};
  const lastSeen = seen[clientId] ?? null;
  const headers = new Headers();
  if (client) {
    session.set('seen', { ...seen, [clientId]: new Date().toISOString() });
    headers.append('set-cookie', await sessions().commitSession(session));
  }
  return data(
    {
      pageTitle: client ? t('messages.title', fullName(client, t)) : t('client.notFound'),
      client,
      lastSeen,
      // A new key for every form shown: a second click or a reload of the POST sends the same key.
      idempotencyKey: randomUUID(),
      sent: url.searchParams.get('skickat'),
    },
    { headers },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, form, t } = await requireForm(request, context);
  const clientId = params.clientId ?? '';
  const intent = String(form.get('intent') ?? 'send');
  if (intent === 'mark') {
    await callApi(user, Messages_Mark, {
      input: { messageId: String(form.get('messageId') ?? ''), state: 'ANSWERED' },
    });
    return redirect(`/klient/${clientId}/meddelanden?skickat=klart`);
  }
  const body = String(form.get('body') ?? '');
  const idempotencyKey = String(form.get('idempotencyKey') ?? '');
  const isPrivate = form.get('private') === 'yes';
  const inReplyTo = String(form.get('inReplyTo') ?? '') || null;
  const values = { body, private: isPrivate ? ['yes'] : [], idempotencyKey };
  const fail = (message: string): FormFailure => ({ errors: [{ field: 'body', message }], values });
  if (!body.trim()) return fail(t('messages.error.required'));
  if (body.length > MAX_MESSAGE_LENGTH) return fail(t('messages.error.tooLong'));
  const sent = await callApi(user, Messages_Send, {
    input: { clientId, body, idempotencyKey, private: isPrivate || null, inReplyTo },
  });
  const error = sent.data.sendMessage.error;
  // Two posts of one form at the same moment: the other one stored it (the key is unique per author).
  const alreadyStored = error?.rule === 'message_idempotency_key_unique';
  if (error && !alreadyStored) {
    return fail(
      error.code === 'RATE_LIMITED'
        ? t('messages.error.rate')
        : error.field === 'body' && error.rule.includes('long')
          ? t('messages.error.tooLong')
          : t('messages.error.other'),
    );
  }
  return redirect(`/klient/${clientId}/meddelanden?skickat=${inReplyTo ? 'svar' : 'ja'}`);
}

/** Staff see how a message was handled; its writer sees whether it has been answered. */
function handlingLabel(state: HandlingState, staff: boolean, t: Translate): string {
  if (staff) return t(`messages.state.${state}`);
  return state === 'ANSWERED' ? t('messages.state.ANSWERED') : t('messages.waiting');
}

export default function Messages() {
  const { client, lastSeen, idempotencyKey, sent } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const t = useT();
  const { lang } = useRoot();
  if (!client) return <NothingToShow />;
  const can = sees(client.myAccess);
  const name = client.givenName ?? fullName(client, t);
  const messages = client.conversation?.edges.map((e) => e.node) ?? [];
  const replyTo = can.staff ? messages.find((m) => m.authorRole !== 'STAFF' && m.state !== 'ANSWERED')?.id : undefined;
  const values = failure?.values;
  return (
    <>
      <ErrorSummary errors={failure?.errors} />
      {sent === 'ja' ? <Notice>{t('messages.sent')}</Notice> : null}
      {sent === 'svar' ? <Notice>{t('messages.replySent')}</Notice> : null}
      {sent === 'klart' ? <Notice>{t('messages.marked')}</Notice> : null}
      <h1 tabIndex={-1}>{t('messages.heading')}</h1>
      <p className="lead">{t('messages.about', fullName(client, t))}</p>
      <p className="urgent">
        <strong>{t('footer.emergency')}</strong> {t('contact.replyTime')}
      </p>
      {can.write ? (
        <form method="post" className="message-form" noValidate>
          <Csrf />
          <input type="hidden" name="idempotencyKey" value={String(values?.idempotencyKey ?? idempotencyKey)} />
          {replyTo ? <input type="hidden" name="inReplyTo" value={replyTo} /> : null}
          <h2>{can.staff ? t('messages.reply') : t('messages.write')}</h2>
          <TextArea
            id="body"
            label={t('messages.body')}
            hint={t('messages.bodyHint')}
            error={errorFor(failure?.errors, 'body')}
            defaultValue={typeof values?.body === 'string' ? values.body : ''}
          />
          {can.self ? (
            <YesBox
              id="private"
              label={t('messages.private')}
              choiceLabel={t('messages.privateLabel')}
              checked={Array.isArray(values?.private) ? values.private : []}
            />
          ) : null}
          <Submit name="intent" value="send">
            {t('messages.send')}
          </Submit>
        </form>
      ) : (
        <NotShared>{t('client.sendNotShared', name)}</NotShared>
      )}
      <h2>{t('messages.heading')}</h2>
      {client.conversation ? (
        messages.length ? (
          <ol className="conversation" reversed>
            {messages.map((m) => {
              const unread = can.staff
                ? m.state === 'NEW'
                : m.authorRole === 'STAFF' && Boolean(m.sentAt && (!lastSeen || m.sentAt > lastSeen));
              return (
                <li
                  key={m.id}
                  className={`message${m.authorRole === 'STAFF' ? ' message--staff' : ''}${unread ? ' message--unread' : ''}`}
                >
                  <p className="message__meta">
                    {unread ? <span className="tag">{t('messages.new')}</span> : null}
                    {m.private ? <span className="tag">{t('messages.private')}</span> : null}
                    <strong>{m.authorName ?? (m.authorRole ? t(`role.${m.authorRole}`) : '')}</strong>
                    {m.authorRole ? ` (${t(`role.${m.authorRole}`)})` : ''}
                    {m.sentAt ? `, ${formatDateTime(m.sentAt, lang)}` : ''}
                    {m.state ? ` · ${handlingLabel(m.state, can.staff, t)}` : ''}
                  </p>
                  <p className="message__body">{m.body}</p>
                  {can.staff && m.state && m.state !== 'ANSWERED' ? (
                    <form method="post">
                      <Csrf />
                      <input type="hidden" name="messageId" value={m.id} />
                      <button type="submit" className="button button--secondary" name="intent" value="mark">
                        {t('messages.markHandled')}
                      </button>
                    </form>
                  ) : null}
                </li>
              );
            })}
          </ol>
        ) : (
          <p>{t('messages.empty')}</p>
        )
      ) : (
        <NotShared>{t('client.messagesNotShared', name)}</NotShared>
      )}
    </>
  );
}
