// Hourly series over a season, each its mean over replications as a line in a P5–P95 band, in China
// time, with horizontal rules (zero, a threshold) and dated marks: the frame the seller view's two
// charts share. The key and the hover read-out sit above the plot, so that neither hides the data.
// Its table (the "Table" toggle, web/chart-frames.ts) has a row an hour, a column a series' mean.
import * as d3 from 'd3';
import type { HourlyBand } from '../../src/experiment/summary.ts';
import type { Mark } from '../peak-days.ts';
import { cell, registerTable } from './chart-table.ts';
import { chinaClock, chinaHour, chinaScale, chinaTick, chinaTimeLabel, stampTicks } from './china-time.ts';
import { legend } from './legend.ts';
import { drawAndFollowSize } from './resize.ts';

export interface BandedSeries {
  /** Names the line's class (`line-${key}`), for tests and readers of exported SVGs. */
  key: string;
  label: string;
  /** Its name in the hover read-out, which has one line for all the series. */
  short: string;
  colour: string;
  band: HourlyBand;
}

export interface SeasonBandsData {
  seasonStart: string;
  series: BandedSeries[];
  /** The chart's title, for screen readers and exported files. */
  title: string;
  yLabel: string;
  /** The series' unit in the table's column heads ("units", "CNY"), and the decimals its cells keep. */
  unit: string;
  digits: number;
  /** A value as the hover read-out gives it. */
  format: (v: number) => string;
  /** Horizontal lines across the plot: solid grey for a baseline (zero), dashed and in the key for a threshold. */
  rules?: { value: number; label: string; dashed: boolean }[];
  /** China dates marked at their first hour (Black Friday, Cyber Monday). */
  marks: Mark[];
  replications: number;
}

const ROW = 16;
const hourLabel = d3.utcFormat('%b %d %H:00');

export function seasonBandsChart(container: HTMLElement, data: SeasonBandsData): void {
  registerTable(container, bandsTable(data));
  drawAndFollowSize(container, () => {
    container.replaceChildren();
    const width = container.clientWidth || 800;
    const svg = d3.select(container).append('svg').attr('width', width).attr('role', 'img').attr('aria-label', data.title);
    svg.append('title').text(data.title);
    // Above the plot: the hover read-out's row, the key (side by side, wrapping on a phone), the marks' labels.
    const rules = data.rules ?? [];
    const spread = data.replications > 1 ? `means of ${data.replications} replications, P5–P95 shaded` : 'one replication';
    const left = width < 500 ? 4 : 64;
    const keyHeight = legend(svg, [
      ...data.series.map((s) => ({ label: s.label, colour: s.colour })),
      ...rules.filter((r) => r.dashed).map((r) => ({ label: r.label, colour: '#000', swatch: 'dashed' as const })),
      { label: spread, colour: 'none' },
    ], { x: left, y: ROW + 4, flow: width - left - 4 });
    const marksAt = ROW + 4 + keyHeight + 12;
    const margin = { top: marksAt + 6, right: 16, bottom: 36, left: 64 };
    const height = Math.max(container.clientHeight || 340, margin.top + 180);
    svg.attr('height', height);
    const clock = chinaClock(data.seasonStart), time = clock.at;
    const hours = data.series[0].band.mean.length;
    const x = chinaScale().domain([time(0), time(hours)]).range([margin.left, width - margin.right]);
    const values = [...data.series.flatMap((s) => [...s.band.p5, ...s.band.p95]), ...rules.map((r) => r.value), 0];
    const y = d3.scaleLinear().domain([d3.min(values)!, Math.max(1, d3.max(values)!)]).nice().range([height - margin.bottom, margin.top]);

    for (const r of rules) {
      svg.append('line').attr('class', 'rule').attr('x1', margin.left).attr('x2', width - margin.right).attr('y1', y(r.value)).attr('y2', y(r.value))
        .attr('stroke', r.dashed ? '#000' : '#888').attr('stroke-width', r.dashed ? 1.2 : 1).attr('stroke-dasharray', r.dashed ? '4 2' : null);
    }
    const marks = data.marks.map((m) => ({ label: m.label, at: x(time(clock.dayStart(m.date))) }));
    for (const m of marks) {
      svg.append('line').attr('class', 'peak-mark').attr('x1', m.at).attr('x2', m.at).attr('y1', margin.top).attr('y2', height - margin.bottom)
        .attr('stroke', '#000').attr('stroke-dasharray', '3 3').attr('opacity', 0.6);
    }
    markLabels(svg, marks, marksAt, width);
    const hour = (_: number, h: number) => x(time(h + 1)); // entry h is the state at the end of hour h
    for (const s of data.series) {
      const { p5, p95, mean } = s.band;
      if (data.replications > 1) {
        const area = d3.area<number>().x(hour).y0((_, h) => y(p5[h])).y1((_, h) => y(p95[h]));
        svg.append('path').attr('class', `band-${s.key}`).attr('d', area(Array.from(mean))).attr('fill', s.colour).attr('opacity', 0.2);
      }
      const line = d3.line<number>().x(hour).y((v) => y(v));
      svg.append('path').attr('class', `line-${s.key}`).attr('d', line(Array.from(mean)))
        .attr('fill', 'none').attr('stroke', s.colour).attr('stroke-width', 1.5);
    }

    svg.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).ticks(Math.min(8, Math.floor(width / 90))).tickFormat((t) => chinaTick(t as Date))).call(stampTicks);
    chinaTimeLabel(svg, width - margin.right, height);
    svg.append('g').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(6).tickFormat(d3.format(',~s')));
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${(margin.top + height - margin.bottom) / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle').text(data.yLabel);

    // Exact values on hover, in the row above the key.
    const tip = svg.append('text').attr('class', 'axis-label readout').attr('x', left).attr('y', 12);
    const cursor = svg.append('line').attr('y1', margin.top).attr('y2', height - margin.bottom).attr('stroke', '#666').attr('visibility', 'hidden');
    svg.on('mousemove', (event: MouseEvent) => {
      const h = Math.max(0, Math.min(hours - 1, Math.floor(clock.hourOf(x.invert(d3.pointer(event)[0])))));
      cursor.attr('x1', x(time(h + 1))).attr('x2', x(time(h + 1))).attr('visibility', 'visible');
      tip.text(`${hourLabel(time(h + 1))}: ${data.series.map((s) => `${s.short} ${data.format(s.band.mean[h])}`).join(', ')}`);
    });
    svg.on('mouseleave', () => { tip.text(''); cursor.attr('visibility', 'hidden'); });
  });
}

/** The table of the chart: a row an hour, labelled by its end as the read-out is, a column a series' mean. */
function bandsTable(data: SeasonBandsData) {
  const time = chinaClock(data.seasonStart).at, hours = data.series[0].band.mean.length;
  const spread = data.replications > 1 ? `means of ${data.replications} replications` : 'one replication';
  const thresholds = (data.rules ?? []).filter((r) => r.dashed).map((r) => `; ${r.label}`).join('');
  return {
    caption: `hour by hour (China time), at the end of each hour, ${spread}${thresholds}; ${hours.toLocaleString('en')} rows, the box scrolls`,
    columns: ['End of hour', ...data.series.map((s) => `${s.short}, ${data.unit}`)],
    rows: Array.from({ length: hours }, (_, h) => [chinaHour(time(h + 1)), ...data.series.map((s) => cell(s.band.mean[h], data.digits))]),
  };
}

/**
 * Labels the marks on the row at `y`: each beside its line, neighbours (days apart) leaning away
 * from each other; where they would run into each other or off the chart (a phone), one label for
 * all, as near their middle as fits.
 */
function markLabels(svg: d3.Selection<SVGSVGElement, unknown, null, undefined>, marks: { label: string; at: number }[], y: number, width: number): void {
  const texts = marks.map((m, i) => svg.append('text').attr('class', 'axis-label mark-label').attr('y', y)
    .attr('x', m.at + (i % 2 ? 3 : -3)).attr('text-anchor', i % 2 ? 'start' : 'end').text(m.label));
  const boxes = texts.map((t) => t.node()!.getBBox());
  const fits = boxes.every((b, i) => b.x >= 0 && b.x + b.width <= width && (i === 0 || b.x >= boxes[i - 1].x + boxes[i - 1].width + 6));
  if (fits || marks.length < 2) return;
  for (const t of texts) t.remove();
  const all = svg.append('text').attr('class', 'axis-label mark-label').attr('y', y).text(marks.map((m) => m.label).join(' · '));
  const length = all.node()!.getComputedTextLength();
  const middle = (marks[0].at + marks[marks.length - 1].at) / 2;
  all.attr('x', Math.max(0, Math.min(width - length - 2, middle - length / 2)));
}
