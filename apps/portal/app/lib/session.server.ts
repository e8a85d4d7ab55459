import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createCookie, createSessionStorage, redirect, type Session } from '@remix-run/node';
import { db } from './db.server';
import { env, type PortalEnv } from './env.server';

/** What the portal keeps about a login; the cookie holds only the signed session id. */
export interface SessionData {
  personnummer: string;
  givenName: string | null;
  familyName: string | null;
  /** The broker's ID token, kept only as the hint for logout there. */
  idToken: string;
  /** The per-session token every form carries. */
  csrf: string;
  /** For the menu only; every permission is the API's to decide. */
  isStaff: boolean;
  /** With isStaff: which list the overview asks for (staff who are not clients see their own). */
  isClient?: boolean;
  isCoordinator: boolean;
  /** When the person last opened each conversation (client id → ISO time), for unread marks. */
  seen?: Record<string, string>;
}

export type PortalSession = Session<SessionData>;

const newId = () => randomBytes(32).toString('base64url');

let storage: ReturnType<typeof makeStorage> | undefined;

/** Only the signed session id: HttpOnly, SameSite=Lax; in production Secure with a __Host- name (no Domain). */
export function sessionCookieFor(e: Pick<PortalEnv, 'production' | 'sessionSecret'>) {
  return createCookie(e.production ? '__Host-spindeln' : 'spindeln_session', {
    httpOnly: true,
    sameSite: 'lax',
    secure: e.production,
    path: '/',
    secrets: [e.sessionSecret],
  });
}

/**
 * Activity is written at most this often: a page view within it only reads. The idle limit is
 * checked against the last write plus this much, so a session never ends before the idle time has
 * passed since the last activity (it may last up to this much longer).
 */
const touchEverySeconds = (idleMs: number) => Math.min(15, idleMs / 80 / 1000);
const idleLimitSeconds = (idleMs: number) => idleMs / 1000 + touchEverySeconds(idleMs);

function makeStorage() {
  const e = env();
  const cookie = sessionCookieFor(e);
  return createSessionStorage<SessionData>({
    cookie,
    // Every login gets a new id (the caller destroys any old session first).
    async createData(data) {
      const id = newId();
      await db().query(
        `INSERT INTO portal_session (id, data, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`,
        [id, JSON.stringify(data), e.sessionMaxMs / 1000],
      );
      return id;
    },
    // Idle and absolute limits are checked here, so an expired id is as good as none. Reading a
    // live session is activity: the idle clock starts again, in the same statement.
    async readData(id) {
      const r = await db().query<{ data: SessionData }>({
        name: 'portal_session_read',
        text: `WITH live AS (
                 SELECT id, data, last_seen_at FROM portal_session
                  WHERE id = $1 AND expires_at > now() AND last_seen_at > now() - make_interval(secs => $2)
               ), touched AS (
                 UPDATE portal_session s SET last_seen_at = now() FROM live
                  WHERE s.id = live.id AND live.last_seen_at < now() - make_interval(secs => $3)
               )
               SELECT data FROM live`,
        values: [id, idleLimitSeconds(e.sessionIdleMs), touchEverySeconds(e.sessionIdleMs)],
      });
      if (!r.rows[0]) {
        await db().query('DELETE FROM portal_session WHERE id = $1', [id]);
        return null;
      }
      return r.rows[0].data;
    },
    async updateData(id, data) {
      await db().query('UPDATE portal_session SET data = $2 WHERE id = $1', [id, JSON.stringify(data)]);
    },
    async deleteData(id) {
      await db().query('DELETE FROM portal_session WHERE id = $1', [id]);
    },
  });
}

export function sessions() {
  storage ??= makeStorage();
  return storage;
}

const perRequest = new WeakMap<object, Promise<PortalSession>>();

/**
 * The browser's session, read once per request: the root's loader and the page's share the load
 * context, so they share one read (and an action and the loaders after it share one object).
 */
export function getSession(request: Request, context: object): Promise<PortalSession> {
  let session = perRequest.get(context);
  if (!session) {
    session = sessions().getSession(request.headers.get('cookie'));
    perRequest.set(context, session);
  }
  return session;
}

/** Ends the session, here and for the rest of this request. */
export async function endSession(session: PortalSession, context: object): Promise<string> {
  perRequest.delete(context);
  return sessions().destroySession(session);
}

/** Ends old sessions; run now and then. */
export async function sweepSessions(): Promise<void> {
  await db().query(
    `DELETE FROM portal_session WHERE expires_at < now() OR last_seen_at < now() - make_interval(secs => $1)`,
    [idleLimitSeconds(env().sessionIdleMs)],
  );
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

export function csrfMatches(expected: string | undefined, given: unknown): boolean {
  if (!expected || typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Starts a fresh session for a verified login, ending whatever session the browser had. */
export async function startSession(request: Request, context: object, data: Omit<SessionData, 'csrf'>, to: string) {
  const old = await getSession(request, context);
  const headers = new Headers();
  if (old.id) await endSession(old, context);
  const session = await sessions().getSession();
  for (const [k, v] of Object.entries({ ...data, csrf: newCsrfToken() }))
    session.set(k as keyof SessionData, v as never);
  headers.append('set-cookie', await sessions().commitSession(session));
  return redirect(to, { headers });
}
