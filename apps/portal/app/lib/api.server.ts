import type { AsyncLocalStorage } from 'node:async_hooks';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { apiToken } from './auth.server';
import { env } from './env.server';
import { postJson } from './http.server';
import type { SessionData } from './session.server';

export interface ApiResult<T> {
  data: T;
  /** Paths the API refused (a consent the viewer lacks): shown as "not shared", never as an error. */
  forbidden: string[];
}

export class ApiUnavailable extends Error {
  override name = 'ApiUnavailable';
}

/** Each operation's text, and whether it only reads, worked out once per document. */
const prepared = new WeakMap<object, { text: string; readOnly: boolean }>();
const prepare = (document: TypedDocumentNode<unknown, never>) => {
  let known = prepared.get(document);
  if (!known) {
    known = {
      text: print(document),
      readOnly: document.definitions.every((d) => d.kind !== 'OperationDefinition' || d.operation === 'query'),
    };
    prepared.set(document, known);
  }
  return known;
};

/** This request's wait for the API, kept by server.ts when PORTAL_SERVER_TIMING=true (the benchmark). */
export interface ApiWait {
  ms: number;
  calls: number;
}
const apiWait = () =>
  (globalThis as { [key: symbol]: AsyncLocalStorage<ApiWait> | undefined })[Symbol.for('spindeln.portal.apiWait')];

/**
 * The portal's one way to the API: a typed operation over HTTP with a fresh token for the person in
 * the session. Denied fields come back null with FORBIDDEN at their path; anything else is an error.
 */
export async function callApi<T, V extends Record<string, unknown>>(
  login: Pick<SessionData, 'personnummer' | 'givenName' | 'familyName'>,
  document: TypedDocumentNode<T, V>,
  // Variables may be left out when none is required.
  ...[variables]: Record<string, never> extends V ? [V?] : [V]
): Promise<ApiResult<T>> {
  const { text: query, readOnly } = prepare(document);
  const authorization = `Bearer ${await apiToken(login)}`;
  const started = performance.now();
  let res: { status: number; text: string };
  try {
    res = await postJson(
      `${env().apiUrl}/graphql`,
      authorization,
      JSON.stringify({ query, variables: variables ?? {} }),
      // A query may be sent twice; a mutation only when it carries an idempotency key (a message).
      {
        idempotent: readOnly || typeof (variables?.input as { idempotencyKey?: unknown })?.idempotencyKey === 'string',
      },
    );
  } catch (error) {
    throw new ApiUnavailable(`the API did not answer: ${(error as Error).message}`);
  }
  let body: {
    data?: T | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
  } | null = null;
  try {
    body = JSON.parse(res.text);
  } catch {}
  const wait = apiWait()?.getStore();
  if (wait) {
    wait.ms += performance.now() - started;
    wait.calls++;
  }
  const errors = body?.errors ?? [];
  const other = errors.filter((e) => e.extensions?.code !== 'FORBIDDEN');
  if (res.status !== 200 || !body?.data || other.length) {
    throw new ApiUnavailable(`the API answered ${res.status}: ${other.map((e) => e.message).join('; ')}`);
  }
  return {
    data: body.data,
    forbidden: errors.filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => (e.path ?? []).join('.')),
  };
}
