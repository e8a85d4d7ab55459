import { Migration } from '@mikro-orm/migrations';

/**
 * Request counters for the API's rate limit, one row per key (a person or a client address) and
 * fixed window, shared by every API process. UNLOGGED: a counter is worth nothing after a crash
 * (the limit just starts afresh) and is written on every request, so it skips the WAL; it is also
 * not copied to replicas, which never serve the API's writes.
 */
export class Migration20261201001000_request_rate extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE UNLOGGED TABLE request_rate (
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (key, window_start)
);
-- The sweep of old windows.
CREATE INDEX request_rate_window ON request_rate (window_start);
-- Default privileges give the API role no DELETE; the sweep needs it here only.
GRANT DELETE ON request_rate TO spindeln_api;
`);
  }

  override async down(): Promise<void> {
    this.addSql('DROP TABLE request_rate;');
  }
}
