// A long setup's progress (world.ts, runJit's onSetup): reported every 65,536 sellers, sellers'
// draws as the first quarter and their SKUs' as the next 70%, never going back; and listening
// changes nothing the model draws.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine/index.ts';
import { readScenarioFile } from '../cli/read-scenario.ts';
import { buildWorld } from './world.ts';
import { runJit } from './jit.ts';

const root = new URL('../../', import.meta.url).pathname;

describe('setup progress', () => {
  it('reports sellers then SKUs at fixed steps, and the world is the same with or without a listener', () => {
    const s = readScenarioFile(`${root}scenarios/small-seller.yaml`);
    s.sellers.count = 140_000; // three steps of 65,536 sellers in each loop
    const shares: number[] = [];
    const heard = buildWorld(s, new Simulation({ seed: 2, replication: 1 }), (share) => shares.push(share));
    const n = 140_000, step = 65_536;
    expect(shares).toEqual([0, 0.25 * step / n, 0.25 * 2 * step / n, 0.25, 0.25 + 0.7 * step / n, 0.25 + 0.7 * 2 * step / n, 0.95]);
    const silent = buildWorld(s, new Simulation({ seed: 2, replication: 1 }));
    expect(heard.sellerRegion).toEqual(silent.sellerRegion);
    expect(heard.unitValue).toEqual(silent.unitValue);
    expect(heard.sellerDefectRate).toEqual(silent.sellerDefectRate);
  });

  it('a replication run with a listener gives the same KPIs as one without', () => {
    const s = readScenarioFile(`${root}scenarios/small-seller.yaml`);
    let told = 0;
    const heard = runJit(s, { seed: 3, replication: 0, onSetup: () => { told++; } });
    expect(told).toBe(3); // 0, the SKUs' start (0.25), 0.95: one step each for so few sellers
    expect(heard.kpis).toEqual(runJit(s, { seed: 3, replication: 0 }).kpis);
  });
});
