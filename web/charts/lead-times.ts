// Chart: cumulative distributions of lead times — ship delay, transit, dock-to-stock and
// order-to-stock — read from the merged histograms, with a line at each lateness tier's hours.
import * as d3 from 'd3';
import { drawAndFollowSize } from './resize.ts';
import { legend } from './legend.ts';
import type { HistogramSnapshot } from '../../src/engine/index.ts';

export interface LeadTimeSeries { label: string; hist: HistogramSnapshot }

const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#D55E00']; // Okabe–Ito

/** Points (hours, share done) of a linear histogram's cumulative distribution. */
export function cdfPoints(h: HistogramSnapshot, upTo: number): [number, number][] {
  const total = h.count || 1, width = (h.upper - h.lower) / h.bins;
  const points: [number, number][] = [[h.lower, h.underflow / total]];
  let cum = h.underflow;
  for (let i = 0; i < h.bins && h.lower + i * width < upTo; i++) {
    cum += h.counts[i];
    points.push([h.lower + (i + 1) * width, cum / total]);
  }
  return points;
}

export interface LeadTimesData {
  series: LeadTimeSeries[];
  /** Another scenario's same series in the same order (compare mode), each dashed in its A counterpart's colour. */
  compare?: { label: string; series: LeadTimeSeries[] };
  /** The scenario's lateness tiers (hours after the order): a dashed line at each. */
  fineLines: number[];
  /** Hours the x axis spans; 168 (a week) unless given. */
  maxHours?: number;
}

export function leadTimesChart(container: HTMLElement, data: LeadTimesData): void {
  const { series, compare, fineLines, maxHours = 168 } = data;
  drawAndFollowSize(container, () => {
    container.replaceChildren();
    const width = container.clientWidth || 800, height = container.clientHeight || 300;
    const margin = { top: 16, right: 16, bottom: 40, left: 56 };
    const x = d3.scaleLinear().domain([0, maxHours]).range([margin.left, width - margin.right]);
    const y = d3.scaleLinear().domain([0, 1]).range([height - margin.bottom, margin.top]);
    const svg = d3.select(container).append('svg').attr('width', width).attr('height', height)
      .attr('role', 'img').attr('aria-label', 'Cumulative distributions of lead times');
    for (const h of fineLines.filter((t) => t <= maxHours)) {
      svg.append('line').attr('x1', x(h)).attr('x2', x(h)).attr('y1', margin.top).attr('y2', height - margin.bottom).attr('stroke', '#000').attr('stroke-dasharray', '3 3');
      svg.append('text').attr('x', x(h) + 4).attr('y', height - margin.bottom - 6).attr('class', 'axis-label').text(`${h} h`);
    }
    const line = d3.line<[number, number]>().x((p) => x(Math.min(p[0], maxHours))).y((p) => y(p[1]));
    series.forEach((s, i) => {
      svg.append('path').attr('class', 'cdf').attr('d', line(cdfPoints(s.hist, maxHours))).attr('fill', 'none').attr('stroke', COLOURS[i % COLOURS.length]).attr('stroke-width', 1.5);
    });
    compare?.series.forEach((s, i) => {
      svg.append('path').attr('class', 'compare-cdf').attr('d', line(cdfPoints(s.hist, maxHours))).attr('fill', 'none')
        .attr('stroke', COLOURS[i % COLOURS.length]).attr('stroke-width', 1.5).attr('stroke-dasharray', '4 3');
    });
    svg.append('g').attr('transform', `translate(0,${height - margin.bottom})`).call(d3.axisBottom(x).ticks(8));
    svg.append('g').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(5, '%'));
    svg.append('text').attr('class', 'axis-label').attr('x', (margin.left + width) / 2).attr('y', height - 6).attr('text-anchor', 'middle').text('hours');
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${height / 2}) rotate(-90)`).attr('text-anchor', 'middle').text('share of orders done');
    // Exact shares done at the hovered hour; B's on a line of their own, as one line would not fit.
    const tip = (line: number) => svg.append('text').attr('class', 'axis-label').attr('x', width - margin.right - 4).attr('y', margin.top + 10 + 14 * line).attr('text-anchor', 'end');
    const tipA = tip(0), tipB = compare && tip(1);
    const sharesDone = (list: LeadTimeSeries[], hour: number) => list.map((s) => `${s.label} ${d3.format('.1%')(cdfPoints(s.hist, hour).at(-1)![1])}`).join(', ');
    svg.on('mousemove', (event: MouseEvent) => {
      const hour = Math.max(0, x.invert(d3.pointer(event)[0]));
      tipA.text(`within ${hour.toFixed(1)} h: ${sharesDone(series, hour)}`);
      if (compare && tipB) tipB.text(`B: ${sharesDone(compare.series, hour)}`);
    });
    const entries = [
      ...series.map((s, i) => ({ label: s.label, colour: COLOURS[i % COLOURS.length] })),
      ...(compare ? [{ label: `dashed: ${compare.label}`, colour: '#000', swatch: 'dashed' as const }] : []),
    ];
    legend(svg, entries, { x: width - margin.right, y: height - margin.bottom - 16 * entries.length - 8, anchor: 'end' });
  });
}
