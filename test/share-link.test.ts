// Shared links: the scenario text (any Unicode, any length), seed, replications and comparison
// survive the trip through the URL hash; old links without a comparison and broken ones are told apart.
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, type SharedState } from '../web/share.ts';

describe('shared link state', () => {
  it('round-trips every field, Unicode text and a long file, in URL-safe characters', () => {
    const state: SharedState = {
      file: 'small-seller.yaml',
      yaml: '# 广州 — 测试\nextends: small-seller.yaml\n' + 'demand: { ordersPerDay: 55 } # ✓\n'.repeat(20_000),
      seed: '77',
      reps: '3',
      compare: 'original',
    };
    const hash = encodeState(state);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(decodeState(hash)).toEqual(state);
  });

  it('reads links made before the comparison was shared, and says when a hash holds none', () => {
    const old = encodeState({ file: 'october-baseline.yaml', yaml: 'x: 1\n', seed: '1', reps: '2' });
    expect(decodeState(old)!.compare).toBeUndefined();
    expect(decodeState('')).toBeUndefined();
    expect(decodeState('#section-2')).toBeUndefined();
  });

  it('refuses a damaged link rather than restoring half of it', () => {
    expect(() => decodeState('#s=bm90IGpzb24')).toThrow(); // "not json"
    expect(() => decodeState(encodeState({ file: 'a.yaml', yaml: 'x', seed: '1' } as SharedState))).toThrow(/reps is missing/);
    expect(() => decodeState('#s=_w')).toThrow(); // bytes that are not UTF-8
  });
});
