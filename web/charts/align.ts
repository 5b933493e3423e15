// Lays another scenario's hourly series on this one's clock, so that compare mode draws B's hour
// over the same China-time hour of A whatever the two seasons' starts and lengths.
import type { Selection } from 'd3';
import { chinaClock } from './china-time.ts';

/**
 * B's values at A's hours: entry h is B's value for the hour that is A's hour h, NaN where B's
 * season does not cover it; undefined when the two seasons share no hour at all. A daily series
 * gives `hoursPerEntry` 24 (and `aHours` in days).
 */
export function onClockOf(aStart: string, aHours: number, bStart: string, values: Float64Array, hoursPerEntry = 1): Float64Array | undefined {
  const offset = Math.round(chinaClock(bStart).dayStart(aStart) / hoursPerEntry); // A's first entry on B's clock
  const aligned = new Float64Array(aHours).fill(NaN);
  let shared = false;
  for (let h = Math.max(0, -offset); h < aHours && h + offset < values.length; h++) {
    aligned[h] = values[h + offset];
    shared = true;
  }
  return shared ? aligned : undefined;
}

/** A value for the hover text: fixed decimals, or "—" where B's season has no such hour. */
export function shown(v: number, digits: number): string {
  return Number.isNaN(v) ? '—' : v.toFixed(digits);
}

/** Says in the chart's top right corner that B is left out: its season shares no hour with A's. */
export function notOnClock(svg: Selection<SVGSVGElement, unknown, null, undefined>, label: string, right: number, top: number): void {
  svg.append('text').attr('class', 'axis-label compare-note').attr('x', right).attr('y', top).attr('text-anchor', 'end')
    .text(`${label} not drawn: its season shares no hour with this one`);
}
