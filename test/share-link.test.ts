// Shared links: the scenario text (any Unicode, up to the cap), seed, replications and comparison
// survive the trip through the URL hash; old links without a comparison, broken ones and ones past
// the cap (docs/model-notes.md, "Shared links") are told apart.
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, LinkTooLong, MAX_LINK_HASH, shareHash, type SharedState } from '../web/share.ts';

describe('shared link state', () => {
  it('round-trips every field, Unicode text and a long file, in URL-safe characters', () => {
    const state: SharedState = {
      file: 'small-seller.yaml',
      yaml: '# 广州 — 测试\nextends: small-seller.yaml\n' + 'demand: { ordersPerDay: 55 } # ✓\n'.repeat(1_300),
      seed: '77',
      reps: '3',
      compare: 'original',
    };
    const hash = shareHash(state);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeGreaterThan(60_000);
    expect(hash.length).toBeLessThanOrEqual(MAX_LINK_HASH);
    expect(decodeState(hash)).toEqual(state);
  });

  it('refuses to make or open a link past the cap, saying its size and the cap', () => {
    const state: SharedState = { file: 'small-seller.yaml', yaml: 'demand: { ordersPerDay: 55 } # ✓\n'.repeat(20_000), seed: '1', reps: '1' };
    const hash = encodeState(state);
    expect(hash.length).toBe(960_083);
    expect(() => shareHash(state)).toThrow(new LinkTooLong(hash.length));
    expect(() => shareHash(state)).toThrow('the link is 938 kB, over the 64 kB a link may carry');
    expect(() => decodeState(hash)).toThrow(LinkTooLong);
    // One character past the cap is refused, and never reads as the cap itself.
    const justOver = `#s=${'A'.repeat(MAX_LINK_HASH - 2)}`;
    expect(() => decodeState(justOver)).toThrow('the link is 65 kB, over the 64 kB');
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
