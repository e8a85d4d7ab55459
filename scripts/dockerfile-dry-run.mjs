// Runs a Dockerfile's steps without Docker (none runs on the development machines or in CI): each
// stage in a folder of its own standing for its WORKDIR root, COPY from the repository (minus what
// .dockerignore leaves out) or from an earlier stage, RUN in a shell there with the stage's ENV.
// It uses the host's Node and npm, not the image's, so it proves the steps and the file lists, not
// the base image. Usage: node scripts/dockerfile-dry-run.mjs apps/api/Dockerfile [out-dir]
// Prints the folder of the last stage; run the image's CMD from there.
import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [dockerfile, outArg] = process.argv.slice(2);
if (!dockerfile) {
  console.error('usage: node scripts/dockerfile-dry-run.mjs <Dockerfile> [out-dir]');
  process.exit(2);
}
const out = outArg ? path.resolve(outArg) : mkdtempSync(path.join(tmpdir(), 'dockerfile-dry-run-'));

const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim().replace(/^\*\*\//, ''))
  .filter((l) => l && !l.startsWith('#'));
const keep = (source) =>
  !path
    .relative(ROOT, source)
    .split(path.sep)
    .some((part) => ignored.includes(part));

// Instructions, with continuation lines joined.
const lines = readFileSync(path.join(ROOT, dockerfile), 'utf8')
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

const stages = new Map();
let stage;
for (const line of lines) {
  const [instruction, ...rest] = line.split(/\s+/);
  const args = rest.join(' ');
  switch (instruction.toUpperCase()) {
    case 'FROM': {
      const name = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? `stage${stages.size}`;
      stage = { name, root: path.join(out, name), workdir: '/', env: {}, imageRoot: null };
      mkdirSync(stage.root, { recursive: true });
      stages.set(name, stage);
      console.log(`== stage ${name} (${args})`);
      break;
    }
    case 'WORKDIR':
      stage.workdir = path.posix.resolve(stage.workdir, args);
      // The first WORKDIR is the image's root for the files (/app): the stage's folder.
      stage.imageRoot ??= stage.workdir;
      mkdirSync(here(stage), { recursive: true });
      break;
    case 'ENV': {
      const [key, ...value] = args.split(/[= ]/);
      stage.env[key] = value.join('=');
      break;
    }
    case 'COPY': {
      const from = /--from=(\S+)/.exec(args)?.[1];
      const parts = args.split(/\s+/).filter((p) => !p.startsWith('--'));
      const dest = parts.pop();
      for (const src of parts) {
        const source = from ? inStage(stages.get(from), src) : path.join(ROOT, src);
        if (!existsSync(source)) throw new Error(`COPY ${src}: not found`);
        const target = dest.endsWith('/')
          ? statSync(source).isDirectory()
            ? inStage(stage, dest)
            : path.join(inStage(stage, dest), path.basename(source))
          : inStage(stage, dest);
        cpSync(source, target, { recursive: true, filter: from ? () => true : keep });
      }
      console.log(`COPY ${args}`);
      break;
    }
    case 'RUN': {
      // A step on the image's own folders (a volume's mount point) would touch the host's.
      const outside = /(?:^|\s)(\/(?!app\b)[\w.-]+\S*)/.exec(args)?.[1];
      if (outside) {
        console.log(`(not run: ${outside} is outside the app) RUN ${args}`);
        break;
      }
      console.log(`RUN ${args}`);
      const started = Date.now();
      // A cache of its own: a step's `npm cache clean --force` must not empty the host's cache.
      const env = { ...process.env, npm_config_cache: path.join(out, '.npm-cache'), ...stage.env };
      execSync(args, { cwd: here(stage), stdio: 'inherit', env, shell: '/bin/sh' });
      console.log(`   (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      break;
    }
    default:
      console.log(`(not run) ${line}`);
  }
}
console.log(`last stage: ${here(stage)}`);

/** A path inside the stage: absolute image paths under its root folder, relative ones from WORKDIR. */
function inStage(s, p) {
  const absolute = path.posix.resolve(s.workdir, p);
  const relative = path.posix.relative(s.imageRoot ?? '/', absolute);
  if (relative.startsWith('..')) throw new Error(`${p} is outside ${s.imageRoot}`);
  return path.join(s.root, relative);
}

function here(s) {
  return inStage(s, '.');
}
