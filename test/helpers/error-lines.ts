// The lines of the error a reader refuses a file with, as the command prints them: what every
// `problems()` of the scenario and data-file tests reads (schema, loader, YAML, CSV tables).

/**
 * The message lines of the `type` error `run` throws (any other error is thrown on). When it throws
 * none: `none()` if given (a valid input's lines, say []), else an error saying `what` read cleanly.
 */
export function errorLines(run: () => unknown, type: abstract new (...args: never[]) => Error, what: string, none?: () => string[]): string[] {
  try {
    run();
  } catch (err) {
    if (err instanceof type) return err.message.split('\n');
    throw err;
  }
  if (none) return none();
  throw new Error(`${what} read without error`);
}
