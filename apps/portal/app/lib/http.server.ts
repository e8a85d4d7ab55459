import http from 'node:http';
import https from 'node:https';

/** The longest a call to the API may take, from the call to the last byte of its answer. */
export const TIMEOUT_MS = 10_000;

/**
 * Connections to the API are kept open between pages (every page makes one or two calls). An idle
 * one is closed after 4 s, before the API's own 5 s (HTTP_KEEP_ALIVE_TIMEOUT_MS), so the portal
 * seldom takes a connection the API is closing. At most 64 at once per process and API address.
 */
const agentOptions = { keepAlive: true, maxSockets: 64, timeout: 4_000 };
const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };

export interface PostOptions {
  /** Safe to send twice (a query, or a send with an idempotency key): then a call that met a
   * closing kept connection before any answer is sent once more. */
  idempotent: boolean;
  timeoutMs?: number;
}

/**
 * A JSON POST with node:http rather than fetch: it is the portal's busiest path, and fetch's web
 * streams, headers and abort signal cost more CPU per call than the rest of the call (measured in
 * the benchmark).
 */
export function postJson(
  url: string,
  authorization: string,
  json: string,
  options: PostOptions,
): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  const agent = agents[target.protocol as keyof typeof agents];
  if (!agent) return Promise.reject(new Error(`unsupported protocol ${target.protocol}`));
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  return send(
    target,
    agent,
    authorization,
    json,
    Date.now() + timeoutMs,
    timeoutMs,
    options.idempotent ? 'may retry' : 'once',
  );
}

function send(
  target: URL,
  agent: http.Agent,
  authorization: string,
  json: string,
  deadline: number,
  timeoutMs: number,
  attempt: 'may retry' | 'once' | 'retry',
): Promise<{ status: number; text: string }> {
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let answered = false;
    let settled = false;
    const settle = (error: Error | null, value?: { status: number; text: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(value!);
    };
    const req = client.request(
      target,
      {
        method: 'POST',
        // The retry takes a new connection, not another kept one that may be closing too.
        agent: attempt === 'retry' ? false : agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), authorization },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          settle(null, { status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        // An answer cut short: without this listener the call would never end.
        res.on('error', (error) => settle(error));
      },
    );
    // One deadline for the whole call (waiting for a connection, connecting, a slow answer).
    const timer = setTimeout(
      () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)),
      Math.max(0, deadline - Date.now()),
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      // A kept connection the API closed just as it was taken: nothing was answered, and the call
      // may be sent again. Node's advice (`reusedSocket`).
      if (attempt === 'may retry' && !answered && !settled && req.reusedSocket && error.code === 'ECONNRESET') {
        settled = true;
        clearTimeout(timer);
        resolve(send(target, agent, authorization, json, deadline, timeoutMs, 'retry'));
      } else settle(error);
    });
    req.end(json);
  });
}
