// Chart: the seller's stocking frontier — one dot a policy, its expected profit (with the 95%
// interval as a whisker) against the chance that the deposit runs out; the policies no other
// beats on both joined by a line, the best expected profit ringed and named. Hover (or tap) a dot
// for the policy and its figures. Its table (the "Table" toggle, web/chart-frames.ts) has a row a policy.
import * as d3 from 'd3';
import type { PolicyOutcome } from '../../src/experiment/stocking-plan.ts';
import { percent } from '../../src/experiment/number-format.ts';
import { registerTable } from './chart-table.ts';
import { drawAndFollowSize } from './resize.ts';

export interface FrontierData {
  /** One setting's policies (all with or all without the disruptions), best and frontier marked. */
  outcomes: PolicyOutcome[];
  /** What the chart shows, for screen readers and downloads. */
  heading: string;
}

/** A policy's family, by its colour (Okabe–Ito); hollow when it pauses its listings when out. */
const FAMILIES: { policy: string; name: string; colour: string }[] = [
  { policy: 'serviceLevel', name: 'service level', colour: '#0072B2' },
  { policy: 'sS', name: '(s, S)', colour: '#E69F00' },
  { policy: 'makeToOrder', name: 'make-to-order', colour: '#009E73' },
];
const FRONTIER = '#D55E00';
const PLOT_HEIGHT = 330;
const MARGIN = { top: 34, right: 18, bottom: 44, left: 62 };
const cny = d3.format(',.0f');
const money = (x: number) => (Number.isFinite(x) ? cny(x).replace('-', '−') : '—');
const colourOf = (o: PolicyOutcome) => FAMILIES.find((f) => f.policy === o.candidate.stocking.policy)?.colour ?? '#999';

/** The policy's figures: its name and marks, what it earns, what it risks, on how many replications. */
export function policyFigures(o: PolicyOutcome): string[] {
  const marks = [o.best ? 'best' : '', o.onFrontier ? 'on the frontier' : ''].filter(Boolean).join(', ');
  const interval = Number.isFinite(o.profit.halfWidth) ? ` ± ${money(o.profit.halfWidth)}` : '';
  const out = o.depositRunsOut;
  return [
    `${o.candidate.label}${marks ? ` (${marks})` : ''}`,
    `profit ${money(o.profit.mean)}${interval} CNY, P5 ${money(o.profitP5)}`,
    `deposit runs out ${percent(out.p)} (95%: ${percent(out.low)}–${percent(out.high)}), suspended ${percent(o.suspended.p)}`,
    `${o.replications} replications`,
  ];
}

/**
 * Profit from the lowest to the highest policy's mean; the whiskers widen it by at most a quarter
 * of that span each way, so that a wide interval (few replications) does not squash the dots.
 */
function profitDomain(outcomes: PolicyOutcome[]): [number, number] {
  const means = outcomes.map((o) => o.profit.mean).filter(Number.isFinite);
  if (means.length === 0) return [0, 1];
  const [lo, hi] = [Math.min(...means), Math.max(...means)];
  const reach = lo === hi ? Math.max(1, Math.abs(lo) * 0.1) : (hi - lo) / 4;
  const lows = outcomes.map((o) => o.profit.low).filter(Number.isFinite), highs = outcomes.map((o) => o.profit.high).filter(Number.isFinite);
  return [Math.max(lo - reach, Math.min(lo, ...lows)), Math.min(hi + reach, Math.max(hi, ...highs))];
}

/**
 * Each dot's x in pixels: at its chance, nudged sideways (in steps of a dot's width, inwards at
 * the plot's edges) where it would hide a dot of the same chance, so that every policy shows.
 */
function dodge(outcomes: PolicyOutcome[], x: d3.ScaleLinear<number, number>, y: d3.ScaleLinear<number, number>): Map<PolicyOutcome, number> {
  const placed: { cx: number; cy: number }[] = [], at = new Map<PolicyOutcome, number>();
  const step = 9, [left, right] = x.range();
  for (const o of [...outcomes].sort((a, b) => Number(b.best) - Number(a.best) || b.profit.mean - a.profit.mean)) {
    const x0 = x(o.depositRunsOut.p), cy = y(o.profit.mean);
    const sides = x0 - left < 3 * step ? [1] : right - x0 < 3 * step ? [-1] : [1, -1];
    const hides = (c: number) => placed.some((p) => Math.hypot(p.cx - c, p.cy - cy) < step);
    const tries = [1, 2, 3].flatMap((k) => sides.map((side) => x0 + side * k * step));
    const cx = [x0, ...tries].find((c) => !hides(c)) ?? x0;
    placed.push({ cx, cy });
    at.set(o, cx);
  }
  return at;
}

/** The table of the chart: a row a policy, by expected profit (best first), with what it risks and its marks. */
function frontierTable(data: FrontierData) {
  const rows = [...data.outcomes].sort((a, b) => b.profit.mean - a.profit.mean).map((o) => {
    const out = o.depositRunsOut;
    return [o.candidate.label, money(o.profit.mean), Number.isFinite(o.profit.halfWidth) ? `± ${money(o.profit.halfWidth)}` : '—',
      percent(out.p), `${percent(out.low)}–${percent(out.high)}`, [o.best ? 'best' : '', o.onFrontier ? 'on the frontier' : ''].filter(Boolean).join(', ')];
  });
  return {
    caption: `a row a policy, by expected profit; ${rows.length} rows`,
    columns: ['Policy', 'Expected profit, CNY', '95% interval', 'Chance the deposit runs out', 'its 95% interval', 'Marks'],
    rows,
  };
}

export function frontierChart(container: HTMLElement, data: FrontierData): void {
  container.classList.add('frontier');
  registerTable(container, frontierTable(data));
  drawAndFollowSize(container, () => {
    container.replaceChildren();
    const width = container.clientWidth || 800, bottom = MARGIN.top + PLOT_HEIGHT;
    const outcomes = data.outcomes;
    const x = d3.scaleLinear().domain([0, 1]).range([MARGIN.left + 10, width - MARGIN.right - 10]);
    const y = d3.scaleLinear().domain(profitDomain(outcomes)).nice().range([bottom, MARGIN.top]);
    const [yLo, yHi] = y.domain();
    const place = dodge(outcomes, x, y);
    const svg = d3.select(container).append('svg').attr('width', width).attr('role', 'img').attr('aria-label', data.heading);

    svg.append('g').attr('transform', `translate(0,${bottom})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.min(5, Math.floor(width / 90)))).tickFormat(d3.format('.0%')));
    svg.append('g').attr('transform', `translate(${MARGIN.left},0)`)
      .call(d3.axisLeft(y).ticks(6).tickFormat((v) => d3.format('~s')(Number(v)).replace('-', '−')));
    svg.append('text').attr('class', 'axis-label').attr('x', (MARGIN.left + width - MARGIN.right) / 2).attr('y', bottom + 34)
      .attr('text-anchor', 'middle').text('chance the deposit runs out');
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${(MARGIN.top + bottom) / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle').text('expected profit, CNY');

    // The frontier, left to right: less risk of losing the deposit, less profit.
    const frontier = outcomes.filter((o) => o.onFrontier)
      .sort((a, b) => a.depositRunsOut.p - b.depositRunsOut.p || a.profit.mean - b.profit.mean);
    svg.append('path').attr('class', 'frontier-line').attr('fill', 'none').attr('stroke', FRONTIER).attr('stroke-width', 1.8)
      .attr('d', d3.line<PolicyOutcome>((o) => place.get(o)!, (o) => y(o.profit.mean))(frontier));

    // Hover readout above the plot, wrapping as text does, so that a phone (no hover titles) shows it on a tap.
    const readout = d3.select(container).insert('p', 'svg').attr('class', 'frontier-readout');
    const say = (parts: string[]) => {
      readout.selectAll('span').remove();
      for (const part of parts) readout.append('span').text(part);
    };
    say(['Hover or tap a dot for its policy and figures.']);

    // The best last, so that it sits on top of the dots it shares a place with.
    const drawn = [...outcomes].sort((a, b) => Number(a.best) - Number(b.best));
    for (const o of drawn) {
      const cx = place.get(o)!, colour = colourOf(o);
      const g = svg.append('g').attr('class', 'policy').attr('data-policy', o.candidate.label)
        .attr('data-best', String(o.best)).attr('data-frontier', String(o.onFrontier));
      g.append('title').text(policyFigures(o).join('\n'));
      if (Number.isFinite(o.profit.low) && Number.isFinite(o.profit.high)) {
        // Cut at the plot's edge, where it has no cap: it goes on beyond.
        const [low, high] = [Math.max(yLo, o.profit.low), Math.min(yHi, o.profit.high)];
        const w = g.append('g').attr('class', 'whisker').attr('stroke', colour).attr('stroke-opacity', 0.7);
        w.append('line').attr('x1', cx).attr('x2', cx).attr('y1', y(low)).attr('y2', y(high));
        for (const at of [low, high]) if (at !== yLo && at !== yHi) w.append('line').attr('x1', cx - 3).attr('x2', cx + 3).attr('y1', y(at)).attr('y2', y(at));
      }
      g.append('circle').attr('class', 'dot').attr('cx', cx).attr('cy', y(o.profit.mean)).attr('r', o.best ? 6 : 4.5)
        .attr('fill', o.candidate.pauseListingWhenOut ? '#fff' : colour).attr('stroke', colour).attr('stroke-width', 2);
      if (o.best) {
        g.append('circle').attr('class', 'best-ring').attr('cx', cx).attr('cy', y(o.profit.mean)).attr('r', 10)
          .attr('fill', 'none').attr('stroke', '#000').attr('stroke-width', 1.5);
        // Named above its ring (no policy earns more, so no dot is there), reaching into the plot.
        const right = cx < (MARGIN.left + width) / 2, lx = right ? cx - 10 : cx + 10, ly = y(o.profit.mean) - 16;
        const label = g.append('text').attr('class', 'best-label').attr('x', lx).attr('y', ly)
          .attr('text-anchor', right ? 'start' : 'end').attr('font-size', 12).attr('font-weight', 600).attr('fill', '#000')
          .attr('paint-order', 'stroke').attr('stroke', '#fff').attr('stroke-width', 3).text(`best: ${o.candidate.label}`);
        // Too long for the room (a phone): its parts on lines of their own, the last just above the ring.
        const room = right ? width - 4 - lx : lx - MARGIN.left;
        if (label.node()!.getComputedTextLength() > room) {
          const parts = `best: ${o.candidate.label}`.split(', ');
          label.text(null).attr('y', ly - 14 * (parts.length - 1));
          parts.forEach((part, i) => label.append('tspan').attr('x', lx).attr('dy', i === 0 ? 0 : 14).text(i < parts.length - 1 ? `${part},` : part));
        }
      }
      g.on('pointerenter', () => say(policyFigures(o)));
    }
    svg.on('pointerleave', () => say(['Hover or tap a dot for its policy and figures.']));

    // The key below the plot, its entries wrapping to the chart's width.
    const entries: [string, (row: d3.Selection<SVGGElement, unknown, null, undefined>) => void][] = [
      ...FAMILIES.map((f): [string, (row: d3.Selection<SVGGElement, unknown, null, undefined>) => void] =>
        [f.name, (row) => { row.append('circle').attr('cx', 6).attr('cy', 5).attr('r', 4.5).attr('fill', f.colour).attr('stroke', f.colour).attr('stroke-width', 2); }]),
      ['hollow: pauses listings when out', (row) => { row.append('circle').attr('cx', 6).attr('cy', 5).attr('r', 4.5).attr('fill', '#fff').attr('stroke', '#666').attr('stroke-width', 2); }],
      ['line: the frontier', (row) => { row.append('line').attr('x1', 0).attr('x2', 12).attr('y1', 5).attr('y2', 5).attr('stroke', FRONTIER).attr('stroke-width', 1.8); }],
      ['ringed: best expected profit', (row) => { row.append('circle').attr('cx', 6).attr('cy', 5).attr('r', 6).attr('fill', 'none').attr('stroke', '#000').attr('stroke-width', 1.5); }],
      ['side by side: the same chance',  (row) => { for (const cx of [3, 10]) row.append('circle').attr('cx', cx).attr('cy', 5).attr('r', 3.5).attr('fill', '#999'); }],
      ['whisker: 95% interval of the profit', (row) => { row.append('line').attr('x1', 6).attr('x2', 6).attr('y1', -1).attr('y2', 11).attr('stroke', '#666'); }],
    ];
    const key = svg.append('g').attr('class', 'legend');
    let at = { x: 4, y: bottom + 52 };
    for (const [label, glyph] of entries) {
      const row = key.append('g');
      glyph(row);
      row.append('text').attr('x', 16).attr('y', 9).attr('class', 'axis-label').attr('font-size', 12).text(label);
      // Measured once drawn (label widths depend on the font); a hidden chart measures 0 and keeps one line.
      const w = row.node()!.getBBox().width;
      if (at.x > 4 && at.x + w > width - 4) at = { x: 4, y: at.y + 18 };
      row.attr('transform', `translate(${at.x},${at.y})`);
      at.x += w + 18;
    }
    svg.attr('height', at.y + 18);
  });
}
