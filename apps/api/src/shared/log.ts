import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  /** LOG_LEVEL; `info` when unset. */
  level?: string;
  /** LOG_FORMAT: `json` (one object a line) or `pretty` (for a person at a terminal; needs pino-pretty). */
  format?: string;
  /** Where the lines go; stdout when unset. Tests pass a stream of their own. */
  destination?: DestinationStream;
}

/** Whether pino-pretty is installed (a development dependency: absent in the production image). */
function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * The API's logger. JSON lines by default (what a log collector reads); `pretty` runs pino-pretty in
 * a worker thread. Lines to stdout go through an asynchronous, buffered destination so a request
 * never waits on the terminal or the pipe; `flushLog()` before exiting.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = LOG_LEVELS.includes(options.level as LogLevel) ? (options.level as LogLevel) : 'info';
  const base = {
    level,
    base: { service: 'spindeln-api' },
    // ISO time: readable in a raw line, sortable, and what collectors parse without configuration.
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.format === 'pretty' && prettyAvailable()) {
    return pino(
      base,
      pino.transport({
        target: 'pino-pretty',
        options: { colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' },
      }),
    );
  }
  return pino(base, pino.destination({ dest: 1, sync: false, minLength: 4096 }));
}

let current: Logger | undefined;

/**
 * The process's logger, made on first use from LOG_LEVEL and LOG_FORMAT. Without LOG_FORMAT:
 * pretty for a person at a terminal in development, JSON everywhere else (pipes, production).
 */
export function logger(): Logger {
  const development = (process.env.NODE_ENV ?? 'development') === 'development';
  current ??= createLogger({
    level: process.env.LOG_LEVEL,
    format: process.env.LOG_FORMAT ?? (development && process.stdout.isTTY ? 'pretty' : 'json'),
  });
  return current;
}

/** Writes out what is buffered; call before process.exit. */
export function flushLog(): Promise<void> {
  const log = current;
  if (!log) return Promise.resolve();
  return new Promise((resolve) => log.flush(() => resolve()));
}

/** What an error may say in a log: its kind, never its text (driver messages carry SQL and values). */
export function errorKind(error: unknown): { name?: string; code?: string } {
  const e = error as { name?: unknown; code?: unknown } | null;
  return {
    name: typeof e?.name === 'string' ? e.name : undefined,
    code: typeof e?.code === 'string' ? e.code : undefined,
  };
}
