// Chart: seller profit over the season — how many sellers fall in each log-spaced band of loss
// (left, red) and of profit (right, green), from the two log histograms a run reports.
import * as d3 from 'd3';
import type { HistogramSnapshot } from '../../src/engine/histogram.ts';
import { drawAndFollowSize } from './resize.ts';

export interface ProfitData { gains: HistogramSnapshot; losses: HistogramSnapshot; replications: number }

export function profitChart(container: HTMLElement, data: ProfitData): void {
  drawAndFollowSize(container, () => {
    container.replaceChildren();
    const width = container.clientWidth || 800, height = container.clientHeight || 300;
    const margin = { top: 16, right: 16, bottom: 40, left: 64 };
    const edge = (h: HistogramSnapshot, i: number) => h.lower * (h.upper / h.lower) ** (i / h.bins);
    const bars: { lo: number; hi: number; sellers: number }[] = [];
    for (let i = data.losses.bins - 1; i >= 0; i--) {
      if (data.losses.counts[i] > 0) bars.push({ lo: -edge(data.losses, i + 1), hi: -edge(data.losses, i), sellers: data.losses.counts[i] / data.replications });
    }
    const zero = (data.gains.zeros + data.gains.underflow + data.losses.underflow) / data.replications;
    if (zero > 0) bars.push({ lo: -1, hi: 1, sellers: zero });
    for (let i = 0; i < data.gains.bins; i++) {
      if (data.gains.counts[i] > 0) bars.push({ lo: edge(data.gains, i), hi: edge(data.gains, i + 1), sellers: data.gains.counts[i] / data.replications });
    }
    const x = d3.scaleBand().domain(bars.map((_, i) => String(i))).range([margin.left, width - margin.right]).padding(0.1);
    const y = d3.scaleLinear().domain([0, d3.max(bars, (b) => b.sellers) ?? 1]).nice().range([height - margin.bottom, margin.top]);
    const svg = d3.select(container).append('svg').attr('width', width).attr('height', height)
      .attr('role', 'img').attr('aria-label', 'Sellers by season profit');
    const money = d3.format(',.0f');
    bars.forEach((b, i) => {
      svg.append('rect').attr('class', 'profit-bar').attr('x', x(String(i))!).attr('width', x.bandwidth())
        .attr('y', y(b.sellers)).attr('height', y(0) - y(b.sellers))
        .attr('fill', b.hi <= 0 ? '#D55E00' : b.lo >= 0 ? '#009E73' : '#999')
        .append('title').text(`${money(b.lo)} to ${money(b.hi)} CNY: ${d3.format(',.1f')(b.sellers)} sellers`);
    });
    const every = Math.ceil(bars.length / 12);
    svg.append('g').attr('transform', `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).tickValues(x.domain().filter((_, i) => i % every === 0)).tickFormat((i) => d3.format('.2s')((bars[Number(i)].lo + bars[Number(i)].hi) / 2)));
    svg.append('g').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(6));
    svg.append('text').attr('class', 'axis-label').attr('x', (margin.left + width) / 2).attr('y', height - 6).attr('text-anchor', 'middle').text('season profit per seller, CNY (log bands; losses left)');
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${height / 2}) rotate(-90)`).attr('text-anchor', 'middle').text('sellers (mean per replication)');
  });
}
