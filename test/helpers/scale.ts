// Platform-scale scenarios shrunk for tests (src/scenario/scale.ts), small ones left as they are.
import { scaledDown } from '../../src/scenario/scale.ts';
import type { Scenario } from '../../src/scenario/types.ts';

/** Divides a platform-scale scenario (100 sellers or more) by `k`; a small one is returned as is. */
export function shrunk(s: Scenario, k = 20): Scenario {
  return s.sellers.count < 100 ? s : scaledDown(s, k);
}
