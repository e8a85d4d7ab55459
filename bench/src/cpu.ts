/**
 * CPU time per request, by process, from /proc (Linux): what each part of a page costs the machine,
 * which wall-clock shares cannot tell apart when four processes share two cores.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The kernel's clock ticks per second (`getconf CLK_TCK`), 100 on every Linux this runs on. */
const TICK_MS = 10;

/** utime + stime of one process, in ms; 0 when it has gone. */
function processCpuMs(pid: number): number {
  try {
    // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** A process and its children (PostgreSQL's postmaster and its backends). */
function treeCpuMs(root: number): number {
  let total = processCpuMs(root);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (parentOf(Number(entry)) === root) total += processCpuMs(Number(entry));
    } catch {}
  }
  return total;
}

/** Busy time of the whole machine, all cores, in ms (everything but idle and I/O wait). */
function machineBusyMs(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = ticks.slice(0, 8).map(Number);
  return (n.reduce((a, b) => a + b, 0) - n[3]! - n[4]!) * TICK_MS;
}

export interface CpuParts {
  portal: number;
  api: number;
  postgres: number;
  /** The machine's busy time less the three above: wrk, the benchmark itself, the kernel's threads. */
  rest: number;
}

/**
 * Sums the CPU time the portal, the API and PostgreSQL spend over the measured stretches; per()
 * divides it by the requests answered in them.
 */
export function cpuMeter(pids: { portal: number; api: number; postmaster: number }) {
  const sum: CpuParts = { portal: 0, api: 0, postgres: 0, rest: 0 };
  const snapshot = () => ({
    portal: processCpuMs(pids.portal),
    api: processCpuMs(pids.api),
    postgres: treeCpuMs(pids.postmaster),
    busy: machineBusyMs(),
  });
  return {
    async measure<T>(work: () => Promise<T>): Promise<T> {
      const before = snapshot();
      const result = await work();
      const after = snapshot();
      const portal = after.portal - before.portal;
      const api = after.api - before.api;
      const postgres = after.postgres - before.postgres;
      sum.portal += portal;
      sum.api += api;
      sum.postgres += postgres;
      sum.rest += Math.max(0, after.busy - before.busy - portal - api - postgres);
      return result;
    },
    per(requests: number): CpuParts {
      const n = Math.max(1, requests);
      return { portal: sum.portal / n, api: sum.api / n, postgres: sum.postgres / n, rest: sum.rest / n };
    },
  };
}

/** The postmaster of a backend (`SELECT pg_backend_pid()`). */
export const postmasterOf = parentOf;
