import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { countHits, deleteOldWindows } from './rate-limit.queries';

export interface RateLimitConfig {
  /** Length of the fixed window, in seconds. */
  windowSeconds: number;
  /** Requests per window for one person (by the verified login), whatever address they use. */
  perPerson: number;
  /** Requests per window from one client address, logged in or not. */
  perAddress: number;
}

/**
 * A fixed-window request counter in PostgreSQL, so every API process behind a load balancer shares
 * it: one atomic statement per request counts the request for each of its keys and reads the counts
 * back (INSERT … ON CONFLICT DO UPDATE locks each counter row, so parallel requests never both see
 * the last free slot). Keys are taken in sorted order, so two requests never wait on each other in
 * a cycle.
 */
export class RateLimiter {
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly orm: MikroORM,
    readonly config: RateLimitConfig,
  ) {}

  /** Counts one request; throws a 429 error with Retry-After when a limit is exceeded. */
  async admit(address: string, personnummer: string | null): Promise<void> {
    const keys = [`a:${address}`];
    // A digest, not the personnummer itself: the counters need only tell people apart.
    if (personnummer) keys.push(`p:${createHash('sha256').update(personnummer).digest('base64url').slice(0, 22)}`);
    keys.sort();
    const rows = await countHits(this.orm.em.fork(), keys, this.config.windowSeconds);
    let retryAfter = 0;
    for (const row of rows) {
      const limit = row.key.startsWith('p:') ? this.config.perPerson : this.config.perAddress;
      if (row.hits > limit) retryAfter = Math.max(retryAfter, row.retry_after);
    }
    if (retryAfter > 0) throw rateLimited(retryAfter);
  }

  /** Deletes finished windows now and then; any API process may do it. */
  startSweeping(everyMs = Math.max(this.config.windowSeconds * 5_000, 30_000)): void {
    this.sweeper = setInterval(() => {
      deleteOldWindows(this.orm.em.fork(), this.config.windowSeconds * 2).catch(() => undefined);
    }, everyMs);
    this.sweeper.unref();
  }

  stop(): void {
    clearInterval(this.sweeper);
  }
}

export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Too many requests; try again in ${retryAfterSeconds} s`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryable: true,
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}
