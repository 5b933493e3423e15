// Chart: cumulative distributions of lead times — ship delay, transit, dock-to-stock and
// order-to-stock — read from the merged histograms, with a line at each lateness tier's hours.
// The key and the read-out sit above the plot; B's lines are dashed in a darker tone.
import * as d3 from 'd3';
import { drawAndFollowSize } from './resize.ts';
import { B_DASH, keyAbove, toneOfB, type LegendEntry } from './legend.ts';
import { registerTable } from './chart-table.ts';
import { seriesName } from '../glossary/series.ts';
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

/** The share of `h`'s cases done within `hours`. */
const doneWithin = (h: HistogramSnapshot, hours: number) => cdfPoints(h, hours).at(-1)![1];
const percent = d3.format('.1%');

export function leadTimesChart(container: HTMLElement, data: LeadTimesData): void {
  const { series, compare, fineLines, maxHours = 168 } = data;
  const all = [...series.map((s) => ({ label: `${s.label}, A`, hist: s.hist })), ...(compare?.series ?? []).map((s) => ({ label: `${s.label}, B`, hist: s.hist }))];
  registerTable(container, {
    caption: `share of orders done within each whole hour up to ${maxHours} h; ${maxHours} rows, the box scrolls`,
    columns: ['within (h)', ...all.map((s) => s.label)],
    rows: Array.from({ length: maxHours }, (_, i) => [String(i + 1), ...all.map((s) => percent(doneWithin(s.hist, i + 1)))]),
  });
  drawAndFollowSize(container, () => {
    container.replaceChildren();
    const width = container.clientWidth || 800;
    const svg = d3.select(container).append('svg').attr('width', width)
      .attr('role', 'img').attr('aria-label', 'Cumulative distributions of lead times');
    const entries: LegendEntry[] = [
      ...series.map((s, i) => ({ label: s.label, colour: COLOURS[i % COLOURS.length], swatch: 'line' as const })),
      ...(compare ? [{ label: `dashed, darker: B, ${compare.label}`, colour: toneOfB(COLOURS[0]), swatch: 'dashed' as const, dash: B_DASH }] : []),
      ...(fineLines.length ? [{ label: seriesName('lateTier'), colour: '#000', swatch: 'dashed' as const, dash: '3 3' }] : []),
    ];
    const { tip, top } = keyAbove(svg, entries, width);
    const margin = { top, right: 16, bottom: 40, left: width < 500 ? 44 : 56 };
    const height = Math.max(container.clientHeight || 300, top + 200);
    svg.attr('height', height);
    const x = d3.scaleLinear().domain([0, maxHours]).range([margin.left, width - margin.right]);
    const y = d3.scaleLinear().domain([0, 1]).range([height - margin.bottom, margin.top]);
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
        .attr('stroke', toneOfB(COLOURS[i % COLOURS.length])).attr('stroke-width', 1.6).attr('stroke-dasharray', B_DASH);
    });
    svg.append('g').attr('transform', `translate(0,${height - margin.bottom})`).call(d3.axisBottom(x).ticks(Math.min(8, Math.floor(width / 60))));
    svg.append('g').attr('class', 'y-axis').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(5, '%'));
    svg.append('text').attr('class', 'axis-label').attr('x', (margin.left + width) / 2).attr('y', height - 6).attr('text-anchor', 'middle').text('hours');
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(12,${(margin.top + height - margin.bottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle').text('share of orders done');
    // Exact shares done at the hovered hour, A's then B's, in the read-out row above the key.
    const sharesDone = (list: LeadTimeSeries[], hour: number) => list.map((s) => `${s.label} ${percent(doneWithin(s.hist, hour))}`).join(', ');
    svg.on('mousemove', (event: MouseEvent) => {
      const hour = Math.max(0, x.invert(d3.pointer(event)[0]));
      tip.text(`within ${hour.toFixed(1)} h: ${sharesDone(series, hour)}` + (compare ? `; B: ${sharesDone(compare.series, hour)}` : ''));
    });
  });
}
