// Chart: parcels arriving at the warehouse per hour (mean over replications) against the
// receiving capacity of the staff on duty — where the morning waves (China time) overrun the docks.
// The key and the hover read-out sit above the plot; B's lines are dashed in a darker tone.
import * as d3 from 'd3';
import { drawAndFollowSize } from './resize.ts';
import { B_DASH, keyAbove, toneOfB } from './legend.ts';
import { notOnClock, onClockOf } from './align.ts';
import { chinaClock, chinaHour, chinaScale, chinaTick, chinaTimeLabel, stampTicks } from './china-time.ts';
import { cell, registerTable } from './chart-table.ts';
import { countFormat, countText, wholeTicks } from './ticks.ts';
import { seriesName, seriesTitle } from '../glossary/series.ts';

export interface ArrivalsData {
  seasonStart: string;
  parcelsArriving: Float64Array;
  /** Parcels per hour the receiving staff on duty can handle. */
  capacity: Float64Array;
  /** Another scenario's arrivals and capacity, drawn dashed over the same clock hours (compare mode). */
  compare?: { label: string; seasonStart: string; parcelsArriving: Float64Array; capacity: Float64Array };
}

const COLOURS = { arriving: '#0072B2', capacity: '#009E73' }; // Okabe–Ito
const round1 = (v: number) => Math.round(v * 10) / 10;

export function arrivalsChart(container: HTMLElement, data: ArrivalsData): void {
  const hours = data.parcelsArriving.length;
  // B on A's clock; its hours outside A's season are not drawn, and a B sharing none is left out.
  const c = data.compare;
  const arriving = c && onClockOf(data.seasonStart, hours, c.seasonStart, c.parcelsArriving);
  const other = c && arriving && { label: c.label, parcelsArriving: arriving, capacity: onClockOf(data.seasonStart, hours, c.seasonStart, c.capacity)! };
  const clock = chinaClock(data.seasonStart), time = clock.at;
  registerTable(container, {
    caption: `hour by hour (China time), parcels arriving as means per replication; ${hours.toLocaleString('en')} rows, the box scrolls`,
    columns: ['China hour', `${seriesTitle('parcelsArriving')}, A`, `${seriesTitle('receivingCapacity')}, A`,
      ...(other ? [`${seriesTitle('parcelsArriving')}, B`, `${seriesTitle('receivingCapacity')}, B`] : [])],
    rows: Array.from({ length: hours }, (_, h) => [chinaHour(time(h)), cell(data.parcelsArriving[h]), cell(data.capacity[h], 0),
      ...(other ? [cell(other.parcelsArriving[h]), cell(other.capacity[h], 0)] : [])]),
  });
  drawAndFollowSize(container, () => {
    container.replaceChildren();
    const width = container.clientWidth || 800;
    const svg = d3.select(container).append('svg').attr('width', width)
      .attr('role', 'img').attr('aria-label', 'Parcels arriving per hour against receiving capacity');
    const { tip, top } = keyAbove(svg, [
      { label: `${seriesName('parcelsArriving')} (mean)`, colour: COLOURS.arriving, swatch: 'line' },
      { label: seriesName('receivingCapacity'), colour: COLOURS.capacity, swatch: 'line' },
      ...(other ? [
        { label: `${seriesName('parcelsArriving')}, B: ${other.label}`, colour: toneOfB(COLOURS.arriving), swatch: 'dashed' as const, dash: B_DASH },
        { label: `${seriesName('receivingCapacity')}, B`, colour: toneOfB(COLOURS.capacity), swatch: 'dashed' as const, dash: B_DASH },
      ] : []),
    ], width);
    const margin = { top, right: 16, bottom: 36, left: width < 500 ? 44 : 64 };
    const height = Math.max(container.clientHeight || 300, top + 200);
    svg.attr('height', height);
    const x = chinaScale().domain([time(0), time(hours)]).range([margin.left, width - margin.right]);
    const series = other ? [data, other] : [data];
    const most = d3.max(series, (s) => Math.max(d3.max(s.parcelsArriving) ?? 0, d3.max(s.capacity) ?? 0)) ?? 1; // d3.max skips NaN
    const y = d3.scaleLinear().domain([0, Math.max(1, most)]).nice().range([height - margin.bottom, margin.top]);
    const covered = (v: number) => !Number.isNaN(v);
    const line = d3.line<number>().defined(covered).x((_, h) => x(time(h))).y((v) => y(v));
    const steps = d3.line<number>().defined(covered).curve(d3.curveStepAfter).x((_, h) => x(time(h))).y((v) => y(v));
    series.forEach((s, k) => {
      const prefix = k === 0 ? '' : 'compare-', dash = k === 0 ? null : B_DASH;
      const tone = (colour: string) => (k === 0 ? colour : toneOfB(colour));
      svg.append('path').attr('class', `${prefix}capacity`).attr('d', steps(Array.from(s.capacity)))
        .attr('fill', 'none').attr('stroke', tone(COLOURS.capacity)).attr('stroke-width', 1.5).attr('stroke-dasharray', dash);
      svg.append('path').attr('class', `${prefix}arrivals`).attr('d', line(Array.from(s.parcelsArriving)))
        .attr('fill', 'none').attr('stroke', tone(COLOURS.arriving)).attr('stroke-width', k === 0 ? 1 : 1.4).attr('stroke-dasharray', dash);
    });
    svg.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).ticks(Math.min(8, Math.floor(width / 90))).tickFormat((t) => chinaTick(t as Date))).call(stampTicks);
    chinaTimeLabel(svg, width - margin.right, height);
    svg.append('g').attr('class', 'y-axis').attr('transform', `translate(${margin.left},0)`)
      .call(d3.axisLeft(y).tickValues(wholeTicks(y.domain()[1], 6)).tickFormat(countFormat(width)));
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(12,${(margin.top + height - margin.bottom) / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle').text('parcels per hour');
    svg.on('mousemove', (event: MouseEvent) => {
      const h = Math.max(0, Math.min(hours - 1, Math.floor(clock.hourOf(x.invert(d3.pointer(event)[0])))));
      tip.text(`${chinaHour(time(h))}: ${countText(round1(data.parcelsArriving[h]))} parcels arriving, capacity ${countText(Math.round(data.capacity[h]))} an hour` +
        (other ? `; B: ${countText(round1(other.parcelsArriving[h]))} arriving, capacity ${countText(Math.round(other.capacity[h]))}` : ''));
    });
    if (c && !other) notOnClock(svg, c.label, width - margin.right - 4, margin.top + 12);
  });
}
