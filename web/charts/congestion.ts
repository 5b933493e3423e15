// Chart: warehouse congestion over the season — receiving and QC queue lengths by hour (mean
// line, P5–P95 band across replications), staff on duty behind them, Black Friday and Cyber
// Monday marked, all in China time. A function of data and a container, redrawn on resize; brushing
// zooms, and the page is told the hours zoomed into (it reads the KPIs over those China days).
import * as d3 from 'd3';
import { drawAndFollowSize } from './resize.ts';
import { notOnClock, onClockOf, shown } from './align.ts';
import { legend } from './legend.ts';
import { chinaClock, chinaHour, chinaScale, chinaTick, chinaTimeLabel, stampTicks } from './china-time.ts';
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
  /** Told the hours of the season the user zoomed into by brushing, or undefined when zoomed back out. */
  onZoom?: (hours: [number, number] | undefined) => void;
}

/** What the page may do to a drawn chart: zoom it to hours of the season (undefined: the whole season). */
export interface CongestionView { zoomTo(hours: [number, number] | undefined): void }

const COLOURS = { receiving: '#0072B2', qc: '#D55E00', staff: '#999999' }; // Okabe–Ito

export function congestionChart(container: HTMLElement, data: CongestionData): CongestionView {
  // Brushing a span zooms into it (the peak week, say); a double click zooms back out.
  let zoom: [number, number] | undefined;
  const draw = () => {
    container.replaceChildren();
    const width = container.clientWidth || 800, height = container.clientHeight || 340;
    const margin = { top: 16, right: 56, bottom: 36, left: 56 };
    const clock = chinaClock(data.seasonStart), time = clock.at;
    const hours = data.receivingQueue.mean.length;
    // B on A's clock; its hours outside A's season are not drawn, and a B sharing none is left out.
    const c = data.compare;
    const receiving = c && onClockOf(data.seasonStart, hours, c.seasonStart, c.receivingQueue);
    const other = c && receiving && { label: c.label, receivingQueue: receiving, qcQueue: onClockOf(data.seasonStart, hours, c.seasonStart, c.qcQueue)! };
    const x = chinaScale().domain((zoom ?? [0, hours]).map(time)).range([margin.left, width - margin.right]);
    const maxQueue = d3.max([...data.receivingQueue.p95, ...data.qcQueue.p95, ...(other ? [...other.receivingQueue, ...other.qcQueue] : [])]) ?? 1; // skips NaN
    const y = d3.scaleLinear().domain([0, Math.max(1, maxQueue)]).nice().range([height - margin.bottom, margin.top]);
    const maxStaff = d3.max([...data.receivingStaff, ...data.qcStaff]) ?? 1;
    const yStaff = d3.scaleLinear().domain([0, Math.max(1, maxStaff)]).nice().range([height - margin.bottom, margin.top]);
    const svg = d3.select(container).append('svg').attr('width', width).attr('height', height)
      .attr('role', 'img').attr('aria-label', 'Receiving and QC queue lengths by hour');
    svg.append('defs').append('clipPath').attr('id', 'congestion-clip').append('rect')
      .attr('x', margin.left).attr('y', 0).attr('width', width - margin.left - margin.right).attr('height', height);
    const plot = svg.append('g').attr('clip-path', 'url(#congestion-clip)');

    const staff = (values: Float64Array) => d3.area<number>().curve(d3.curveStepAfter)
      .x((_, h) => x(time(h))).y0(yStaff(0)).y1((v) => yStaff(v))(Array.from(values));
    plot.append('path').attr('d', staff(data.qcStaff)).attr('fill', COLOURS.staff).attr('opacity', 0.12);
    plot.append('path').attr('d', staff(data.receivingStaff)).attr('fill', COLOURS.staff).attr('opacity', 0.18);

    for (const [name, band] of [['receiving', data.receivingQueue], ['qc', data.qcQueue]] as const) {
      const area = d3.area<number>().x((_, h) => x(time(h))).y0((_, h) => y(band.p5[h])).y1((_, h) => y(band.p95[h]));
      const line = d3.line<number>().x((_, h) => x(time(h))).y((v) => y(v));
      plot.append('path').attr('d', area(Array.from(band.mean))).attr('fill', COLOURS[name]).attr('opacity', 0.25);
      plot.append('path').attr('class', `queue-${name}`).attr('d', line(Array.from(band.mean)))
        .attr('fill', 'none').attr('stroke', COLOURS[name]).attr('stroke-width', 1.2);
    }
    if (other) {
      for (const [name, values] of [['receiving', other.receivingQueue], ['qc', other.qcQueue]] as const) {
        const line = d3.line<number>().defined((v) => !Number.isNaN(v)).x((_, h) => x(time(h))).y((v) => y(v));
        plot.append('path').attr('class', `compare-${name}`).attr('d', line(Array.from(values)))
          .attr('fill', 'none').attr('stroke', COLOURS[name]).attr('stroke-width', 1.2).attr('stroke-dasharray', '4 3');
      }
    }
    data.marks.forEach((m, i) => {
      const hour = clock.dayStart(m.date), at = x(time(hour));
      plot.append('line').attr('class', 'peak-mark').attr('data-date', m.date).attr('data-hour', hour).attr('x1', at).attr('x2', at).attr('y1', margin.top).attr('y2', height - margin.bottom)
        .attr('stroke', '#000').attr('stroke-dasharray', '3 3');
      plot.append('text').attr('x', at + 4).attr('y', margin.top + 26 + 12 * i).attr('class', 'axis-label').text(m.label); // under the hover read-out's row
    });
    svg.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).ticks(Math.min(8, Math.floor(width / 90))).tickFormat((t) => chinaTick(t as Date))).call(stampTicks);
    chinaTimeLabel(svg, width - margin.right, height);
    svg.append('g').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(6));
    svg.append('g').attr('transform', `translate(${width - margin.right},0)`).call(d3.axisRight(yStaff).ticks(6));
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${height / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle').text('parcels waiting (end of hour)');
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(${width - 10},${height / 2}) rotate(90)`)
      .attr('text-anchor', 'middle').text('staff on duty');
    legend(svg, [
      { label: 'Receiving queue', colour: COLOURS.receiving },
      { label: 'QC queue', colour: COLOURS.qc },
      { label: 'Staff on duty', colour: COLOURS.staff },
      ...(other ? [{ label: `dashed: ${other.label}`, colour: '#000', swatch: 'dashed' as const }] : []),
    ], { x: margin.left + 8, y: margin.top + 24 });
    if (c && !other) notOnClock(svg, c.label, width - margin.right - 4, margin.top + 26);
    const brush = d3.brushX().extent([[margin.left, margin.top], [width - margin.right, height - margin.bottom]])
      .on('end', (event: d3.D3BrushEvent<unknown>) => {
        if (!event.selection) return;
        const [a, b] = event.selection as [number, number];
        if (b - a < 4) return;
        zoom = [a, b].map((px) => clock.hourOf(x.invert(px))) as [number, number];
        draw();
        data.onZoom?.(zoom);
      });
    svg.append('g').attr('class', 'brush').call(brush);
    svg.on('dblclick', () => { zoom = undefined; draw(); data.onZoom?.(undefined); });
    // Exact values on hover.
    const tip = svg.append('text').attr('class', 'axis-label').attr('x', width - margin.right - 4).attr('y', margin.top + 10).attr('text-anchor', 'end');
    svg.on('mousemove', (event: MouseEvent) => {
      const h = Math.max(0, Math.min(hours - 1, Math.floor(clock.hourOf(x.invert(d3.pointer(event)[0])))));
      tip.text(`${chinaHour(time(h))}: receiving ${data.receivingQueue.mean[h].toFixed(1)}, QC ${data.qcQueue.mean[h].toFixed(1)} parcels; staff ${data.receivingStaff[h]} / ${data.qcStaff[h]}` +
        (other ? `; B: receiving ${shown(other.receivingQueue[h], 1)}, QC ${shown(other.qcQueue[h], 1)}` : ''));
    });
  };
  drawAndFollowSize(container, draw);
  return { zoomTo(hours) { zoom = hours; draw(); } };
}
