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

/** A local server; `handle` gets each request and how many came before it on the same connection. */
async function serve(handle: (req: http.IncomingMessage, res: http.ServerResponse, onConnection: number) => void) {
  const counts = new WeakMap<object, number>();
  server = http.createServer((req, res) => {
    const n = counts.get(req.socket) ?? 0;
    counts.set(req.socket, n + 1);
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      (req as { body?: string }).body = body;
      handle(req, res, n);
    });
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

describe('postJson, the portal’s calls to the API', () => {
  it('sends the JSON and the authorization, reads status and body, and keeps the connection', async () => {
    const seen: { auth?: string; type?: string; body?: string; onConnection: number }[] = [];
    const url = await serve((req, res, n) => {
      seen.push({
        auth: req.headers.authorization,
        type: req.headers['content-type'],
        body: (req as { body?: string }).body,
        onConnection: n,
      });
      res.writeHead(n === 0 ? 200 : 400, { 'content-type': 'application/json' }).end('{"data":{"å":1}}');
    });
    const first = await postJson(url, 'Bearer t', '{"query":"{ x }"}');
    const second = await postJson(url, 'Bearer t', '{"query":"{ y }"}');
    expect(first).toEqual({ status: 200, text: '{"data":{"å":1}}' });
    expect(second.status).toBe(400);
    expect(seen).toEqual([
      { auth: 'Bearer t', type: 'application/json', body: '{"query":"{ x }"}', onConnection: 0 },
      { auth: 'Bearer t', type: 'application/json', body: '{"query":"{ y }"}', onConnection: 1 },
    ]);
  });

  it('sends once more on a new connection when a kept one is closed under it', async () => {
    let requests = 0;
    const url = await serve((req, res, n) => {
      requests++;
      if (n > 0) req.socket.destroy();
      else res.end('{"data":{}}');
    });
    await postJson(url, 'Bearer t', '{}');
    await expect(postJson(url, 'Bearer t', '{}')).resolves.toEqual({ status: 200, text: '{"data":{}}' });
    expect(requests).toBe(3);
  });

  it('does not send again on a new connection, and gives up after the timeout', async () => {
    let requests = 0;
    const url = await serve((req) => {
      requests++;
      req.socket.destroy();
    });
    await expect(postJson(url, 'Bearer t', '{}')).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(requests).toBe(1);
    server?.removeAllListeners('request');
    server?.on('request', () => {});
    await expect(postJson(url, 'Bearer t', '{}', 200)).rejects.toThrow('no answer in 200 ms');
  });

  it('refuses a protocol other than http and https', async () => {
    await expect(postJson('ftp://127.0.0.1/graphql', 'Bearer t', '{}')).rejects.toThrow('unsupported protocol');
  });
});
