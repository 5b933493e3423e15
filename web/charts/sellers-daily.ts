// Chart: orders and sellers day by day — orders placed each China day (top panel) and, below on
// the same days, the sellers active that day (they accepted an order) and the sellers suspended at
// its end: means per replication (docs/results.md, daily.csv). B dashed in a darker tone, on A's dates.
import * as d3 from 'd3';
import type { HourlyBand } from '../../src/experiment/summary.ts';
import { drawAndFollowSize } from './resize.ts';
import { B_DASH, keyAbove, toneOfB, type LegendEntry } from './legend.ts';
import { chinaClock, chinaScale, chinaTick, chinaTimeLabel, stampTicks } from './china-time.ts';
import { onClockOf } from './align.ts';
import { cell, registerTable } from './chart-table.ts';
import { countText, wholeTicks } from './ticks.ts';
import { seriesName } from '../glossary/series.ts';
import type { Mark } from '../peak-days.ts';

/** One run's daily series bands (summary.daily: entry d is China day d of its season), of which the chart reads three. */
export interface DailyRun { label: string; seasonStart: string; daily: Record<string, HourlyBand> }

export interface SellersDailyData {
  /** A first; in compare mode B second. */
  runs: DailyRun[];
  marks: Mark[];
}

const COLOURS = { ordersPlaced: '#0072B2', activeSellers: '#009E73', sellersSuspended: '#D55E00' }; // Okabe–Ito
type Key = keyof typeof COLOURS;
const PANEL = 150, GAP = 28;
const dayLabel = d3.utcFormat('%Y-%m-%d');

/** B's days laid on A's (NaN where B's season has no such day); undefined when they share none. */
const onADays = (a: DailyRun, run: DailyRun, key: Key) => onClockOf(a.seasonStart, a.daily.ordersPlaced.mean.length, run.seasonStart, run.daily[key].mean, 24);

export function sellersDailyChart(container: HTMLElement, data: SellersDailyData): void {
  const [a, b] = data.runs;
  const days = a.daily.ordersPlaced.mean.length;
  const keys: Key[] = ['ordersPlaced', 'activeSellers', 'sellersSuspended'];
  const series = (key: Key) => [a.daily[key].mean, ...(b ? [onADays(a, b, key)].filter((v): v is Float64Array => !!v) : [])];
  const time = chinaClock(a.seasonStart).at;
  const withB = !!b && series('ordersPlaced').length > 1;
  registerTable(container, {
    caption: `one row a China day, means per replication; ${days} rows`,
    columns: ['China day', ...keys.map((k) => `${seriesName(k)}, A`), ...(withB ? keys.map((k) => `${seriesName(k)}, B`) : [])],
    rows: Array.from({ length: days }, (_, d) => [dayLabel(time(d * 24)), ...keys.map((k) => cell(a.daily[k].mean[d])), ...(withB ? keys.map((k) => cell(series(k)[1][d])) : [])]),
  });
  drawAndFollowSize(container, () => {
    container.replaceChildren();
    const width = container.clientWidth || 800;
    const svg = d3.select(container).append('svg').attr('width', width).attr('role', 'img')
      .attr('aria-label', 'Orders placed, sellers active and sellers suspended by China day');
    const entries: LegendEntry[] = keys.map((k) => ({ label: seriesName(k), colour: COLOURS[k], swatch: 'line' as const }));
    if (withB) entries.push({ label: `dashed, darker: B, ${b!.label}`, colour: toneOfB(COLOURS.ordersPlaced), swatch: 'dashed', dash: B_DASH });
    else if (b) entries.push({ label: `${b.label} not drawn: its season shares no day with this one`, colour: 'none' });
    const { tip, top } = keyAbove(svg, entries, width);
    const margin = { top, right: 16, bottom: 36, left: width < 500 ? 48 : 64 };
    const height = top + 2 * PANEL + GAP + margin.bottom;
    svg.attr('height', height);
    const x = chinaScale().domain([time(0), time(days * 24)]).range([margin.left, width - margin.right]);
    const at = (d: number) => x(time(d * 24 + 12)); // a day's point at its noon
    const panels = [
      { keys: ['ordersPlaced'] as Key[], title: 'orders placed', top: margin.top },
      { keys: ['activeSellers', 'sellersSuspended'] as Key[], title: 'sellers', top: margin.top + PANEL + GAP },
    ];
    for (const p of panels) {
      const most = d3.max(p.keys.flatMap((k) => series(k).flatMap((v) => Array.from(v)))) ?? 1; // skips NaN
      const y = d3.scaleLinear().domain([0, Math.max(1, most)]).nice().range([p.top + PANEL, p.top]);
      const g = svg.append('g').attr('class', `daily-panel`);
      for (const m of data.marks) {
        const mx = x(time(chinaClock(a.seasonStart).dayStart(m.date)));
        g.append('line').attr('class', 'peak-mark').attr('x1', mx).attr('x2', mx).attr('y1', p.top).attr('y2', p.top + PANEL).attr('stroke', '#000').attr('stroke-dasharray', '3 3').attr('opacity', 0.5);
      }
      for (const k of p.keys) {
        series(k).forEach((values, run) => {
          const line = d3.line<number>().defined((v) => !Number.isNaN(v)).x((_, d) => at(d)).y((v) => y(v));
          g.append('path').attr('class', `daily-${k}${run ? ' compare-daily' : ''}`).attr('d', line(Array.from(values)))
            .attr('fill', 'none').attr('stroke', run ? toneOfB(COLOURS[k]) : COLOURS[k]).attr('stroke-width', run ? 1.6 : 1.5)
            .attr('stroke-dasharray', run ? B_DASH : null);
        });
      }
      g.append('g').attr('class', 'y-axis').attr('transform', `translate(${margin.left},0)`)
        .call(d3.axisLeft(y).tickValues(wholeTicks(y.domain()[1], 4)).tickFormat(d3.format(',~s')));
      g.append('text').attr('class', 'axis-label').attr('transform', `translate(12,${p.top + PANEL / 2}) rotate(-90)`).attr('text-anchor', 'middle').text(p.title);
    }
    svg.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.min(8, Math.floor(width / 90)))).tickFormat((t) => chinaTick(t as Date))).call(stampTicks);
    chinaTimeLabel(svg, width - margin.right, height);
    svg.on('mousemove', (event: MouseEvent) => {
      const d = Math.max(0, Math.min(days - 1, Math.floor((x.invert(d3.pointer(event)[0]).getTime() - time(0).getTime()) / 86_400_000)));
      tip.text(`${dayLabel(time(d * 24))}: ` + keys.map((k) => `${seriesName(k).toLowerCase()} ${countText(Math.round(a.daily[k].mean[d] * 10) / 10)}`).join(', ') +
        (withB ? `; B: ${keys.map((k) => countText(Math.round(series(k)[1][d] * 10) / 10)).join(', ')}` : ''));
    });
  });
}
