// Figures as a reader reads them: thousands separators, shares as percents, long spans in days.
// Shared by the command's tables and the verdict's plain-words headline, so both print alike.

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '—' : x > 0 ? '∞' : '-∞';
  const a = Math.abs(x);
  if (a >= 1e6) return x.toLocaleString('en', { maximumFractionDigits: 0 });
  if (a >= 100) return x.toLocaleString('en', { maximumFractionDigits: 1 });
  if (a >= 1) return x.toLocaleString('en', { maximumFractionDigits: 2 });
  return x.toPrecision(3);
}

export function percent(x: number): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(Math.abs(x) < 0.01 ? 2 : 1)}%` : '—';
}

/** A difference with its sign spelled out, so "+12" cannot be misread as a level. */
export function signed(x: number, format: (x: number) => string = formatNumber): string {
  return x > 0 ? `+${format(x)}` : format(x);
}

/**
 * The unit a figure reads best in: hours spanning two days or more read as days (a listing
 * lead time of 70 h is "2.92 days"), a change of a share in percentage points, everything
 * else as measured. `scale` converts to it.
 */
export function readableUnit(unit: string, magnitude: number): { unit: string; scale: number } {
  if (unit === 'share') return { unit: 'pp', scale: 100 };
  return unit === 'hours' && Math.abs(magnitude) >= 48 ? { unit: 'days', scale: 1 / 24 } : { unit, scale: 1 };
}
