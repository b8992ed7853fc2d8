// How a command's failure is printed: one line `standpoint: MESSAGE` (its cause's message when that adds to it), the stack only when debugging.
import { redactUrl } from '../store/redact-url.js';

/** The message of an error; an AggregateError (a connection tried on several addresses) gives its errors' messages. */
function messageOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.message) return err.message;
  if (err instanceof AggregateError && err.errors.length) return [...new Set(err.errors.map(messageOf))].join('; ');
  return (err as NodeJS.ErrnoException).code ?? err.name;
}

/** The error's message, then each cause's message that it does not already contain. */
export function errorMessage(err: unknown): string {
  let text = messageOf(err);
  const seen = new Set<unknown>([err]);
  for (let cause = (err as Error)?.cause; cause !== undefined && cause !== null && !seen.has(cause); cause = (cause as Error).cause) {
    seen.add(cause);
    const more = messageOf(cause);
    if (more && !text.includes(more)) text += `: ${more}`;
  }
  return text;
}

/** What stands on standard error for a failed command: one line, or with `debug` the stacks of the error and its causes. Passwords are hidden. */
export function describeFailure(err: unknown, debug: boolean): string {
  let text = `standpoint: ${errorMessage(err)}\n`;
  if (debug) {
    const seen = new Set<unknown>();
    for (let e: unknown = err; e instanceof Error && !seen.has(e); e = e.cause) {
      seen.add(e);
      text += `${seen.size > 1 ? 'caused by: ' : ''}${e.stack ?? e}\n`;
    }
  }
  return redactUrl(text);
}

/** True when STANDPOINT_DEBUG asks for stacks (set, and not empty, `0` or `false`); `--debug` is the command line's way. */
export const debugFromEnv = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env.STANDPOINT_DEBUG !== undefined && !['', '0', 'false'].includes(env.STANDPOINT_DEBUG);
