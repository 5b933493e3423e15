// The command's last word on an error nobody expected: one short line naming what failed, and the
// stack only with --debug (README, "The command"), so a user never meets a native stack trace.

/** Longest message a failure line carries; the rest is behind --debug. */
const MESSAGE_LIMIT = 300;

/** The command a user typed (`run`, `plan staffing`…), from argv as process.argv. */
export function commandOf(argv: string[], commands: Record<string, string[]>): string {
  const words = argv.slice(2).filter((a) => !a.startsWith('-'));
  const first = words[0];
  if (first === undefined || !(first in commands)) return 'jitsim';
  const sub = words[1];
  return sub !== undefined && commands[first].includes(sub) ? `${first} ${sub}` : first;
}

/** What an unexpected error says: its message's first line, shortened, with the kind of error. */
function shortMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const line = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? (err instanceof Error ? err.name : 'unknown error');
  return line.length > MESSAGE_LIMIT ? `${line.slice(0, MESSAGE_LIMIT)}…` : line;
}

/** The text printed for an unexpected error: one line, or that line and the stack with --debug. */
export function failureText(err: unknown, what: string, debug: boolean): string {
  const line = `jitsim: ${what} failed: ${shortMessage(err)}`;
  if (!debug) return `${line} (run with --debug for details)\n`;
  const stack = err instanceof Error && err.stack ? err.stack : String(err);
  return `${line}\n${stack}\n`;
}
