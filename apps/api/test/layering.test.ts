import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config/env';

const run = promisify(execFile);
const CRUISER = path.join(REPO_ROOT, 'node_modules/.bin/depcruise');
const CONFIG = path.join(REPO_ROOT, '.dependency-cruiser.cjs');
const TARGETS = ['apps', 'packages'];

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/** Runs the repo's own cruiser config over a folder, as `npm run lint:deps` does. */
async function cruise(cwd: string, targets: string[], json: boolean): Promise<{ code: number; stdout: string }> {
  const args = ['--config', CONFIG, ...(json ? ['--output-type', 'json'] : []), ...targets];
  try {
    return { code: 0, ...(await run(CRUISER, args, { cwd })) };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

// One bad import per rule, plus imports the layering allows, in a throwaway tree shaped like the repo.
const FIXTURE: Record<string, string> = {
  'apps/api/src/server.ts': 'export const app = 1;\n',
  'apps/api/src/config/env.ts': 'export const port = 1;\n',
  'apps/api/src/shared/time.ts': "import { port } from '../config/env';\nexport const t = port;\n",
  'apps/api/src/db/sql.ts':
    "import { port } from '../config/env';\nimport { t } from '../shared/time';\nexport const q = port + t;\n",
  'apps/api/src/db/seeded.ts': "import { thing } from '../modules/clients/thing';\nexport const s = thing;\n",
  'apps/api/src/kit/gate.ts': "import { thing } from '../modules/clients/thing';\nexport const g = thing;\n",
  'apps/api/src/kit/ok.ts': "import { t } from '../shared/time';\nexport const k = t;\n",
  'apps/api/src/modules/clients/thing.ts': "import { app } from '../../server';\nexport const thing = app;\n",
  'apps/api/src/modules/a/a.ts': "import type { B } from '../b/b';\nexport type A = { b?: B };\n",
  'apps/api/src/modules/b/b.ts': "import type { A } from '../a/a';\nexport type B = { a?: A };\n",
  'apps/portal/app/x.ts': "import { app } from '../../api/src/server';\nexport const x = app;\n",
  'packages/p/src/index.ts': "import { app } from '../../../apps/api/src/server';\nexport const p = app;\n",
};

// `npm run lint:deps` (in `npm test`) runs the same config over the repository itself.
describe('layering (dependency-cruiser, .dependency-cruiser.cjs)', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses each kind of bad import, and only those', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'layering-'));
    for (const [file, text] of Object.entries(FIXTURE)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    // The JSON report names each violation; the default report (the one `lint:deps` uses) sets the exit code.
    const [report, plain] = await Promise.all([cruise(dir, TARGETS, true), cruise(dir, TARGETS, false)]);
    const violations: Violation[] = JSON.parse(report.stdout).summary.violations;
    const found = violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    console.log(`layering fixture: ${found.length} violations\n  ${found.join('\n  ')}`);
    expect(found).toEqual(
      [
        'apps-are-separate: apps/portal/app/x.ts → apps/api/src/server.ts',
        'db-is-a-leaf: apps/api/src/db/seeded.ts → apps/api/src/modules/clients/thing.ts',
        'kit-is-a-kit: apps/api/src/kit/gate.ts → apps/api/src/modules/clients/thing.ts',
        'modules-know-no-wiring: apps/api/src/modules/clients/thing.ts → apps/api/src/server.ts',
        'no-circular: apps/api/src/modules/a/a.ts → apps/api/src/modules/b/b.ts',
        'packages-know-no-app: packages/p/src/index.ts → apps/api/src/server.ts',
        'shared-is-a-leaf: apps/api/src/shared/time.ts → apps/api/src/config/env.ts',
      ].sort(),
    );
    expect(plain.code).toBe(found.length);
  });
});
