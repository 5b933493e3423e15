// How the page writes a KPI's figures (web/glossary/kpis.ts says which kind each is): counts whole,
// yuan whole with thousands separators, shares as percents, hours to one decimal; an interval or a
// difference to the same precision as the mean it belongs to (docs/results.md, "The page's tables").
import type { KpiFigure } from './glossary/index.ts';

/** The decimals a figure of this kind and size is written with. */
export function decimals(figure: KpiFigure, mean: number): number {
  const a = Math.abs(mean);
  switch (figure) {
    case 'cny': return 0;
    case 'hours': return 1;
    case 'share': return 100 * a < 1 ? 2 : 1;
    // A mean of a few things over replications (0.5 sellers suspended) keeps one decimal.
    case 'count': return a < 10 && !Number.isInteger(mean) ? 1 : 0;
  }
}

const formats = new Map<number, Intl.NumberFormat>();
function fixed(x: number, places: number): string {
  if (!formats.has(places)) formats.set(places, new Intl.NumberFormat('en', { minimumFractionDigits: places, maximumFractionDigits: places }));
  const text = formats.get(places)!.format(x);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text; // no "-0"
}

/**
 * The writer of one row's figures, its precision set by the row's mean: a level ("63.2%"), or a
 * difference (`change`: signed, a share in percentage points, "+1.4 pt"). — for undefined.
 */
export function figureWriter(figure: KpiFigure, mean: number, change = false): (x: number) => string {
  const places = decimals(figure, mean);
  return (x) => {
    if (Number.isNaN(x)) return '—';
    if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
    const text = fixed(figure === 'share' ? 100 * x : x, places);
    const signed = change && x > 0 && !/^0(\.0*)?$/.test(text) ? `+${text}` : text;
    return figure === 'share' ? `${signed}${change ? ' pt' : '%'}` : signed;
  };
}

/** The share of its mean an interval's half width may reach before the row is marked as uncertain. */
export const WIDE_SHARE = 0.1;

/** Whether an interval is wide against its mean (and so marked); a missing interval (one replication) is not. */
export function isWide(mean: number, halfWidth: number): boolean {
  return Number.isFinite(halfWidth) && Number.isFinite(mean) && halfWidth > WIDE_SHARE * Math.abs(mean);
}
