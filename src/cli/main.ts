// The `jitsim` command line: builds the commander program and maps its outcome to an exit code.
import { Command, CommanderError } from 'commander';
import pkg from '../../package.json' with { type: 'json' };

/** Exit codes the command promises: 0 success, 1 invalid input, 2 usage error, 130 interrupted. */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2, interrupted: 130 } as const;

export function buildProgram(): Command {
  return new Command('jitsim')
    .description('Seeded discrete-event simulator and capacity planner for JIT pre-sale fulfilment')
    .version(pkg.version, '-V, --version', 'print the jitsim version')
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
    });
}

/** Runs the CLI on argv (as process.argv) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit through here with code 0; anything else is a usage error.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`jitsim: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.invalidInput;
  }
}
