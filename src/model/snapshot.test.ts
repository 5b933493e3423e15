// A replication saved at an instant and continued in a fresh model gives the same result, to the
// last digit, as the run that never stopped: every scenario shipped (JIT, pre-stock, mixed,
// lockdowns), saved mid-morning, at midnight and before the warm-up has passed.
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../cli/read-scenario.ts';
import { jsonNumbers } from '../experiment/csv.ts';
import { JitModel } from './jit.ts';

const scenarios = new URL('../../scenarios/', import.meta.url).pathname;
/** The result as text, NaN and infinities spelled out: equal text, equal numbers. */
const text = (r: unknown) => JSON.stringify(r, (k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : jsonNumbers(k, v)));

describe('JitModel.saveState / restoreState', () => {
  const cases: [string, number][] = [
    ['black-friday-2022', 24 * 50 + 8.25], ['prestock-2022', 24 * 30], ['jit-for-large-sellers', 24 * 55 + 17.5],
    ['shenzhen-lockdown', 24 * 12 + 10], ['small-seller', 24 * 40 + 18], ['understaffed-warehouse', 24 * 5 + 18],
  ];
  for (const [name, at] of cases) {
    it(`${name}, saved at ${at} h (warm-up at 240 h), goes on exactly as the uninterrupted run`, () => {
      const s = readScenarioFile(`${scenarios}${name}.yaml`);
      s.sellers.count = Math.min(200, s.sellers.count);
      s.demand.ordersPerDay = Math.min(400, s.demand.ordersPerDay);
      const build = () => { const m = new JitModel(s, 3, 1); m.warmUpAt(240); return m; };
      const whole = text(build().run());
      const first = build();
      first.runTo(at);
      const state = structuredClone(first.saveState());
      const resumed = build();
      resumed.restoreState(state);
      expect(text(resumed.run()) === whole).toBe(true);
      // Saving does not disturb the run that saved.
      expect(text(first.run()) === whole).toBe(true);
    });
  }

  it('refuses a state from a model wired otherwise', () => {
    const s = readScenarioFile(`${scenarios}small-seller.yaml`);
    const m = new JitModel(s, 1, 0);
    const state = m.saveState();
    delete (state.stages as Record<string, unknown>).packing;
    expect(() => new JitModel(s, 1, 0).restoreState(state)).toThrow(/the state holds stages .* this model has .*packing/);
  });
});
