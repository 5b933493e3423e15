// Chart: parcels arriving at the warehouse per hour (mean over replications) against the
// receiving capacity of the staff on duty — where the morning waves overrun the docks.
import * as d3 from 'd3';
import { drawAndFollowSize } from './resize.ts';

export interface ArrivalsData {
  seasonStart: string;
  parcelsArriving: Float64Array;
  /** Parcels per hour the receiving staff on duty can handle. */
  capacity: Float64Array;
}

export function arrivalsChart(container: HTMLElement, data: ArrivalsData): void {
  drawAndFollowSize(container, () => {
    container.replaceChildren();
    const width = container.clientWidth || 800, height = container.clientHeight || 300;
    const margin = { top: 16, right: 16, bottom: 36, left: 64 };
    const start = Date.parse(`${data.seasonStart}T00:00:00+08:00`);
    const time = (h: number) => new Date(start + h * 3_600_000);
    const hours = data.parcelsArriving.length;
    const x = d3.scaleTime().domain([time(0), time(hours)]).range([margin.left, width - margin.right]);
    const y = d3.scaleLinear().domain([0, Math.max(1, d3.max(data.parcelsArriving) ?? 1, d3.max(data.capacity) ?? 1)]).nice()
      .range([height - margin.bottom, margin.top]);
    const svg = d3.select(container).append('svg').attr('width', width).attr('height', height)
      .attr('role', 'img').attr('aria-label', 'Parcels arriving per hour against receiving capacity');
    const line = d3.line<number>().x((_, h) => x(time(h))).y((v) => y(v));
    svg.append('path').attr('class', 'capacity').attr('d', d3.line<number>().curve(d3.curveStepAfter).x((_, h) => x(time(h))).y((v) => y(v))(Array.from(data.capacity)))
      .attr('fill', 'none').attr('stroke', '#999').attr('stroke-width', 1.5);
    svg.append('path').attr('class', 'arrivals').attr('d', line(Array.from(data.parcelsArriving))).attr('fill', 'none').attr('stroke', '#0072B2').attr('stroke-width', 1);
    svg.append('g').attr('transform', `translate(0,${height - margin.bottom})`).call(d3.axisBottom(x).ticks(8));
    svg.append('g').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(6));
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${height / 2}) rotate(-90)`).attr('text-anchor', 'middle').text('parcels per hour');
    // Exact values on hover.
    const tip = svg.append('text').attr('class', 'axis-label').attr('x', width - margin.right - 4).attr('y', margin.top + 10).attr('text-anchor', 'end');
    svg.on('mousemove', (event: MouseEvent) => {
      const h = Math.max(0, Math.min(hours - 1, Math.floor((x.invert(d3.pointer(event)[0]).getTime() - start) / 3_600_000)));
      tip.text(`${d3.timeFormat('%Y-%m-%d %H:00')(time(h))}: ${data.parcelsArriving[h].toFixed(1)} parcels arriving, capacity ${data.capacity[h].toFixed(0)} an hour`);
    });
    const legend = svg.append('g').attr('transform', `translate(${margin.left + 8},${margin.top + 4})`);
    [['arriving (mean)', '#0072B2'], ['receiving capacity', '#999']].forEach(([label, colour], i) => {
      legend.append('rect').attr('y', i * 16).attr('width', 12).attr('height', 10).attr('fill', colour);
      legend.append('text').attr('x', 16).attr('y', i * 16 + 9).attr('class', 'axis-label').text(label);
    });
  });
}
