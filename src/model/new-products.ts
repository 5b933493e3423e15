// New products (docs/model.md §19): which of each seller's SKUs are launched during the season,
// when, and how long JIT vetting takes for each. Drawn once per replication from the stream
// 'world.newProducts', the same draws in every mode, so that JIT and pre-stock meet the same launches.
import type { Simulation } from '../engine/index.ts';
import type { Scenario } from '../scenario/types.ts';
import type { DrawLayout } from './disruptions.ts';
import { draw, lognormalLaw } from './laws.ts';

export interface NewProducts {
  /** Per SKU: its launch time in hours (0 for a product on sale from the start). */
  launchAt: Float64Array;
  /** Per SKU: its JIT vetting time in hours (0 for a product on sale from the start). */
  vettingHours: Float64Array;
  /** How many SKUs are launched during the season. */
  count: number;
}

/**
 * Per seller, round(share × its SKUs) of them, chosen uniformly (a new product may turn out a hit
 * or not), each launched at a time uniform over the season.
 */
export function newProducts(scenario: Scenario, sim: Simulation, layout: DrawLayout, horizon: number): NewProducts {
  const { sellerFirstSku } = layout;
  const sellers = sellerFirstSku.length - 1;
  const skus = sellerFirstSku[sellers];
  const launchAt = new Float64Array(skus);
  const vettingHours = new Float64Array(skus);
  const { share } = scenario.newProducts;
  if (share === 0) return { launchAt, vettingHours, count: 0 };
  const vetting = lognormalLaw(scenario.newProducts.vettingHours.medianHours, scenario.newProducts.vettingHours.p90Hours);
  const stream = sim.stream('world.newProducts');
  const ranks: number[] = [];
  let count = 0;
  for (let s = 0; s < sellers; s++) {
    // A catalogue seller's SKUs are on sale from the start (it listed what it sells); its slot
    // still makes the draws its synthetic seller would.
    const catalogue = layout.catalogue(s);
    const first = sellerFirstSku[s], n = catalogue ? layout.slotSkus(s) : sellerFirstSku[s + 1] - first;
    const k = Math.floor(share * n + 0.5);
    if (k === 0) continue;
    // The first k of a partial Fisher–Yates shuffle of the seller's SKUs.
    ranks.length = n;
    for (let i = 0; i < n; i++) ranks[i] = i;
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(stream.random() * (n - i));
      const pick = ranks[j];
      ranks[j] = ranks[i];
      ranks[i] = pick;
      const at = stream.random() * horizon, vettingTime = draw(stream, vetting);
      if (catalogue) continue;
      const sku = first + pick;
      launchAt[sku] = at;
      vettingHours[sku] = vettingTime;
      count++;
    }
  }
  return { launchAt, vettingHours, count };
}
