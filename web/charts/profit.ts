// Chart: seller profit over the season, one small panel a seller class that has sellers — how many
// of its sellers fall in each log-spaced band of loss (left of 0, red) and of profit (right,
// green), each bar at its own edges on a signed decade axis shared by the panels, as is the y axis;
// break-even sellers in a grey bar at 0. In compare mode, scenario B's sellers per band (same class)
// are a dashed outline over A's bar. The key sits above the panels.
import * as d3 from 'd3';
import type { HistogramSnapshot } from '../../src/engine/index.ts';
import { drawAndFollowSize } from './resize.ts';
import { bandsInUse, sameBins } from './bins.ts';
import { keyAbove, type LegendEntry } from './legend.ts';
import { amountAxis, barCount, countAxis, decadeAxis, outlineBar, type BarCount } from './log-bars.ts';
import { countFormat } from './ticks.ts';
import { registerTable } from './chart-table.ts';
import { seriesName } from '../glossary/series.ts';

/** One class's profit: the two log histograms of its sellers over the replications. */
export interface ClassProfit { name: string; gains: HistogramSnapshot; losses: HistogramSnapshot }

/** One scenario's profit, as the chart reads it: the classes that have sellers. */
interface SellerProfit { classes: ClassProfit[]; replications: number }

export interface ProfitData extends SellerProfit {
  /** Another scenario's profit (compare mode); left out, with a note, if binned differently from A's. */
  compare?: SellerProfit & { label: string };
}

const COLOURS = { loss: '#D55E00', gain: '#009E73', even: '#999' }; // Okabe–Ito
const PANEL = 150, GAP = 44;

/** Sellers (summed over replications) who neither gained nor lost a whole yuan. */
const breakingEven = (d: ClassProfit) => d.gains.zeros + d.gains.underflow + d.losses.underflow;
const sellersIn = (d: SellerProfit) => d3.sum(d.classes, (c) => c.gains.count + c.losses.count) / d.replications;
const money = d3.format(',.0f');
const cny = (v: number) => money(v).replace('-', '−');

interface Bar { lo: number; hi: number; a: number; b: number }

/** A class's bars, losses first: A's count and B's (0 without B) in each band either has. */
function barsOf(a: ClassProfit | undefined, b: ClassProfit | undefined, count: BarCount, like: ClassProfit): Bar[] {
  const bars: Bar[] = [];
  const [ga, la] = [a?.gains ?? empty(like.gains), a?.losses ?? empty(like.losses)];
  for (const band of bandsInUse(la, b?.losses).reverse()) bars.push({ lo: -band.hi, hi: -band.lo, a: count.of(band.a), b: count.of(band.b) });
  const zero = a ? breakingEven(a) : 0, zeroB = b ? breakingEven(b) : 0;
  if (zero > 0 || zeroB > 0) bars.push({ lo: -1, hi: 1, a: count.of(zero), b: count.of(zeroB) });
  for (const band of bandsInUse(ga, b?.gains)) bars.push({ lo: band.lo, hi: band.hi, a: count.of(band.a), b: count.of(band.b) });
  return bars;
}
/** A histogram binned as `h`, holding nothing (a class B has and A has not). */
const empty = (h: HistogramSnapshot): HistogramSnapshot => ({ ...h, counts: new Float64Array(h.bins), underflow: 0, overflow: 0, zeros: 0, count: 0, sum: 0 });

export function profitChart(container: HTMLElement, data: ProfitData): void {
  const [like] = data.classes;
  // A band must mean the same amounts in A and B for B's outline to stand over A's bar.
  const other = data.compare && data.compare.classes.every((c) => sameBins(like.gains, c.gains) && sameBins(like.losses, c.losses)) ? data.compare : undefined;
  const count = barCount([data, ...(other ? [other] : [])].map(sellersIn), data.replications);
  const names = [...new Set([...data.classes, ...(other?.classes ?? [])].map((c) => c.name))];
  const panels = names.map((name) => ({
    name, bars: barsOf(data.classes.find((c) => c.name === name), other?.classes.find((c) => c.name === name), count, like),
  }));
  const colour = (b: Bar) => (b.hi <= 0 ? COLOURS.loss : b.lo >= 0 ? COLOURS.gain : COLOURS.even);
  registerTable(container, {
    caption: `one row a seller class and band of season profit (20 bands a decade), losses first; ${count.column}`,
    columns: ['class', 'season profit per seller', `${count.column}, A`, ...(other ? [`${count.column}, B`] : [])],
    rows: panels.flatMap((p) => p.bars.map((b) => [p.name, `${cny(b.lo)} to ${cny(b.hi)} CNY`, count.text(b.a), ...(other ? [count.text(b.b)] : [])])),
  });
  drawAndFollowSize(container, () => {
    container.replaceChildren();
    const width = container.clientWidth || 800;
    const svg = d3.select(container).append('svg').attr('width', width).attr('role', 'img').attr('aria-label', 'Sellers by season profit, by seller class');
    const all = panels.flatMap((p) => p.bars);
    const entries: LegendEntry[] = [
      { label: seriesName('profitLoss'), colour: COLOURS.loss },
      ...(all.some((b) => b.lo === -1 && b.hi === 1) ? [{ label: seriesName('breakEven'), colour: COLOURS.even }] : []),
      { label: seriesName('profitGain'), colour: COLOURS.gain },
    ];
    if (other) entries.push({ label: `dashed outline: B, ${other.label}`, colour: '#000', swatch: 'outline' });
    // A row with a blank swatch says why B is missing, where the reader looks for it.
    else if (data.compare) entries.push({ label: `${data.compare.label} not drawn: its profits are banded differently`, colour: 'none' });
    const { top } = keyAbove(svg, entries, width);
    const margin = { top, right: 16, bottom: 40, left: width < 500 ? 44 : 64 };
    const height = top + panels.length * (PANEL + GAP) - GAP + margin.bottom;
    svg.attr('height', height);
    // Shared axes: one amount scale and one count scale for every class's panel.
    const { x, ticks } = amountAxis(all.flatMap((b) => [b.lo, b.hi]), [margin.left, width - margin.right], true);
    const most = d3.max(all, (b) => Math.max(b.a, b.b)) ?? 1;
    panels.forEach((p, k) => {
      const panelTop = top + k * (PANEL + GAP);
      const { y, ticks: yTicks } = countAxis(most, [panelTop + PANEL, panelTop + 14]);
      const g = svg.append('g').attr('class', 'profit-panel').attr('data-class', p.name);
      g.append('text').attr('class', 'axis-label class-name').attr('x', margin.left + 4).attr('y', panelTop + 8).attr('font-weight', 600).text(`${p.name} sellers`);
      for (const b of p.bars) {
        // One group a band, so that hovering A's bar or B's outline shows the same title.
        const band = g.append('g').attr('class', 'profit-band');
        band.append('title').text(`${p.name}, ${cny(b.lo)} to ${cny(b.hi)} CNY: ${count.text(b.a)}` + (other ? `\nB (${other.label}): ${count.text(b.b)}` : ''));
        const left = x(b.lo), w = Math.max(1, x(b.hi) - x(b.lo) - 0.5);
        band.append('rect').attr('class', 'profit-bar').attr('x', left).attr('width', w)
          .attr('y', y(b.a)).attr('height', y(0) - y(b.a)).attr('fill', colour(b));
        outlineBar(band, left, w, y, b.b);
      }
      decadeAxis(svg, x, ticks, panelTop + PANEL);
      g.append('g').attr('class', 'y-axis').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).tickValues(yTicks).tickFormat(countFormat(width)));
    });
    svg.append('text').attr('class', 'axis-label').attr('x', (margin.left + width) / 2).attr('y', height - 4).attr('text-anchor', 'middle').text(width < 500 ? 'profit per seller, CNY (log)' : `${seriesName('profitPerSeller').toLowerCase()}, CNY (signed log scale; losses left of 0)`);
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(12,${(top + height - margin.bottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle').text(width < 500 ? count.short : count.axis);
  });
}
