import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postJson } from '../app/lib/http.server';

let server: http.Server | undefined;
afterEach(async () => {
  const s = server;
  server = undefined;
  if (!s) return;
  s.closeAllConnections();
  await new Promise((r) => s.close(r));
});

/** A local server; `handle` gets each request, its body and how many came before it on its connection. */
async function serve(
  handle: (req: http.IncomingMessage, res: http.ServerResponse, body: string, onConnection: number) => void,
) {
  const counts = new WeakMap<object, number>();
  server = http.createServer((req, res) => {
    const n = counts.get(req.socket) ?? 0;
    counts.set(req.socket, n + 1);
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => handle(req, res, body, n));
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

const query = { idempotent: true };
const mutation = { idempotent: false };

describe('postJson, the portal’s calls to the API', () => {
  it('sends the JSON and the authorization, reads status and body, and keeps the connection', async () => {
    const seen: { auth?: string; type?: string; body: string; onConnection: number }[] = [];
    const url = await serve((req, res, body, n) => {
      seen.push({ auth: req.headers.authorization, type: req.headers['content-type'], body, onConnection: n });
      res.writeHead(n === 0 ? 200 : 400, { 'content-type': 'application/json' }).end('{"data":{"å":1}}');
    });
    const first = await postJson(url, 'Bearer t', '{"query":"{ x }"}', query);
    const second = await postJson(url, 'Bearer t', '{"query":"{ y }"}', query);
    expect(first).toEqual({ status: 200, text: '{"data":{"å":1}}' });
    expect(second.status).toBe(400);
    expect(seen).toEqual([
      { auth: 'Bearer t', type: 'application/json', body: '{"query":"{ x }"}', onConnection: 0 },
      { auth: 'Bearer t', type: 'application/json', body: '{"query":"{ y }"}', onConnection: 1 },
    ]);
  });

  it('sends a query once more, on a new connection, when a kept one is closed before any answer', async () => {
    const seen: number[] = [];
    const url = await serve((req, res, _body, n) => {
      seen.push(n);
      if (n > 0) req.socket.destroy();
      else res.end('{"data":{}}');
    });
    // Two kept connections, both closed at their next request: the retry must not take the other.
    await Promise.all([postJson(url, 'Bearer t', '{}', query), postJson(url, 'Bearer t', '{}', query)]);
    await expect(postJson(url, 'Bearer t', '{}', query)).resolves.toEqual({ status: 200, text: '{"data":{}}' });
    expect(seen).toEqual([0, 0, 1, 0]);
  });

  it('never sends a mutation twice, nor anything that had begun to be answered, nor more than twice', async () => {
    // Time for a second request to arrive, if one were sent.
    const settle = () => new Promise((r) => setTimeout(r, 100));
    let requests = 0;
    let mode: 'close' | 'half' | 'always' = 'close';
    const url = await serve((req, res, _body, n) => {
      requests++;
      if (n === 0 && mode !== 'always') return res.end('{"data":{}}');
      if (mode === 'half') {
        res.writeHead(200, { 'content-length': '100' });
        res.write('{"data":');
        setTimeout(() => req.socket.resetAndDestroy(), 20);
      } else req.socket.destroy();
    });
    await postJson(url, 'Bearer t', '{}', mutation);
    requests = 0;
    await expect(postJson(url, 'Bearer t', '{}', mutation)).rejects.toMatchObject({ code: 'ECONNRESET' });
    await settle();
    expect(requests).toBe(1);

    mode = 'half';
    await postJson(url, 'Bearer t', '{}', query);
    requests = 0;
    // An answer cut short by a reset ends the call with an error; it is not sent again.
    await expect(postJson(url, 'Bearer t', '{}', query)).rejects.toThrow();
    await settle();
    expect(requests).toBe(1);

    mode = 'close';
    await postJson(url, 'Bearer t', '{}', query);
    mode = 'always';
    requests = 0;
    // The kept connection, then one new one: both closed, and no third try.
    await expect(postJson(url, 'Bearer t', '{}', query)).rejects.toMatchObject({ code: 'ECONNRESET' });
    await settle();
    expect(requests).toBe(2);
  });

  it('gives up at the deadline, an answer that trickles in included', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      const drip = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(drip));
    });
    const started = Date.now();
    await expect(postJson(url, 'Bearer t', '{}', { ...query, timeoutMs: 200 })).rejects.toThrow('no answer in 200 ms');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('refuses a protocol other than http and https', async () => {
    await expect(postJson('ftp://127.0.0.1/graphql', 'Bearer t', '{}', query)).rejects.toThrow('unsupported protocol');
  });
});
