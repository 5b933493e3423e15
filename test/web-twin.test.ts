// The page's twin of a scenario (web/twin.ts): the same text with every seller class selling in
// the other mode, comments kept, whatever an `extends` base says of a class's mode.
import { describe, expect, it } from 'vitest';
import { modeName, twin } from '../web/twin.ts';
import { parse, shipped } from '../web/scenarios.ts';

const modes = (s: ReturnType<typeof parse>) => [s.sellers.classes.large.mode, s.sellers.classes.medium.mode, s.sellers.classes.small.mode];

describe('twin', () => {
  it('switches every class of an all-JIT scenario to pre-stock, and back', () => {
    const jit = shipped['black-friday-2022.yaml'];
    const pre = twin(jit, 'black-friday-2022.yaml', 'prestock');
    expect(modes(pre.scenario)).toEqual(['prestock', 'prestock', 'prestock']);
    expect(modeName(pre.scenario)).toBe('pre-stock');
    expect(pre.text.startsWith(jit.split('\n')[0])).toBe(true); // the opening comment is kept
    expect(modes(twin(pre.text, 'x.yaml', 'jit').scenario)).toEqual(['jit', 'jit', 'jit']);
  });

  it('overrides a class mode stated in the file or in its extends base', () => {
    const mixed = parse(shipped['jit-for-large-sellers.yaml'], 'jit-for-large-sellers.yaml');
    expect(modeName(mixed)).toBe('mixed');
    const own = twin(shipped['jit-for-large-sellers.yaml'], 'jit-for-large-sellers.yaml', 'prestock');
    expect(modes(own.scenario)).toEqual(['prestock', 'prestock', 'prestock']);
    expect(own.text).not.toMatch(/mode: jit/);
    // Here the base names large's mode: the twin states it in the class.
    const inBase = twin('extends: jit-for-large-sellers.yaml\n', 'mine.yaml', 'jit');
    expect(modes(inBase.scenario)).toEqual(['jit', 'jit', 'jit']);
    expect(modes(twin('extends: jit-for-large-sellers.yaml\n', 'mine.yaml', 'prestock').scenario)).toEqual(['prestock', 'prestock', 'prestock']);
  });

  it('names a run by the classes that have sellers', () => {
    const one = parse(shipped['small-seller.yaml'], 'small-seller.yaml');
    expect(modeName(one)).toBe('JIT');
    expect(modeName(twin(shipped['small-seller.yaml'], 'small-seller.yaml', 'prestock').scenario)).toBe('pre-stock');
  });
});
