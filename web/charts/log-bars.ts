// The frame the fines and profit charts share: each histogram bin a bar standing at its own edges on
// a log x axis ticked at the decades 1, 10, 100, 1k… (mirrored left of 0 for losses), and a y axis
// of whole sellers — or, for a one-seller scenario, of replications, since "0.05 sellers" means
// "in 1 of 20 replications" there.
import * as d3 from 'd3';
import { countText, decadeDomain, decadeLabel, decadeTicks, signedDecadeTicks, wholeTicks } from './ticks.ts';
import { dashedOutline } from './legend.ts';

/** What a bar's height counts: sellers (mean per replication), or replications for a lone seller. */
export interface BarCount {
  /** A bin's count (summed over replications) as the bar's height. */
  of(count: number): number;
  /** The y axis' title, and its short form for a phone. */
  axis: string;
  short: string;
  /** A height in words, for titles and tables: "2.5 sellers", "in 3 of 20 replications". */
  text(height: number): string;
  /** The table's column for it. */
  column: string;
}

/**
 * Heights as sellers per replication; with one seller (in every scenario drawn) and several
 * replications, as the replications whose total fell in the bin, whole numbers.
 */
export function barCount(sellersPerReplication: number[], replications: number): BarCount {
  if (replications > 1 && sellersPerReplication.every((n) => n === 1)) {
    return {
      of: (c) => c, axis: `replications (of ${replications}; one seller)`, short: 'replications', column: 'replications',
      text: (v) => `in ${countText(v)} of ${replications} replications`,
    };
  }
  const mean = replications > 1 ? ' (mean per replication)' : '';
  return { of: (c) => c / replications, axis: `sellers${mean}`, short: replications > 1 ? 'sellers (mean)' : 'sellers', column: `sellers${mean}`, text: (v) => `${countText(v)} sellers${mean}` };
}

/** A log x axis over amounts: decades end to end; signed, losses left of 0 and a break-even bar within ±1. */
export function amountAxis(edges: number[], range: [number, number], signed: boolean) {
  if (!signed) {
    const positive = edges.filter((e) => e > 0);
    const [lo, hi] = positive.length ? decadeDomain(Math.min(...positive), Math.max(...positive)) : [1, 10];
    const x = d3.scaleLog().domain([lo, Math.max(hi, lo * 10)]).range(range);
    return { x: (v: number) => x(v), ticks: decadeTicks(...(x.domain() as [number, number])) };
  }
  const lowest = Math.min(-1, ...edges), highest = Math.max(1, ...edges);
  const lo = lowest < -1 ? -decadeDomain(1, -lowest)[1] : -1, hi = highest > 1 ? decadeDomain(1, highest)[1] : 1;
  const x = d3.scaleSymlog().constant(1).domain([lo, hi]).range(range);
  return { x: (v: number) => x(v), ticks: signedDecadeTicks(lo, hi, 10) };
}

/** The y axis over heights up to `most`: from 0 to at least 1, about `count` ticks at whole numbers only. */
export function countAxis(most: number, range: [number, number], count = 6) {
  const y = d3.scaleLinear().domain([0, Math.max(1, most)]).nice(count).range(range);
  return { y, ticks: wholeTicks(y.domain()[1], count) };
}

/** Draws the x axis' decade ticks at `bottom`, labelled 1, 10, 100, 1k… */
export function decadeAxis(svg: d3.Selection<SVGSVGElement, unknown, null, undefined>, x: (v: number) => number, ticks: number[], bottom: number): void {
  // On a phone, every other decade when they would crowd.
  const room = ticks.length > 1 ? Math.abs(x(ticks[ticks.length - 1]) - x(ticks[0])) / (ticks.length - 1) : Infinity;
  const shown = room < 34 ? ticks.filter((t, i) => t === 0 || i % 2 === ticks.length % 2) : ticks;
  const axis = svg.append('g').attr('class', 'x-axis decades').attr('transform', `translate(0,${bottom})`);
  axis.append('line').attr('x1', x(ticks[0] ?? 1)).attr('x2', x(ticks.at(-1) ?? 1)).attr('stroke', 'currentColor');
  for (const t of shown) {
    const tick = axis.append('g').attr('class', 'tick').attr('transform', `translate(${x(t)},0)`).attr('data-value', t);
    tick.append('line').attr('y2', 6).attr('stroke', 'currentColor');
    tick.append('text').attr('y', 9).attr('dy', '0.71em').attr('text-anchor', 'middle').attr('font-size', 10).attr('fill', 'currentColor').text(decadeLabel(t));
  }
}

/** B's bar at [left, left + w]: a dashed outline over A's, inside A's group so both show one title. */
export function outlineBar(g: d3.Selection<SVGGElement, unknown, null, undefined>, left: number, w: number, y: d3.ScaleLinear<number, number>, height: number): void {
  if (!(height > 0)) return;
  g.append('rect').attr('class', 'compare-bar').attr('x', left).attr('width', w).attr('y', y(height)).attr('height', y(0) - y(height)).call(dashedOutline);
}
