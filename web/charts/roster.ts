// Chart: the warehouse roster day by day — receiving and QC staff under the staffing plan (solid)
// against the scenario's roster (dashed), the peak week shaded, dates in China time. Hover (or
// tap) a day for its figures. Its table (the "Table" toggle, web/chart-frames.ts) has a row a day.
import * as d3 from 'd3';
import { registerTable } from './chart-table.ts';
import { drawAndFollowSize } from './resize.ts';
import { legend, type LegendEntry } from './legend.ts';
import { chinaClock, chinaScale, chinaTick, chinaTimeLabel, stampTicks } from './china-time.ts';

type Stations<T> = { receiving: T; qc: T };

export interface RosterData {
  seasonStart: string;
  /** Days in the season. */
  days: number;
  /** Staff per day under the plan, per station: the days planned (fewer than `days` when the search was stopped). */
  planned: Stations<number[]>;
  /** The scenario's staff per day, every day of the season. */
  scenario: Stations<number[]>;
  /** The peak week as days of the season [from, to), shaded where it falls in the season. */
  peakWeek?: { from: number; to: number };
}

const COLOURS: Stations<string> = { receiving: '#0072B2', qc: '#D55E00' }; // Okabe–Ito, as the congestion chart
const NAMES: Stations<string> = { receiving: 'Receiving', qc: 'QC' };
const PEAK_FILL = '#ebebeb';
const PLOT_HEIGHT = 240;
const MARGIN = { top: 12, right: 14, bottom: 36, left: 46 };
const dayName = d3.utcFormat('%a %b %d');
const dayLabel = d3.utcFormat('%Y-%m-%d');

/** The table of the chart: a row a China day, each station's staff planned and the scenario's, the peak week marked. */
function rosterTable(data: RosterData) {
  const dayAt = (d: number) => chinaClock(data.seasonStart).at(d * 24);
  const planned = (s: keyof Stations<unknown>, d: number) => (d < data.planned[s].length ? String(data.planned[s][d]) : 'not planned');
  const peak = (d: number) => (data.peakWeek && d >= data.peakWeek.from && d < data.peakWeek.to ? 'peak week' : '');
  return {
    caption: `one row a China day, each station’s headcount (the most staff on duty in an hour of it); ${data.days} rows`,
    columns: ['China day', 'Receiving, planned', 'Receiving, scenario’s roster', 'QC, planned', 'QC, scenario’s roster', 'Peak week'],
    rows: Array.from({ length: data.days }, (_, d) => [dayLabel(dayAt(d)), planned('receiving', d), String(data.scenario.receiving[d]),
      planned('qc', d), String(data.scenario.qc[d]), peak(d)]),
  };
}

export function rosterChart(container: HTMLElement, data: RosterData): void {
  container.classList.add('roster');
  registerTable(container, rosterTable(data));
  drawAndFollowSize(container, () => {
    container.replaceChildren();
    const width = container.clientWidth || 800, bottom = MARGIN.top + PLOT_HEIGHT;
    const clock = chinaClock(data.seasonStart), dayAt = (d: number) => clock.at(d * 24);
    const x = chinaScale().domain([dayAt(0), dayAt(data.days)]).range([MARGIN.left, width - MARGIN.right]);
    const top = d3.max([...data.planned.receiving, ...data.planned.qc, ...data.scenario.receiving, ...data.scenario.qc]) ?? 1;
    const y = d3.scaleLinear().domain([0, Math.max(1, top)]).nice().range([bottom, MARGIN.top]);

    // What the hovered (or tapped) day had, above the plot so that a phone shows it too.
    const readout = d3.select(container).append('p').attr('class', 'roster-readout');
    const hint = 'Hover or tap a day for its staff.';
    readout.text(hint);
    const svg = d3.select(container).append('svg').attr('width', width).attr('role', 'img')
      .attr('aria-label', 'Receiving and QC staff per day: the plan against the scenario’s roster');

    const peak = data.peakWeek && { from: Math.max(0, data.peakWeek.from), to: Math.min(data.days, data.peakWeek.to) };
    if (peak && peak.to > peak.from) {
      const [x0, x1] = [x(dayAt(peak.from)), x(dayAt(peak.to))];
      svg.append('rect').attr('class', 'peak-week').attr('x', x0).attr('width', x1 - x0).attr('y', MARGIN.top).attr('height', PLOT_HEIGHT)
        .attr('fill', PEAK_FILL).attr('data-from', peak.from).attr('data-to', peak.to);
    }

    // A day's headcount holds from its midnight to the next: steps, the last day drawn to its end.
    const steps = (perDay: number[]) => d3.line<number>().curve(d3.curveStepAfter).x((_, d) => x(dayAt(d))).y((v) => y(v))([...perDay, perDay[perDay.length - 1]]);
    for (const station of ['receiving', 'qc'] as const) {
      svg.append('path').attr('class', `scenario-${station}`).attr('d', steps(data.scenario[station]))
        .attr('fill', 'none').attr('stroke', COLOURS[station]).attr('stroke-width', 1.5).attr('stroke-dasharray', '5 3');
      if (data.planned[station].length > 0) {
        svg.append('path').attr('class', `planned-${station}`).attr('d', steps(data.planned[station]))
          .attr('fill', 'none').attr('stroke', COLOURS[station]).attr('stroke-width', 2.2);
      }
    }

    // A tick every day, or every few days where days are narrow; each at a China midnight, weeks
    // on Sundays (labelled with their month, as d3's time axis does). The season's end is no day
    // of it: no tick there, whose label would run off the edge.
    const dayWidth = (width - MARGIN.left - MARGIN.right) / data.days;
    const every = [1, 2, 3, 7, 14].find((k) => k * dayWidth >= 52) ?? 28;
    const interval = every >= 7 ? d3.utcSunday.every(every / 7)! : d3.utcDay.every(every)!;
    const ticks = x.ticks(interval).filter((t) => t < dayAt(data.days));
    svg.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${bottom})`)
      .call(d3.axisBottom(x).tickValues(ticks).tickFormat((t) => chinaTick(t as Date)))
      .call(stampTicks);
    chinaTimeLabel(svg, width - MARGIN.right, bottom + MARGIN.bottom);
    svg.append('g').attr('transform', `translate(${MARGIN.left},0)`).call(d3.axisLeft(y).ticks(Math.min(6, y.domain()[1])).tickFormat(d3.format('~s')));
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(12,${(MARGIN.top + bottom) / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle').text('staff on duty');

    const guide = svg.append('rect').attr('class', 'day-guide').attr('y', MARGIN.top).attr('height', PLOT_HEIGHT)
      .attr('fill', 'none').attr('stroke', '#000').attr('stroke-opacity', 0.35).attr('visibility', 'hidden');
    svg.append('rect').attr('x', MARGIN.left).attr('y', MARGIN.top).attr('width', width - MARGIN.left - MARGIN.right).attr('height', PLOT_HEIGHT)
      .attr('fill', 'transparent')
      .on('pointermove pointerdown', (event: PointerEvent) => {
        const d = Math.max(0, Math.min(data.days - 1, Math.floor(clock.hourOf(x.invert(d3.pointer(event)[0])) / 24)));
        guide.attr('x', x(dayAt(d))).attr('width', x(dayAt(d + 1)) - x(dayAt(d))).attr('visibility', 'visible');
        readout.text(dayFigures(data, d, dayName(dayAt(d))));
      })
      .on('pointerleave', () => { guide.attr('visibility', 'hidden'); readout.text(hint); });

    // The key below the plot: a column a station, then the peak week, wrapping to the chart's width.
    const columns: LegendEntry[][] = [
      ...(['receiving', 'qc'] as const).map((s): LegendEntry[] => [
        { label: `${NAMES[s]}, planned`, colour: COLOURS[s] },
        { label: `${NAMES[s]}, scenario’s roster`, colour: COLOURS[s], swatch: 'dashed' },
      ]),
      ...(peak && peak.to > peak.from ? [[{ label: 'peak week', colour: PEAK_FILL }]] : []),
    ];
    let at = { x: 4, y: bottom + MARGIN.bottom + 10 }, rowHeight = 0;
    for (const entries of columns) {
      legend(svg, entries, at);
      const key = d3.select(svg.selectAll<SVGGElement, unknown>('g.legend').nodes().pop()!);
      // Measured once drawn (label widths depend on the font); a hidden chart measures 0 and keeps one row.
      const w = key.node()!.getBBox().width;
      if (at.x > 4 && at.x + w > width - 4) {
        at = { x: 4, y: at.y + rowHeight + 8 };
        key.attr('transform', `translate(${at.x},${at.y})`);
        rowHeight = 0;
      }
      rowHeight = Math.max(rowHeight, entries.length * 16);
      at = { x: at.x + w + 28, y: at.y };
    }
    svg.attr('height', at.y + rowHeight + 4);
  });
}

/** A day's staff as the read-out gives it: `Fri Nov 25: receiving 70 (scenario 90), QC 260 (scenario 300)`. */
function dayFigures(data: RosterData, d: number, date: string): string {
  const station = (s: 'receiving' | 'qc') => {
    const planned = data.planned[s][d];
    return `${s === 'qc' ? 'QC' : 'receiving'} ${planned === undefined ? 'not planned' : planned} (scenario ${data.scenario[s][d]})`;
  };
  const peak = data.peakWeek && d >= data.peakWeek.from && d < data.peakWeek.to ? ', peak week' : '';
  return `${date}${peak}: ${station('receiving')}, ${station('qc')}`;
}
