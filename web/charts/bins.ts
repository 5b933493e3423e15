// The bands a bar chart of a histogram draws — the bins that hold anything in scenario A or, in
// compare mode, in B — with their frame and B's outline, so that A's bars and B's outlines
// stand over the same bands in the fines and profit charts alike.
import * as d3 from 'd3';
import type { HistogramSnapshot } from '../../src/engine/index.ts';
import { dashedOutline } from './legend.ts';

/** One bin in use: its index, its edges, and its count in A and in B (0 without B). */
export interface Band { bin: number; lo: number; hi: number; a: number; b: number }

/** Whether two histograms have the same bins, so that bin i means the same range in both. */
export function sameBins(a: HistogramSnapshot, b: HistogramSnapshot): boolean {
  return a.kind === b.kind && a.lower === b.lower && a.upper === b.upper && a.bins === b.bins;
}

/** Edge i of a histogram's bins (0 is its lower bound, `bins` its upper). */
export function binEdge(h: HistogramSnapshot, i: number): number {
  return h.kind === 'log' ? h.lower * (h.upper / h.lower) ** (i / h.bins) : h.lower + (i * (h.upper - h.lower)) / h.bins;
}

/**
 * The bins non-empty in `a` or in `b`, lowest first. Throws if `b` is binned differently: a
 * caller that may meet such a B must check `sameBins` first and leave B out.
 */
export function bandsInUse(a: HistogramSnapshot, b?: HistogramSnapshot): Band[] {
  if (b && !sameBins(a, b)) {
    throw new RangeError(`bandsInUse: B is binned differently (${b.kind} ${b.lower}..${b.upper} in ${b.bins}) from A (${a.kind} ${a.lower}..${a.upper} in ${a.bins})`);
  }
  const bands: Band[] = [];
  for (let i = 0; i < a.bins; i++) {
    const inB = b ? b.counts[i] : 0;
    if (a.counts[i] > 0 || inB > 0) bands.push({ bin: i, lo: binEdge(a, i), hi: binEdge(a, i + 1), a: a.counts[i], b: inB });
  }
  return bands;
}

/** A bar of a banded chart: A's sellers in it, and B's (0 without B). */
export interface BandBar { sellers: number; b: number }

export interface BandFrame {
  x: d3.ScaleBand<string>;
  y: d3.ScaleLinear<number, number>;
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
}

/**
 * The frame of a banded bar chart in `container`: one x band a bar, y up to the tallest of A's
 * bars and B's outlines, and the svg, labelled for screen readers.
 */
export function bandFrame(container: HTMLElement, bars: BandBar[], size: { width: number; height: number },
  margin: { top: number; right: number; bottom: number; left: number }, label: string): BandFrame {
  const x = d3.scaleBand().domain(bars.map((_, i) => String(i))).range([margin.left, size.width - margin.right]).padding(0.1);
  const y = d3.scaleLinear().domain([0, d3.max(bars, (b) => Math.max(b.sellers, b.b)) ?? 1]).nice().range([size.height - margin.bottom, margin.top]);
  const svg = d3.select(container).append('svg').attr('width', size.width).attr('height', size.height).attr('role', 'img').attr('aria-label', label);
  return { x, y, svg };
}

/** B's bar over band `i`, as a dashed outline inside A's bar's group (so both show one title). */
export function compareBar(g: d3.Selection<SVGGElement, unknown, null, undefined>, { x, y }: BandFrame, i: number, sellers: number): void {
  if (!(sellers > 0)) return;
  g.append('rect').attr('class', 'compare-bar').attr('x', x(String(i))!).attr('width', x.bandwidth())
    .attr('y', y(sellers)).attr('height', y(0) - y(sellers)).call(dashedOutline);
}
