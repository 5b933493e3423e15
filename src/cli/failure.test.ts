// The top-level handler's text: one line naming the command, the stack only with --debug.
import { describe, expect, it } from 'vitest';
import { commandOf, failureText } from './failure.ts';

const commands = { run: [], plan: ['staffing', 'stocking'], validate: [] };

describe('failureText', () => {
  it('is one line naming what failed, with the --debug hint and no stack', () => {
    const text = failureText(new RangeError('Invalid array length\n    at foo (x.ts:1:1)'), 'run', false);
    expect(text).toBe('jitsim: run failed: Invalid array length (run with --debug for details)\n');
    expect(text.split('\n')).toHaveLength(2);
  });

  it('prints the stack after the line with --debug', () => {
    const err = new TypeError('boom');
    const text = failureText(err, 'validate', true);
    expect(text.startsWith('jitsim: validate failed: boom\nTypeError: boom\n    at ')).toBe(true);
  });

  it('shortens a long message and names a thrown non-error', () => {
    expect(failureText('x'.repeat(1000), 'run', false).length).toBeLessThan(360);
    expect(failureText(42, 'run', false)).toBe('jitsim: run failed: 42 (run with --debug for details)\n');
    expect(failureText(new Error(''), 'run', false)).toBe('jitsim: run failed: Error (run with --debug for details)\n');
  });
});

describe('commandOf', () => {
  it('names the command and subcommand typed, past the options', () => {
    expect(commandOf(['node', 'jitsim', '--debug', 'plan', 'staffing', 'a.yaml'], commands)).toBe('plan staffing');
    expect(commandOf(['node', 'jitsim', 'run', 'a.yaml', '--reps', '2'], commands)).toBe('run');
    expect(commandOf(['node', 'jitsim', 'frob'], commands)).toBe('jitsim');
  });
});
