import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createTokenVerifier,
  generateSigningKey,
  keysFromPublicJwks,
  mintAccessToken,
  type SigningKey,
} from '@spindeln/api-token';
import type { RateLimitConfig } from '../../src/graphql/rate-limit';
import { createApi, type HttpTimeouts } from '../../src/server';
import type { Logger } from '../../src/shared/log';

/** Suites send many requests as one person from one address: the limit is tested on its own. */
export const TEST_RATE_LIMIT: RateLimitConfig = { windowSeconds: 10, perPerson: 1_000_000, perAddress: 1_000_000 };

export const ISSUER = 'spindeln-test';
export const AUDIENCE = 'spindeln-api';

let key: Promise<SigningKey> | undefined;
/** One signing key per test file, like the portal's key in production. */
export const testKey = () => {
  key ??= generateSigningKey('test-key');
  return key;
};

export async function tokenFor(
  personnummer: string,
  options: { lifetime?: number; issuedAt?: number; givenName?: string; familyName?: string } = {},
) {
  return mintAccessToken((await testKey()).privateJwk, {
    issuer: ISSUER,
    audience: AUDIENCE,
    personnummer,
    ...options,
  });
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[] | undefined;
  headers: Headers;
  raw: string;
}

/** The real API over real HTTP, on the test's database. */
export async function startApi(
  orm: MikroORM,
  options: {
    production?: boolean;
    rateLimit?: RateLimitConfig;
    http?: HttpTimeouts;
    healthTimeoutMs?: number;
    logger?: Logger;
  } = {},
) {
  const signing = await testKey();
  const api = await createApi({
    orm,
    embedded: true,
    verifier: createTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      keys: keysFromPublicJwks({ keys: [signing.publicJwk] }),
    }),
    production: options.production ?? false,
    reportSqlStatements: true,
    rateLimit: options.rateLimit ?? TEST_RATE_LIMIT,
    http: options.http,
    healthTimeoutMs: options.healthTimeoutMs,
    logger: options.logger,
  });
  const server = await api.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function post(body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse> {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const raw = await res.text();
    let parsed: { data?: unknown; errors?: GraphQLResponse['errors'] } = {};
    try {
      parsed = JSON.parse(raw);
    } catch {}
    return {
      status: res.status,
      data: parsed.data as Record<string, unknown> | null,
      errors: parsed.errors,
      headers: res.headers,
      raw,
    };
  }

  return {
    url,
    post,
    /** A GraphQL request as a person (by personnummer), with a freshly minted token, or anonymous. */
    async gql<T = Record<string, unknown>>(
      query: string,
      variables: Record<string, unknown> = {},
      as?: string | { token: string },
    ): Promise<GraphQLResponse<T>> {
      const headers: Record<string, string> = {};
      if (as) headers.authorization = `Bearer ${typeof as === 'string' ? await tokenFor(as) : as.token}`;
      return post({ query, variables }, headers) as Promise<GraphQLResponse<T>>;
    },
    stop: () => api.stop(),
  };
}

export type TestApi = Awaited<ReturnType<typeof startApi>>;
