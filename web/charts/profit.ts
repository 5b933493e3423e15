// Chart: seller profit over the season — how many sellers fall in each log-spaced band of loss
// (left, red) and of profit (right, green), from the two log histograms a run reports. In
// compare mode, scenario B's sellers per band are a dashed outline over A's bar.
import * as d3 from 'd3';
import type { HistogramSnapshot } from '../../src/engine/index.ts';
import { drawAndFollowSize } from './resize.ts';
import { bandFrame, bandsInUse, compareBar, sameBins } from './bins.ts';
import { legend } from './legend.ts';

/** One scenario's profit, as the chart reads it. */
interface SellerProfit { gains: HistogramSnapshot; losses: HistogramSnapshot; replications: number }

export interface ProfitData extends SellerProfit {
  /** Another scenario's profit (compare mode); left out, with a note, if binned differently from A's. */
  compare?: SellerProfit & { label: string };
}

/** Sellers per replication who neither gained nor lost a whole yuan. */
const breakingEven = (d: SellerProfit) => (d.gains.zeros + d.gains.underflow + d.losses.underflow) / d.replications;

export function profitChart(container: HTMLElement, data: ProfitData): void {
  drawAndFollowSize(container, () => {
    container.replaceChildren();
    const width = container.clientWidth || 800, height = container.clientHeight || 300;
    const margin = { top: 16, right: 16, bottom: 40, left: 64 };
    // A band must mean the same amounts in A and B for B's outline to stand over A's bar.
    const other = data.compare && sameBins(data.gains, data.compare.gains) && sameBins(data.losses, data.compare.losses) ? data.compare : undefined;
    const perRep = (count: number, d: SellerProfit | undefined) => (d ? count / d.replications : 0);
    const bars: { lo: number; hi: number; sellers: number; b: number }[] = [];
    for (const band of bandsInUse(data.losses, other?.losses).reverse()) {
      bars.push({ lo: -band.hi, hi: -band.lo, sellers: perRep(band.a, data), b: perRep(band.b, other) });
    }
    const zero = breakingEven(data), zeroB = other ? breakingEven(other) : 0;
    if (zero > 0 || zeroB > 0) bars.push({ lo: -1, hi: 1, sellers: zero, b: zeroB });
    for (const band of bandsInUse(data.gains, other?.gains)) {
      bars.push({ lo: band.lo, hi: band.hi, sellers: perRep(band.a, data), b: perRep(band.b, other) });
    }
    const frame = bandFrame(container, bars, { width, height }, margin, 'Sellers by season profit');
    const { x, y, svg } = frame;
    const money = d3.format(',.0f'), sellers = d3.format(',.1f');
    bars.forEach((b, i) => {
      // One group a band, so that hovering A's bar or B's outline shows the same title.
      const g = svg.append('g').attr('class', 'profit-band');
      g.append('title').text(`${money(b.lo)} to ${money(b.hi)} CNY: ${sellers(b.sellers)} sellers` + (other ? `\nB (${other.label}): ${sellers(b.b)} sellers` : ''));
      g.append('rect').attr('class', 'profit-bar').attr('x', x(String(i))!).attr('width', x.bandwidth())
        .attr('y', y(b.sellers)).attr('height', y(0) - y(b.sellers))
        .attr('fill', b.hi <= 0 ? '#D55E00' : b.lo >= 0 ? '#009E73' : '#999');
      compareBar(g, frame, i, b.b);
    });
    const every = Math.ceil(bars.length / 12);
    svg.append('g').attr('transform', `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).tickValues(x.domain().filter((_, i) => i % every === 0)).tickFormat((i) => d3.format('.2s')((bars[Number(i)].lo + bars[Number(i)].hi) / 2)));
    svg.append('g').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(6));
    svg.append('text').attr('class', 'axis-label').attr('x', (margin.left + width) / 2).attr('y', height - 6).attr('text-anchor', 'middle').text('season profit per seller, CNY (log bands; losses left)');
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${height / 2}) rotate(-90)`).attr('text-anchor', 'middle').text('sellers (mean per replication)');
    // Colours and sides speak for A; only B needs a key, or, when it is left out, a row with a
    // blank swatch saying why, where the reader looks for it.
    const key = other ? { label: `dashed outline: ${other.label}`, colour: '#000', swatch: 'outline' as const }
      : data.compare && { label: `${data.compare.label} not drawn: its profits are banded differently`, colour: 'none' };
    if (key) legend(svg, [key], { x: width - margin.right, y: margin.top + 4, anchor: 'end' });
  });
}
