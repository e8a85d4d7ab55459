import { Writable } from 'node:stream';
import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import { NonceContext } from './lib/nonce';

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** This response's CSP nonce (set by the Express server). */
    nonce: string;
  }
}

export const streamTimeout = 5_000;

/**
 * Renders the whole page, then sends it in one piece with its length. The pages defer nothing, so
 * streaming would only cost: every chunk is a write to the socket, and a small page is ready at once.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.nonce;
  return new Promise<Response>((resolve, reject) => {
    let ready = false;
    const chunks: Buffer[] = [];
    const page = new Writable({
      // Nothing here needs 'close'; with it, React aborts the finished render and ends the stream
      // a second time, building an error for every page.
      emitClose: false,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        const body = Buffer.concat(chunks);
        responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
        responseHeaders.set('Content-Length', String(body.byteLength));
        resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
        clearTimeout(timeout);
        done();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          ready = true;
          pipe(page);
        },
        onShellError(error: unknown) {
          clearTimeout(timeout);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (ready) console.error(error);
        },
      },
    );
    page.on('error', (error) => {
      clearTimeout(timeout);
      reject(error);
    });
    const timeout = setTimeout(abort, streamTimeout + 1000).unref();
  });
}
