// Chart: parcels arriving at the warehouse per hour (mean over replications) against the
// receiving capacity of the staff on duty — where the morning waves (China time) overrun the docks.
import * as d3 from 'd3';
import { drawAndFollowSize } from './resize.ts';
import { legend } from './legend.ts';
import { notOnClock, onClockOf, shown } from './align.ts';
import { chinaClock, chinaHour, chinaScale, chinaTick, chinaTimeLabel, stampTicks } from './china-time.ts';

export interface ArrivalsData {
  seasonStart: string;
  parcelsArriving: Float64Array;
  /** Parcels per hour the receiving staff on duty can handle. */
  capacity: Float64Array;
  /** Another scenario's arrivals and capacity, drawn dashed over the same clock hours (compare mode). */
  compare?: { label: string; seasonStart: string; parcelsArriving: Float64Array; capacity: Float64Array };
}

const COLOURS = { arriving: '#0072B2', capacity: '#999999' }; // Okabe–Ito

export function arrivalsChart(container: HTMLElement, data: ArrivalsData): void {
  drawAndFollowSize(container, () => {
    container.replaceChildren();
    const width = container.clientWidth || 800, height = container.clientHeight || 300;
    const margin = { top: 16, right: 16, bottom: 36, left: 64 };
    const clock = chinaClock(data.seasonStart), time = clock.at;
    const hours = data.parcelsArriving.length;
    // B on A's clock; its hours outside A's season are not drawn, and a B sharing none is left out.
    const c = data.compare;
    const arriving = c && onClockOf(data.seasonStart, hours, c.seasonStart, c.parcelsArriving);
    const other = c && arriving && { label: c.label, parcelsArriving: arriving, capacity: onClockOf(data.seasonStart, hours, c.seasonStart, c.capacity)! };
    const x = chinaScale().domain([time(0), time(hours)]).range([margin.left, width - margin.right]);
    const series = other ? [data, other] : [data];
    const top = d3.max(series, (s) => Math.max(d3.max(s.parcelsArriving) ?? 0, d3.max(s.capacity) ?? 0)) ?? 1; // d3.max skips NaN
    const y = d3.scaleLinear().domain([0, Math.max(1, top)]).nice().range([height - margin.bottom, margin.top]);
    const svg = d3.select(container).append('svg').attr('width', width).attr('height', height)
      .attr('role', 'img').attr('aria-label', 'Parcels arriving per hour against receiving capacity');
    const covered = (v: number) => !Number.isNaN(v);
    const line = d3.line<number>().defined(covered).x((_, h) => x(time(h))).y((v) => y(v));
    const steps = d3.line<number>().defined(covered).curve(d3.curveStepAfter).x((_, h) => x(time(h))).y((v) => y(v));
    series.forEach((s, k) => {
      const prefix = k === 0 ? '' : 'compare-', dash = k === 0 ? null : '4 3';
      svg.append('path').attr('class', `${prefix}capacity`).attr('d', steps(Array.from(s.capacity)))
        .attr('fill', 'none').attr('stroke', COLOURS.capacity).attr('stroke-width', 1.5).attr('stroke-dasharray', dash);
      svg.append('path').attr('class', `${prefix}arrivals`).attr('d', line(Array.from(s.parcelsArriving)))
        .attr('fill', 'none').attr('stroke', COLOURS.arriving).attr('stroke-width', 1).attr('stroke-dasharray', dash);
    });
    svg.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).ticks(Math.min(8, Math.floor(width / 90))).tickFormat((t) => chinaTick(t as Date))).call(stampTicks);
    chinaTimeLabel(svg, width - margin.right, height);
    svg.append('g').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(6));
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${height / 2}) rotate(-90)`).attr('text-anchor', 'middle').text('parcels per hour');
    // Exact values on hover.
    const tip = svg.append('text').attr('class', 'axis-label').attr('x', width - margin.right - 4).attr('y', margin.top + 10).attr('text-anchor', 'end');
    svg.on('mousemove', (event: MouseEvent) => {
      const h = Math.max(0, Math.min(hours - 1, Math.floor(clock.hourOf(x.invert(d3.pointer(event)[0])))));
      tip.text(`${chinaHour(time(h))}: ${data.parcelsArriving[h].toFixed(1)} parcels arriving, capacity ${data.capacity[h].toFixed(0)} an hour` +
        (other ? `; B: ${shown(other.parcelsArriving[h], 1)} arriving, capacity ${shown(other.capacity[h], 0)}` : ''));
    });
    legend(svg, [
      { label: 'arriving (mean)', colour: COLOURS.arriving },
      { label: 'receiving capacity', colour: COLOURS.capacity },
      ...(other ? [{ label: `dashed: ${other.label}`, colour: '#000', swatch: 'dashed' as const }] : []),
    ], { x: margin.left + 8, y: margin.top + 4 });
    if (c && !other) notOnClock(svg, c.label, width - margin.right - 4, margin.top + 26);
  });
}
