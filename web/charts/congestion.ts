// Chart: warehouse congestion over the season — receiving and QC queue lengths by hour (mean
// line, P5–P95 band across replications), receiving and QC staff on duty as step lines behind them,
// Black Friday and Cyber Monday marked, all in China time. A function of data and a container,
// redrawn on resize. Brushing zooms, as do the keys (congestion-keys.ts), and the page is told the
// hours zoomed into (it reads the KPIs over those China days). The key and the read-out sit above
// the plot, never over the data or the peak-day labels.
import * as d3 from 'd3';
import { drawAndFollowSize } from './resize.ts';
import { notOnClock, onClockOf } from './align.ts';
import { B_DASH, keyAbove, toneOfB, type LegendEntry } from './legend.ts';
import { chinaClock, chinaHour, chinaScale, chinaTick, chinaTimeLabel, stampTicks } from './china-time.ts';
import { registerTable, cell } from './chart-table.ts';
import { countFormat, countText, wholeTicks } from './ticks.ts';
import { congestionKeys, KEYS_HELP } from './congestion-keys.ts';
import { seriesName, seriesTitle } from '../glossary/series.ts';
import type { HourlyBand } from '../../src/experiment/summary.ts';

export interface CongestionData {
  seasonStart: string;
  receivingQueue: HourlyBand;
  qcQueue: HourlyBand;
  receivingStaff: Float64Array;
  qcStaff: Float64Array;
  /** China dates to mark at their first hour, e.g. Black Friday and Cyber Monday. */
  marks: { date: string; label: string }[];
  /** Another scenario's mean queues, drawn dashed over the same clock hours (compare mode). */
  compare?: { label: string; seasonStart: string; receivingQueue: Float64Array; qcQueue: Float64Array };
  /** Told the hours of the season the user zoomed into (brush or keys), or undefined when zoomed back out. */
  onZoom?: (hours: [number, number] | undefined) => void;
}

/** What the page may do to a drawn chart: zoom it to hours of the season (undefined: the whole season). */
export interface CongestionView { zoomTo(hours: [number, number] | undefined): void }

// Okabe–Ito: each series its own hue, staff paler and dashed behind the queues.
const COLOURS = { receiving: '#0072B2', qc: '#D55E00', receivingStaff: '#56B4E9', qcStaff: '#CC79A7' };
const STAFF_DASH = { receivingStaff: '6 3', qcStaff: '2 2' };

export function congestionChart(container: HTMLElement, data: CongestionData): CongestionView {
  // Brushing a span zooms into it (the peak week, say); a double click zooms back out.
  let zoom: [number, number] | undefined;
  /** The hour the keys read out (undefined until a key is pressed). */
  let focusHour: number | undefined;
  const hours = data.receivingQueue.mean.length;
  const c = data.compare;
  // B on A's clock; its hours outside A's season are not drawn, and a B sharing none is left out.
  const receivingB = c && onClockOf(data.seasonStart, hours, c.seasonStart, c.receivingQueue);
  const other = c && receivingB && { label: c.label, receivingQueue: receivingB, qcQueue: onClockOf(data.seasonStart, hours, c.seasonStart, c.qcQueue)! };
  registerTable(container, hourlyTable(data, other));

  const draw = () => {
    const hadFocus = container.contains(document.activeElement);
    container.replaceChildren();
    const width = container.clientWidth || 800;
    const clock = chinaClock(data.seasonStart), time = clock.at;
    const svg = d3.select(container).append('svg').attr('width', width)
      .attr('role', 'img').attr('tabindex', 0).attr('aria-label', `Receiving and QC queue lengths by hour. ${KEYS_HELP}`);
    // Above the plot: the read-out's row, then the key (wrapping on a phone).
    const entries: LegendEntry[] = [
      { label: seriesName('receivingQueue'), colour: COLOURS.receiving, swatch: 'line' },
      { label: seriesName('qcQueue'), colour: COLOURS.qc, swatch: 'line' },
      { label: seriesName('receivingStaff'), colour: COLOURS.receivingStaff, swatch: 'dashed', dash: STAFF_DASH.receivingStaff },
      { label: seriesName('qcStaff'), colour: COLOURS.qcStaff, swatch: 'dashed', dash: STAFF_DASH.qcStaff },
      ...(other ? [
        { label: `${seriesName('receivingQueue')}, B: ${other.label}`, colour: toneOfB(COLOURS.receiving), swatch: 'dashed' as const, dash: B_DASH },
        { label: `${seriesName('qcQueue')}, B`, colour: toneOfB(COLOURS.qc), swatch: 'dashed' as const, dash: B_DASH },
      ] : []),
      { label: 'band: P5–P95 over replications', colour: '#bbb' },
    ];
    const { tip, top } = keyAbove(svg, entries, width);
    const margin = { top, right: width < 500 ? 40 : 56, bottom: 36, left: width < 500 ? 44 : 56 };
    const height = Math.max(container.clientHeight || 340, margin.top + 220);
    svg.attr('height', height);
    const x = chinaScale().domain((zoom ?? [0, hours]).map(time)).range([margin.left, width - margin.right]);
    const maxQueue = d3.max([...data.receivingQueue.p95, ...data.qcQueue.p95, ...(other ? [...other.receivingQueue, ...other.qcQueue] : [])]) ?? 1; // skips NaN
    const y = d3.scaleLinear().domain([0, Math.max(1, maxQueue)]).nice().range([height - margin.bottom, margin.top]);
    const maxStaff = d3.max([...data.receivingStaff, ...data.qcStaff]) ?? 1;
    const yStaff = d3.scaleLinear().domain([0, Math.max(1, maxStaff)]).nice().range([height - margin.bottom, margin.top]);
    const clipId = `${container.id || 'congestion'}-clip`;
    svg.append('defs').append('clipPath').attr('id', clipId).append('rect')
      .attr('x', margin.left).attr('y', 0).attr('width', width - margin.left - margin.right).attr('height', height);
    const plot = svg.append('g').attr('clip-path', `url(#${clipId})`);

    for (const name of ['receivingStaff', 'qcStaff'] as const) {
      const steps = d3.line<number>().curve(d3.curveStepAfter).x((_, h) => x(time(h))).y((v) => yStaff(v));
      plot.append('path').attr('class', `staff-${name === 'qcStaff' ? 'qc' : 'receiving'}`).attr('d', steps(Array.from(data[name])))
        .attr('fill', 'none').attr('stroke', COLOURS[name]).attr('stroke-width', 1.5).attr('stroke-dasharray', STAFF_DASH[name]);
    }
    for (const [name, band] of [['receiving', data.receivingQueue], ['qc', data.qcQueue]] as const) {
      const area = d3.area<number>().x((_, h) => x(time(h))).y0((_, h) => y(band.p5[h])).y1((_, h) => y(band.p95[h]));
      const line = d3.line<number>().x((_, h) => x(time(h))).y((v) => y(v));
      plot.append('path').attr('d', area(Array.from(band.mean))).attr('fill', COLOURS[name]).attr('opacity', 0.2);
      plot.append('path').attr('class', `queue-${name}`).attr('d', line(Array.from(band.mean)))
        .attr('fill', 'none').attr('stroke', COLOURS[name]).attr('stroke-width', 1.2);
    }
    if (other) {
      for (const [name, values] of [['receiving', other.receivingQueue], ['qc', other.qcQueue]] as const) {
        const line = d3.line<number>().defined((v) => !Number.isNaN(v)).x((_, h) => x(time(h))).y((v) => y(v));
        plot.append('path').attr('class', `compare-${name}`).attr('d', line(Array.from(values)))
          .attr('fill', 'none').attr('stroke', toneOfB(COLOURS[name])).attr('stroke-width', 1.6).attr('stroke-dasharray', B_DASH);
      }
    }
    data.marks.forEach((m, i) => {
      const hour = clock.dayStart(m.date), at = x(time(hour));
      plot.append('line').attr('class', 'peak-mark').attr('data-date', m.date).attr('data-hour', hour).attr('x1', at).attr('x2', at).attr('y1', margin.top).attr('y2', height - margin.bottom)
        .attr('stroke', '#000').attr('stroke-dasharray', '3 3');
      // Labels lean away from each other (the marks are days apart), inside the plot's top; one that
      // would run off the plot (a phone) turns back along its line, a row lower so as not to meet its neighbour.
      const label = plot.append('text').attr('x', at + (i % 2 ? 4 : -4)).attr('y', margin.top + 12).attr('text-anchor', i % 2 ? 'start' : 'end')
        .attr('class', 'axis-label mark-label').text(m.label);
      const box = (label.node() as SVGTextElement).getBBox();
      if (box.x < margin.left || box.x + box.width > width - margin.right) {
        label.attr('x', at + (i % 2 ? -4 : 4)).attr('text-anchor', i % 2 ? 'end' : 'start').attr('y', margin.top + 12 + 14 * (i + 1));
      }
    });
    svg.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).ticks(Math.min(8, Math.floor(width / 90))).tickFormat((t) => chinaTick(t as Date))).call(stampTicks);
    chinaTimeLabel(svg, width - margin.right, height);
    svg.append('g').attr('class', 'y-axis').attr('transform', `translate(${margin.left},0)`)
      .call(d3.axisLeft(y).tickValues(wholeTicks(y.domain()[1], 6)).tickFormat(countFormat(width)));
    svg.append('g').attr('class', 'y-axis-staff').attr('transform', `translate(${width - margin.right},0)`)
      .call(d3.axisRight(yStaff).tickValues(wholeTicks(yStaff.domain()[1], 6)).tickFormat(countFormat(width)));
    const middle = (margin.top + height - margin.bottom) / 2;
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(12,${middle}) rotate(-90)`)
      .attr('text-anchor', 'middle').text('parcels waiting (end of hour)');
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(${width - 8},${middle}) rotate(90)`)
      .attr('text-anchor', 'middle').text('staff on duty');
    if (c && !other) notOnClock(svg, c.label, width - margin.right - 4, margin.top + 26);
    const brush = d3.brushX().extent([[margin.left, margin.top], [width - margin.right, height - margin.bottom]])
      .on('end', (event: d3.D3BrushEvent<unknown>) => {
        if (!event.selection) return;
        const [a, b] = event.selection as [number, number];
        if (b - a < 4) return;
        zoomed([a, b].map((px) => clock.hourOf(x.invert(px))) as [number, number]);
      });
    svg.append('g').attr('class', 'brush').call(brush);
    svg.on('dblclick', () => zoomed(undefined));
    // Exact values on hover, or at the hour the keys moved to, in the read-out row above the key.
    const cursor = svg.append('line').attr('class', 'cursor').attr('y1', margin.top).attr('y2', height - margin.bottom)
      .attr('stroke', '#444').attr('visibility', 'hidden').attr('pointer-events', 'none');
    const readOut = (h: number) => {
      const at = x(time(h + 0.5));
      cursor.attr('x1', at).attr('x2', at).attr('visibility', at >= margin.left && at <= width - margin.right ? 'visible' : 'hidden');
      tip.text(`${chinaHour(time(h))}: ${readOutText(data, other, h)}`);
    };
    svg.on('mousemove', (event: MouseEvent) => {
      readOut(Math.max(0, Math.min(hours - 1, Math.floor(clock.hourOf(x.invert(d3.pointer(event)[0]))))));
    });
    if (focusHour !== undefined) readOut(focusHour);
    svg.on('keydown', (event: KeyboardEvent) => {
      const next = congestionKeys(event.key, { zoom, focusHour, hours, shift: event.shiftKey });
      if (!next) return;
      event.preventDefault();
      focusHour = next.focusHour;
      if (next.zoom !== zoom) zoomed(next.zoom); else readOut(focusHour);
    });
    if (hadFocus) (svg.node() as SVGSVGElement).focus();
  };
  /** Zooms to `hours` and tells the page, which may widen them to whole days and zoom again. */
  const zoomed = (hours: [number, number] | undefined) => {
    zoom = hours;
    draw();
    data.onZoom?.(zoom);
  };
  drawAndFollowSize(container, draw);
  return { zoomTo(hours) { zoom = hours; draw(); } };
}

type Other = { label: string; receivingQueue: Float64Array; qcQueue: Float64Array } | undefined;

/** The read-out at hour `h`: queues (means per replication, one decimal), staff (whole), and B's queues. */
function readOutText(data: CongestionData, other: Other, h: number): string {
  return `${seriesName('receivingQueue')} ${countText(round1(data.receivingQueue.mean[h]))}, ${seriesName('qcQueue')} ${countText(round1(data.qcQueue.mean[h]))} parcels; ` +
    `staff ${countText(data.receivingStaff[h])} receiving, ${countText(data.qcStaff[h])} QC` +
    (other ? `; B: ${countText(round1(other.receivingQueue[h]))}, ${countText(round1(other.qcQueue[h]))}` : '');
}
const round1 = (v: number) => Math.round(v * 10) / 10;

/** Hour by hour: the queues (A, then B) and the staff on duty, as the chart draws them. */
function hourlyTable(data: CongestionData, other: Other) {
  const time = chinaClock(data.seasonStart).at, hours = data.receivingQueue.mean.length;
  const rows: string[][] = [];
  for (let h = 0; h < hours; h++) {
    rows.push([chinaHour(time(h)), cell(data.receivingQueue.mean[h]), cell(data.qcQueue.mean[h]), cell(data.receivingStaff[h]), cell(data.qcStaff[h]),
      ...(other ? [cell(other.receivingQueue[h]), cell(other.qcQueue[h])] : [])]);
  }
  return {
    caption: `hour by hour (China time), queues at the end of each hour as means per replication; ${hours.toLocaleString('en')} rows, the box scrolls`,
    columns: ['China hour', `${seriesTitle('receivingQueue')}, A`, `${seriesTitle('qcQueue')}, A`, seriesName('receivingStaff'), seriesName('qcStaff'),
      ...(other ? [`${seriesTitle('receivingQueue')}, B`, `${seriesTitle('qcQueue')}, B`] : [])],
    rows,
  };
}
