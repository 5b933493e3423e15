// The fines a seller can incur (docs/model.md §8, §9, §12, §17), as one structured list built from the
// scenario's rules: each lateness tier, then stockout, then quality, then (only if its multiple is
// above 0) a pre-stock listing switched off for want of stock. Everything indexed by cause
// (the ledger, the seller books, the result) uses this list's order, and the names of KPIs, hourly
// series and histograms per cause are made here and nowhere else.
import type { Scenario } from '../scenario/types.ts';

export interface FineCause {
  /** What the fine is for. */
  cause: 'late' | 'stockout' | 'quality' | 'prestockStockout';
  /** A lateness tier applies when the ship delay exceeds this many hours. */
  afterHours?: number;
  /** The fine is this multiple of the order's value. */
  multiple: number;
  /** Its name in result keys: lateTier1, lateTier2, …, stockout, quality, prestockStockout. */
  key: string;
}

export function fineCauses(rules: Scenario['rules']): FineCause[] {
  return [
    ...rules.lateness.map((t, i): FineCause => ({ cause: 'late', afterHours: t.afterHours, multiple: t.multiple, key: `lateTier${i + 1}` })),
    { cause: 'stockout', multiple: rules.stockoutMultiple, key: 'stockout' },
    { cause: 'quality', multiple: rules.qualityMultiple, key: 'quality' },
    ...(rules.prestockStockoutMultiple > 0 ? [{ cause: 'prestockStockout' as const, multiple: rules.prestockStockoutMultiple, key: 'prestockStockout' }] : []),
  ];
}

/** Where a cause sits in the list. */
export function causeIndex(causes: readonly FineCause[], cause: 'stockout' | 'quality' | 'prestockStockout'): number {
  return causes.findIndex((c) => c.cause === cause);
}

/** A reader's name for a cause: "late > 24 h (1x)", "stockout (5x)", "quality (5x)". */
export function fineCauseLabel(c: FineCause): string {
  if (c.cause === 'late') return `late > ${c.afterHours} h (${c.multiple}x)`;
  return `${c.cause === 'prestockStockout' ? 'pre-stock out of stock' : c.cause} (${c.multiple}x)`;
}

const capitalised = (c: FineCause) => c.key[0].toUpperCase() + c.key.slice(1);

/** The KPI and hourly series of a cause's fines, CNY: finesLateTier1Cny, finesStockoutCny, … */
export const finesKey = (c: FineCause) => `fines${capitalised(c)}Cny`;

/** The histogram of fines per seller of this cause, binned by the seller's total fines. */
export const finesPerSellerKey = (c: FineCause) => `finesPerSeller${capitalised(c)}Cny`;

/** The KPI counting orders shipped in a lateness tier: ordersShippedLateTier1, … */
export const shippedLateKey = (c: FineCause) => `ordersShipped${capitalised(c)}`;
