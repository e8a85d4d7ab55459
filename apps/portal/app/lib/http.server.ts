import http from 'node:http';
import https from 'node:https';

/** The longest a call to the API may take, from the call to the last byte of its answer. */
const TIMEOUT_MS = 10_000;

/**
 * Connections to the API are kept open between pages (every page makes one or two calls). An idle
 * one is closed after 4 s, before the API's own 5 s (HTTP_KEEP_ALIVE_TIMEOUT_MS), so the portal
 * seldom takes a connection the API is closing. At most 64 at once per process and API address.
 */
const agentOptions = { keepAlive: true, maxSockets: 64, timeout: 4_000 };
const clients = {
  'http:': { request: http.request, agent: new http.Agent(agentOptions) },
  'https:': { request: https.request, agent: new https.Agent(agentOptions) },
};

export interface PostOptions {
  /** Safe to send twice (a query, or a send with an idempotency key): then a call that met a
   * closing kept connection before any answer is sent once more. */
  idempotent: boolean;
  timeoutMs?: number;
}

interface Answer {
  status: number;
  text: string;
}

interface Call {
  target: URL;
  client: (typeof clients)[keyof typeof clients];
  authorization: string;
  json: string;
  timeoutMs: number;
  deadline: number;
}

/**
 * A JSON POST with node:http rather than fetch: it is the portal's busiest path, and fetch's web
 * streams, headers and abort signal cost more CPU per call than the rest of the call (measured in
 * the benchmark).
 */
export function postJson(url: string, authorization: string, json: string, options: PostOptions): Promise<Answer> {
  const target = new URL(url);
  const client = clients[target.protocol as keyof typeof clients];
  if (!client) return Promise.reject(new Error(`unsupported protocol ${target.protocol}`));
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const call = { target, client, authorization, json, timeoutMs, deadline: Date.now() + timeoutMs };
  return send(call, options.idempotent ? 'may retry' : 'once');
}

function send(call: Call, attempt: 'may retry' | 'once' | 'retry'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    let ended = false;
    /** The call ends once, whatever comes first: the answer, an error, the deadline or a retry. */
    const end = (outcome: () => void) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      outcome();
    };
    const req = call.client.request(
      call.target,
      {
        method: 'POST',
        // The retry takes a new connection, not another kept one that may be closing too.
        agent: attempt === 'retry' ? false : call.client.agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(call.json),
          authorization: call.authorization,
        },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          end(() => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') })),
        );
        // An answer cut short: without this listener the call would never end.
        res.on('error', (error) => end(() => reject(error)));
      },
    );
    // One deadline for the whole call (waiting for a connection, connecting, a slow answer).
    const timer = setTimeout(
      () => req.destroy(new Error(`no answer in ${call.timeoutMs} ms`)),
      Math.max(0, call.deadline - Date.now()),
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      // A kept connection the API closed just as it was taken: nothing was answered, and the call
      // may be sent again. Node's advice (`reusedSocket`).
      const retry = attempt === 'may retry' && !answered && req.reusedSocket && error.code === 'ECONNRESET';
      end(() => (retry ? resolve(send(call, 'retry')) : reject(error)));
    });
    req.end(call.json);
  });
}
