import http from 'node:http';
import https from 'node:https';

/** How long a call to the API may take before it counts as not answered. */
export const TIMEOUT_MS = 10_000;

// Connections to the API are kept open between pages: every page makes one or two calls.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/**
 * A JSON POST with node:http rather than fetch: it is the portal's busiest path, and fetch's web
 * streams and headers cost more CPU per call than the rest of the call (measured in the benchmark).
 */
export function postJson(
  url: string,
  authorization: string,
  json: string,
  timeoutMs = TIMEOUT_MS,
  retry = true,
): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  const agent = agents[target.protocol as keyof typeof agents];
  if (!agent) return Promise.reject(new Error(`unsupported protocol ${target.protocol}`));
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), authorization },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The API may close an idle kept connection just as it is taken; Node's advice is to send
      // once more on a new one. Sends are safe to repeat: they carry an idempotency key.
      if (retry && req.reusedSocket && error.code === 'ECONNRESET')
        resolve(postJson(url, authorization, json, timeoutMs, false));
      else reject(error);
    });
    req.end(json);
  });
}
