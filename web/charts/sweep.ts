// Chart: a sweep's KPI against one grid parameter — the mean over each point's replications, a line
// per combination of the other parameters, its 95% interval as a band; as whiskers over a
// categorical axis when the parameter's values are not numbers. Hover (or tap) a point for its figures.
// Its table (the "Table" toggle, web/chart-frames.ts) has a row a point drawn, line by line.
import * as d3 from 'd3';
import { figureText, valueKey, valueText, type SweepFigure, type SweepLine, type SweepLines } from '../sweep-result.ts';
import { registerTable } from './chart-table.ts';
import { drawAndFollowSize } from './resize.ts';
import { legend } from './legend.ts';

export interface SweepChartData {
  lines: SweepLines;
  /** The axes' names: the parameter's and the KPI's. */
  xLabel: string;
  yLabel: string;
}

const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000']; // Okabe–Ito; yellow is faint on white
const PLOT_HEIGHT = 300;
const MARGIN = { top: 12, right: 18, bottom: 44, left: 62 };
const HINT = 'Hover or tap a point for its figures.';
const finite = (x: number) => Number.isFinite(x);

/**
 * The KPI from the lowest to the highest mean; the intervals widen that by at most its span each
 * way, so that a wide interval (few replications) does not flatten the lines. Cut there, a
 * band or whisker goes on beyond the plot.
 */
function kpiDomain(figures: SweepFigure[]): [number, number] {
  const means = figures.map((f) => f.kpi.mean).filter(finite);
  if (means.length === 0) return [0, 1];
  const [lo, hi] = [Math.min(...means), Math.max(...means)];
  if (lo === 0 && hi === 0) return [0, 1];
  const reach = lo === hi ? Math.abs(lo) / 2 : hi - lo;
  const lows = figures.map((f) => f.kpi.low).filter(finite), highs = figures.map((f) => f.kpi.high).filter(finite);
  const [from, to] = [Math.max(lo - reach, Math.min(lo, ...lows)), Math.min(hi + reach, Math.max(hi, ...highs))];
  return from < to ? [from, to] : [lo - reach, hi + reach];
}

/** A point's figures as the read-out gives them. */
function pointFigures(f: SweepFigure, line: SweepLine, xLabel: string): string {
  const { mean, low, high } = f.kpi;
  const interval = finite(low) && finite(high) ? `, 95% interval ${figureText(low)} to ${figureText(high)}` : '';
  return `${xLabel} = ${valueText(f.x, 40)}${line.label ? `, ${line.label}` : ''}: mean ${figureText(mean)}${interval} (${f.replications} replications, point ${f.point})`;
}

/** The table of the chart: a row a point, in the order of its lines and, along each, of the parameter's values. */
function pointsTable(data: SweepChartData) {
  const { lines } = data.lines, named = lines.some((l) => l.label);
  const figure = (x: number) => (finite(x) ? figureText(x) : '—');
  const points = lines.flatMap((line) => line.figures.map((f) => [valueText(f.x, 40), ...(named ? [line.label] : []),
    figure(f.kpi.mean), figure(f.kpi.low), figure(f.kpi.high), String(f.replications)]));
  return {
    caption: `${data.yLabel} against ${data.xLabel}, a row a grid point: the mean over its replications and its 95% interval; ${points.length} rows`,
    columns: [data.xLabel, ...(named ? ['line (the other parameters)'] : []), 'mean', '95% interval, low', '95% interval, high', 'replications'],
    rows: points,
  };
}

export function sweepChart(container: HTMLElement, data: SweepChartData): void {
  container.classList.add('sweep');
  registerTable(container, pointsTable(data));
  drawAndFollowSize(container, () => {
    container.replaceChildren();
    const { lines, numeric, xValues } = data.lines;
    const width = container.clientWidth || 800, bottom = MARGIN.top + PLOT_HEIGHT;
    const [left, right] = [MARGIN.left + 14, width - MARGIN.right - 14];

    // What the hovered (or tapped) point has, above the plot so that a phone shows it too.
    const readout = d3.select(container).append('p').attr('class', 'sweep-readout').text(HINT);
    const svg = d3.select(container).append('svg').attr('width', width).attr('role', 'img')
      .attr('aria-label', `${data.yLabel} against ${data.xLabel}`);
    svg.append('defs').append('clipPath').attr('id', 'sweep-clip').append('rect')
      .attr('x', MARGIN.left).attr('y', MARGIN.top).attr('width', width - MARGIN.left - MARGIN.right).attr('height', PLOT_HEIGHT);
    const y = d3.scaleLinear().domain(kpiDomain(lines.flatMap((l) => l.figures))).nice(6).range([bottom, MARGIN.top]);
    const [yLo, yHi] = y.domain();

    // A number axis through the values swept (each a tick where they have room), or one place a value.
    let place: (f: SweepFigure, line: number) => number;
    let xAxis: d3.Axis<d3.NumberValue> | d3.Axis<string>;
    if (numeric) {
      const values = xValues as number[];
      const x = d3.scaleLinear().domain([values[0], values[values.length - 1]]).range([left, right]);
      const gaps = values.slice(1).map((v, i) => x(v) - x(values[i]));
      const roomy = values.length <= 12 && gaps.every((g) => g >= 44);
      place = (f) => x(f.x as number);
      xAxis = roomy ? d3.axisBottom(x).tickValues(values).tickFormat(d3.format('~g'))
        : d3.axisBottom(x).ticks(Math.max(2, Math.min(8, Math.floor(width / 90))));
    } else {
      const text = new Map(xValues.map((v) => [valueKey(v), valueText(v, 16)]));
      const x = d3.scalePoint<string>().domain([...text.keys()]).range([left, right]).padding(0.5);
      // Lines side by side at a value, so that their whiskers do not hide one another.
      const step = lines.length > 1 ? Math.min(12, (0.6 * x.step()) / lines.length) : 0;
      place = (f, line) => x(valueKey(f.x))! + (line - (lines.length - 1) / 2) * step;
      xAxis = d3.axisBottom(x).tickFormat((k) => text.get(k) ?? k);
    }
    svg.append('g').attr('class', 'x-axis').attr('transform', `translate(0,${bottom})`).call(xAxis as d3.Axis<d3.NumberValue>);
    const yTick = y.tickFormat(6, Math.max(Math.abs(yLo), Math.abs(yHi)) >= 1e4 ? '~s' : undefined);
    svg.append('g').attr('transform', `translate(${MARGIN.left},0)`)
      .call(d3.axisLeft(y).ticks(6).tickFormat((v) => yTick(v).replace('-', '−')));
    svg.append('text').attr('class', 'axis-label').attr('x', (MARGIN.left + width - MARGIN.right) / 2).attr('y', bottom + 34)
      .attr('text-anchor', 'middle').text(data.xLabel);
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${(MARGIN.top + bottom) / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle').text(data.yLabel);

    // The bands first, under every line and dot, so that no band hides a dot from the pointer.
    const colour = (i: number) => COLOURS[i % COLOURS.length];
    const bands = svg.append('g').attr('class', 'bands').attr('clip-path', 'url(#sweep-clip)').attr('pointer-events', 'none');
    if (numeric) lines.forEach((line, i) => {
      const band = d3.area<SweepFigure>().defined((f) => finite(f.kpi.low) && finite(f.kpi.high))
        .x((f) => place(f, i)).y0((f) => y(f.kpi.low)).y1((f) => y(f.kpi.high));
      bands.append('path').attr('class', 'band').attr('data-line', line.label).attr('d', band(line.figures)).attr('fill', colour(i)).attr('opacity', 0.16);
    });
    lines.forEach((line, i) => {
      const g = svg.append('g').attr('class', 'sweep-line').attr('data-line', line.label);
      const at = (f: SweepFigure) => place(f, i);
      if (numeric) {
        const mean = d3.line<SweepFigure>().defined((f) => finite(f.kpi.mean)).x(at).y((f) => y(f.kpi.mean));
        g.append('path').attr('class', 'mean').attr('d', mean(line.figures)).attr('fill', 'none').attr('stroke', colour(i)).attr('stroke-width', 2)
          .attr('pointer-events', 'none');
      } else {
        for (const f of line.figures.filter((f) => finite(f.kpi.low) && finite(f.kpi.high))) {
          // Cut at the plot's edge, where it has no cap: it goes on beyond.
          const [low, high] = [Math.max(yLo, f.kpi.low), Math.min(yHi, f.kpi.high)], cx = at(f);
          const w = g.append('g').attr('class', 'whisker').attr('stroke', colour(i)).attr('stroke-width', 1.5).attr('pointer-events', 'none');
          w.append('line').attr('x1', cx).attr('x2', cx).attr('y1', y(low)).attr('y2', y(high));
          for (const end of [low, high]) if (end !== yLo && end !== yHi) w.append('line').attr('x1', cx - 4).attr('x2', cx + 4).attr('y1', y(end)).attr('y2', y(end));
        }
      }
      for (const f of line.figures.filter((f) => finite(f.kpi.mean))) {
        const dot = g.append('g').attr('class', 'figure');
        dot.append('circle').attr('class', 'point').attr('cx', at(f)).attr('cy', y(f.kpi.mean)).attr('r', 4.5)
          .attr('fill', colour(i)).attr('stroke', '#fff').attr('stroke-width', 1)
          .attr('data-point', f.point).attr('data-x', valueText(f.x)).attr('data-mean', String(f.kpi.mean));
        // A finger-sized target around the dot.
        dot.append('circle').attr('cx', at(f)).attr('cy', y(f.kpi.mean)).attr('r', 11).attr('fill', 'transparent');
        dot.on('pointerenter pointerdown', () => readout.text(pointFigures(f, line, data.xLabel)));
      }
    });
    svg.on('pointerleave', () => readout.text(HINT));

    // The key below the plot: a line a combination of the other parameters, then what the interval is drawn as.
    const top = bottom + MARGIN.bottom + 6;
    legend(svg, lines.map((line, i) => ({ label: line.label || `mean of ${data.yLabel}`, colour: colour(i) })), { x: MARGIN.left, y: top });
    const key = numeric ? ['line, dots: mean over a point’s replications', 'band: its 95% interval'] : ['dot: mean over a point’s replications', 'bar: its 95% interval'];
    const under = top + 16 * lines.length + 10;
    key.forEach((text, k) => svg.append('text').attr('class', 'axis-label interval-key').attr('x', MARGIN.left).attr('y', under + 16 * k).text(text));
    svg.attr('height', under + 16 * key.length);
  });
}
