// Axis ticks the charts share: whole numbers on count axes (parcels, orders, sellers), and on log
// axes the decades 1, 10, 100, 1k, 10k… (mirrored below zero on a signed axis), whatever the data,
// so that a band chart reads the same from run to run.
import * as d3 from 'd3';

/** The powers of ten from `lo` to `hi` (both > 0), ends included when they are powers: 790..16k gives 1k, 10k. */
export function decadeTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  if (!(lo > 0) || !(hi >= lo)) return ticks;
  for (let k = Math.ceil(Math.log10(lo) - 1e-9); 10 ** k <= hi * (1 + 1e-9); k++) ticks.push(decade(k));
  return ticks;
}

/** 10^k exactly as written (1000, not 999.9999999999999). */
const decade = (k: number) => Number(`1e${k}`);

/** The decades just below `lo` and just above `hi` (both > 0): a log axis that starts and ends on a tick. */
export function decadeDomain(lo: number, hi: number): [number, number] {
  return [decade(Math.floor(Math.log10(lo) + 1e-9)), decade(Math.ceil(Math.log10(hi) - 1e-9))];
}

/**
 * A signed log axis' ticks from `lo` to `hi`: 0 (when inside) and ±`from`, ±10·`from`, … inside
 * the domain, lowest first; `from` is the first decade drawn, the rest lying near 0 on the axis.
 */
export function signedDecadeTicks(lo: number, hi: number, from = 1): number[] {
  const below = hi >= -from && lo <= -from ? decadeTicks(from, -lo).map((t) => -t).reverse() : [];
  const above = hi >= from ? decadeTicks(Math.max(from, lo), hi) : [];
  return [...below, ...(lo <= 0 && hi >= 0 ? [0] : []), ...above];
}

/** A decade's label: 1, 10, 100, 1k, 10k, 100k, 1M, … 1G; a true minus sign below zero. */
export function decadeLabel(v: number): string {
  if (v === 0) return '0';
  return `${v < 0 ? '−' : ''}${d3.format('~s')(Math.abs(v))}`;
}

/** About `count` whole-number ticks on a count axis over [0, max]: never 0.2 parcels or 0.05 sellers. */
export function wholeTicks(max: number, count: number): number[] {
  return d3.ticks(0, Math.max(1, max), count).filter(Number.isInteger);
}

/**
 * A count as the hover read-outs and tables give it: whole when it is (one replication, a count
 * that is the same in all), else with one decimal, being a mean per replication.
 */
export function countText(v: number): string {
  if (Number.isNaN(v)) return '—';
  return Number.isInteger(v) ? d3.format(',')(v) : d3.format(',.1f')(v);
}

/** A count axis' tick labels: 12,000 on a wide chart, 12k on a phone's narrow margin. */
export const countFormat = (width: number): ((v: d3.NumberValue) => string) => d3.format(width < 500 ? '~s' : ',d');
