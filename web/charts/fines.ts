// Chart: fines per seller over the season — how many sellers fall in each log-spaced band of
// total fines (zero-fine sellers apart, on the left), each bar split by cause in proportion to
// the fines of that cause in the band, with the deposit marked.
import * as d3 from 'd3';
import { drawAndFollowSize } from './resize.ts';
import type { HistogramSnapshot } from '../../src/engine/histogram.ts';

export interface FinesData {
  /** Sellers per band of season fines (log bins, zeros apart), summed over `replications`. */
  perSeller: HistogramSnapshot;
  /** CNY of each cause in the band of its seller's total, same bins. */
  byCause: { cause: string; hist: HistogramSnapshot }[];
  replications: number;
  depositCny: number;
}

const CAUSE_COLOURS = ['#E69F00', '#D55E00', '#0072B2', '#CC79A7', '#009E73', '#56B4E9']; // Okabe–Ito

export function finesChart(container: HTMLElement, data: FinesData): void {
  drawAndFollowSize(container, () => {
    container.replaceChildren();
    const width = container.clientWidth || 800, height = container.clientHeight || 340;
    const margin = { top: 16, right: 16, bottom: 40, left: 64 };
    const { perSeller, byCause, replications } = data;
    // Keep the bins that hold sellers, plus a "no fine" bar.
    const bars: { label: string; lo: number; hi: number; sellers: number; shares: number[] }[] = [];
    bars.push({ label: '0', lo: 0, hi: 0, sellers: perSeller.zeros / replications, shares: byCause.map(() => 0) });
    const edges = Array.from({ length: perSeller.bins + 1 }, (_, i) => perSeller.lower * (perSeller.upper / perSeller.lower) ** (i / perSeller.bins));
    for (let i = 0; i < perSeller.bins; i++) {
      if (perSeller.counts[i] === 0) continue;
      const amounts = byCause.map((c) => c.hist.counts[i]);
      const total = amounts.reduce((a, b) => a + b, 0) || 1;
      bars.push({ label: d3.format('.2s')(edges[i]), lo: edges[i], hi: edges[i + 1], sellers: perSeller.counts[i] / replications, shares: amounts.map((a) => a / total) });
    }
    const x = d3.scaleBand().domain(bars.map((_, i) => String(i))).range([margin.left, width - margin.right]).padding(0.1);
    const y = d3.scaleLinear().domain([0, d3.max(bars, (b) => b.sellers) ?? 1]).nice().range([height - margin.bottom, margin.top]);
    const svg = d3.select(container).append('svg').attr('width', width).attr('height', height)
      .attr('role', 'img').attr('aria-label', 'Sellers by season fines, split by cause');
    bars.forEach((b, i) => {
      let base = 0;
      const g = svg.append('g').attr('class', 'fine-bar');
      g.append('title').text(`${b.hi ? `${d3.format(',.0f')(b.lo)}–${d3.format(',.0f')(b.hi)} CNY` : 'no fine'}: ${d3.format(',.1f')(b.sellers)} sellers` +
        byCause.map((c, k) => `\n${c.cause}: ${d3.format('.0%')(b.shares[k])}`).join(''));
      const parts = b.hi ? b.shares : [1];
      parts.forEach((share, k) => {
        const h = b.sellers * share;
        g.append('rect').attr('x', x(String(i))!).attr('width', x.bandwidth())
          .attr('y', y(base + h)).attr('height', Math.max(0, y(base) - y(base + h)))
          .attr('fill', b.hi ? CAUSE_COLOURS[k % CAUSE_COLOURS.length] : '#999');
        base += h;
      });
    });
    // The deposit sits in the first band whose upper edge exceeds it.
    const depositBar = bars.findIndex((b) => b.hi > data.depositCny && b.lo <= data.depositCny);
    if (depositBar >= 0) {
      const at = x(String(depositBar))! + x.bandwidth() / 2;
      svg.append('line').attr('x1', at).attr('x2', at).attr('y1', margin.top).attr('y2', height - margin.bottom).attr('stroke', '#000').attr('stroke-dasharray', '3 3');
      svg.append('text').attr('x', at + 4).attr('y', margin.top + 10).attr('class', 'axis-label').text(`deposit ${d3.format(',')(data.depositCny)} CNY`);
    }
    svg.append('g').attr('transform', `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).tickFormat((i) => bars[Number(i)].label).tickValues(x.domain().filter((_, i) => i % Math.ceil(bars.length / 16) === 0)));
    svg.append('g').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(6));
    svg.append('text').attr('class', 'axis-label').attr('x', (margin.left + width) / 2).attr('y', height - 6).attr('text-anchor', 'middle').text('season fines per seller, CNY (log bands)');
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${height / 2}) rotate(-90)`).attr('text-anchor', 'middle').text('sellers (mean per replication)');
    const legend = svg.append('g').attr('transform', `translate(${width - margin.right - 150},${margin.top + 4})`);
    byCause.forEach((c, k) => {
      legend.append('rect').attr('y', k * 16).attr('width', 12).attr('height', 10).attr('fill', CAUSE_COLOURS[k % CAUSE_COLOURS.length]);
      legend.append('text').attr('x', 16).attr('y', k * 16 + 9).attr('class', 'axis-label').text(c.cause);
    });
  });
}
