// The replenishment lead time a pre-stock seller plans on (docs/model.md §16): its batch waits for
// platform approval, then for the factory, then travels to the shelf (the next SF pickup, transit,
// the warehouse). Approval and production are lognormal; their sum is matched by a lognormal of the
// same mean and variance (Fenton–Wilkinson), the trip to the shelf added to the mean as a constant.
import { exp, log, lognormalFromMedianP90, lognormalMean, lognormalVariance, normalQuantile } from '../engine/index.ts';
import { REGIONS, type Scenario } from '../scenario/types.ts';
import type { LeadTime } from './lead-time-demand.ts';

/** Half a day on average from a batch being ready to the seller's next SF pickup (A). */
const TO_PICKUP_HOURS = 12;

export function prestockLeadTime(scenario: Scenario): LeadTime {
  const approval = scenario.prestock.approvalHours, factory = scenario.factories.leadTime;
  let transit = 0;
  for (const r of REGIONS) transit += scenario.sellers.regions[r] * scenario.courier.transit[r].medianHours;
  const toShelf = TO_PICKUP_HOURS + transit + scenario.warehouse.putawayHours;
  let mean = toShelf, variance = 0;
  for (const law of [approval, factory]) {
    const { mu, sigma } = law.medianHours === law.p90Hours ? { mu: log(law.medianHours), sigma: 0 } : lognormalFromMedianP90(law.medianHours, law.p90Hours);
    mean += lognormalMean(mu, sigma);
    variance += lognormalVariance(mu, sigma);
  }
  const s2 = log(1 + variance / (mean * mean));
  const mu = log(mean) - s2 / 2;
  return { medianHours: exp(mu), p90Hours: exp(mu + normalQuantile(0.9) * Math.sqrt(s2)) };
}
