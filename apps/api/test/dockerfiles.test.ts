import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config/env';

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');

/** Every workspace of the root package.json, by name, with its folder. */
function workspaces(): Map<string, { dir: string; manifest: Manifest }> {
  const root = JSON.parse(read('package.json')) as { workspaces: string[] };
  const found = new Map<string, { dir: string; manifest: Manifest }>();
  for (const pattern of root.workspaces) {
    const dirs = pattern.endsWith('/*')
      ? readdirSync(path.join(REPO_ROOT, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => `${pattern.slice(0, -2)}/${d.name}`)
      : [pattern];
    for (const dir of dirs) {
      try {
        const manifest = JSON.parse(read(`${dir}/package.json`)) as Manifest;
        found.set(manifest.name, { dir, manifest });
      } catch {}
    }
  }
  return found;
}

/** The workspace and every workspace it needs, directly or through another (with dev dependencies or not). */
function closure(name: string, withDev: boolean, all = workspaces()): string[] {
  const seen = new Set<string>();
  const visit = (n: string, top: boolean) => {
    const ws = all.get(n);
    if (!ws || seen.has(ws.dir)) return;
    seen.add(ws.dir);
    const deps = { ...ws.manifest.dependencies, ...(withDev && top ? ws.manifest.devDependencies : {}) };
    for (const dep of Object.keys(deps)) visit(dep, false);
  };
  visit(name, true);
  return [...seen].sort();
}

/**
 * What a Dockerfile's stages lack: per stage, the workspace manifests its `npm ci --workspace X`
 * needs and does not COPY before it, and the sources a later RUN needs and are not copied.
 */
export function dockerfileProblems(text: string): string[] {
  const problems: string[] = [];
  const all = workspaces();
  const stages = text
    .replace(/\\\n/g, ' ')
    .split(/^FROM /m)
    .slice(1);
  if (stages.length === 0) problems.push('no FROM');
  for (const [index, stage] of stages.entries()) {
    if (!/^node:24[-.\w]*/.test(stage)) problems.push(`stage ${index}: not a Node 24 image`);
    const lines = stage.split('\n').map((l) => l.trim());
    const copied: string[] = [];
    const needSources: string[] = [];
    for (const line of lines) {
      const copy = /^COPY\s+(?!--from)(.+)$/.exec(line);
      if (copy) {
        const parts = copy[1]!.split(/\s+/);
        parts.pop();
        copied.push(...parts);
      }
      const ci = /npm ci\b.*--workspace[= ](\S+)/.exec(line);
      if (ci) {
        const name = ci[1]!;
        if (!all.has(name)) problems.push(`stage ${index}: npm ci for unknown workspace ${name}`);
        for (const file of ['package.json', 'package-lock.json']) {
          if (!copied.includes(file)) problems.push(`stage ${index}: ${file} not copied before npm ci`);
        }
        const withDev = !/--omit[= ]dev/.test(line);
        for (const dir of closure(name, withDev, all)) {
          if (!copied.includes(`${dir}/package.json`)) {
            problems.push(`stage ${index}: ${dir}/package.json not copied before npm ci --workspace ${name}`);
          }
        }
        needSources.push(...closure(name, false, all));
      }
    }
    // The installed workspaces' sources must be in the image by the end of the stage.
    const sourcesCopied = (dir: string) =>
      copied.some((c) => c.replace(/\/$/, '') === dir || dir.startsWith(c.endsWith('/') ? c : `${c}/`));
    for (const dir of needSources) {
      if (!sourcesCopied(dir)) problems.push(`stage ${index}: the sources of ${dir} are never copied`);
    }
  }
  return problems;
}

const DOCKERFILES = {
  'apps/api/Dockerfile': '@spindeln/api',
  'apps/portal/Dockerfile': '@spindeln/portal',
  'apps/bankid-sim/Dockerfile': '@spindeln/bankid-sim',
};

describe('Dockerfiles against the workspace graph', () => {
  it('knows the API needs api-token, demo-personas and the rest (the graph is read, not assumed)', () => {
    expect(closure('@spindeln/api', false)).toEqual([
      'apps/api',
      'packages/api-token',
      'packages/care-values',
      'packages/consent-scopes',
      'packages/demo-personas',
      'packages/dev-postgres',
      'packages/personnummer',
    ]);
  });

  for (const [file, workspace] of Object.entries(DOCKERFILES)) {
    it(`${file} copies every workspace manifest ${workspace} needs before each npm ci, on Node 24`, () => {
      const text = read(file);
      expect(text).toContain(`--workspace ${workspace}`);
      expect(dockerfileProblems(text)).toEqual([]);
    });
  }

  it('finds a missing manifest, a missing lockfile and an old Node', () => {
    const api = read('apps/api/Dockerfile');
    const withoutTokens = api.replaceAll('COPY packages/api-token/package.json packages/api-token/\n', '');
    expect(dockerfileProblems(withoutTokens)).toContain(
      'stage 0: packages/api-token/package.json not copied before npm ci --workspace @spindeln/api',
    );
    expect(dockerfileProblems(api.replaceAll(' package-lock.json ./', ' ./'))).toContain(
      'stage 1: package-lock.json not copied before npm ci',
    );
    expect(dockerfileProblems(api.replace('FROM node:24-bookworm-slim AS build', 'FROM node:20 AS build'))).toContain(
      'stage 0: not a Node 24 image',
    );
    // The Dockerfile as it was before this test: api-token and demo-personas missing (and
    // care-values, which came later).
    const before = [
      'FROM node:24-bookworm-slim',
      'COPY package.json package-lock.json ./',
      'COPY apps/api/package.json apps/api/',
      'COPY packages/personnummer/package.json packages/personnummer/',
      'COPY packages/consent-scopes/package.json packages/consent-scopes/',
      'COPY packages/dev-postgres/package.json packages/dev-postgres/',
      'RUN npm ci --omit=dev --workspace @spindeln/api --include-workspace-root=false',
      'COPY packages/ packages/',
      'COPY apps/api/ apps/api/',
    ].join('\n');
    expect(dockerfileProblems(before)).toEqual([
      'stage 0: packages/api-token/package.json not copied before npm ci --workspace @spindeln/api',
      'stage 0: packages/care-values/package.json not copied before npm ci --workspace @spindeln/api',
      'stage 0: packages/demo-personas/package.json not copied before npm ci --workspace @spindeln/api',
    ]);
  });
});
