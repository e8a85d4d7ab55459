import { inspect } from 'node:util';

/**
 * Output of the command-line tools (db:migrate, audit:verify, token, ...), for the person who ran
 * them: plain lines, not log records. The server itself logs through `log.ts`.
 */
export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** A problem for that person, on stderr: a message as it is, anything else as Node would show it. */
export function complain(problem: unknown): void {
  process.stderr.write(`${typeof problem === 'string' ? problem : inspect(problem)}\n`);
}
