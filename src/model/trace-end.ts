// The end of a traced run (docs/model.md, "Traces"): the stories of orders still under way at the
// horizon, then every seller's season, with the money the run counts (net of a warm-up).
import { sellerProfit, type SellerTotals } from './seller-books.ts';
import type { Market } from './state.ts';
import { OPEN, type OrderTrace } from './trace.ts';

export function finishTrace(m: Market, trace: OrderTrace, money: SellerTotals): void {
  const { orders, sim } = m;
  for (const o of trace.openSlots()) trace.ended(o, OPEN, sim.now, orders.placedAt(o), orders.seller(o), orders.sku(o), orders.quantity(o), orders.value(o));
  trace.finishSellers((s, fines) => {
    let total = 0;
    for (let c = 0; c < fines.length; c++) total += (fines[c] = money.finesByCause[c][s]);
    return { topUpsCny: money.topUps[s], profitCny: sellerProfit(money, s, total) };
  });
}
