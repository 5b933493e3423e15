// Chart: who bears the burden? — small multiples by seller class: one panel a measure (fines as
// a share of the class's GMV, orders shipped on time, orders cancelled for stockout, sellers
// suspended, profit per seller), the classes side by side in each. A share is a bar at its mean
// over replications with a whisker for its 95% interval; profit is the median seller's (a dot,
// with its 95% interval) over a pale bar from the P5 to the P95 seller, on a signed log axis. A
// class without sellers is left out. In compare mode, scenario B stands beside A as a dashed
// outline (a hollow dot for profit), and every title gives B's value too. The panels wrap in a
// CSS grid (.burden in style.css), with a last cell saying how to read them.
import * as d3 from 'd3';
import type { KpiInterval } from '../../src/experiment/summary.ts';
import { drawAndFollowSize } from './resize.ts';
import { dashedOutline } from './legend.ts';
import { decadeLabel, signedDecadeTicks } from './ticks.ts';
import { registerTable } from './chart-table.ts';

type ByClass = Record<string, Record<string, KpiInterval>>;

export interface BurdenData {
  /** Per seller class (large, medium, small), its KPIs' means and 95% intervals over replications. */
  byClass: ByClass;
  /** Another scenario's classes (compare mode). */
  compare?: { label: string; byClass: ByClass };
}

const CLASS_ORDER = ['large', 'medium', 'small'];
const CLASS_COLOURS: Record<string, string> = { large: '#0072B2', medium: '#E69F00', small: '#009E73' }; // Okabe–Ito
const HEIGHT = 220;
const MARGIN = { top: 30, right: 10, bottom: 24, left: 50 };
/** A bar no wider than this, however few the classes. */
const MAX_BAR = 44;

/** The share measures, each with its panel's heading and what its title says of a value. */
const SHARES: { key: string; heading: string; says: (v: string) => string }[] = [
  { key: 'finesShareOfGmv', heading: 'Fines as a share of the class’s GMV', says: (v) => `fines ${v} of GMV` },
  { key: 'onTimeShare', heading: 'Orders shipped on time', says: (v) => `${v} of orders shipped on time` },
  { key: 'ordersCancelledShare', heading: 'Orders cancelled for stockout', says: (v) => `${v} of orders cancelled for stockout` },
  { key: 'sellersSuspendedShare', heading: 'Sellers suspended', says: (v) => `${v} of sellers suspended` },
];

/** Digits of a share in a title: one decimal of a percent, two below 1% (as the command's table). */
const digitsOf = (x: number) => (x < 0.01 ? 2 : 1);
const money = d3.format(',.0f');

/**
 * A share in a title, said by `says` ("fines 19.2% of GMV"), then its 95% interval: " (95%:
 * 18.1–20.3%)"; no interval from one replication.
 */
function shareText(k: KpiInterval, says: (v: string) => string): string {
  const d = digitsOf(k.mean), p = (x: number) => (100 * x).toFixed(d);
  if (!Number.isFinite(k.low) || !Number.isFinite(k.high)) return says(`${p(k.mean)}%`);
  return `${says(`${p(k.mean)}%`)} (95%: ${k.low < 0 ? `${p(k.low)}% to ${p(k.high)}%` : `${p(k.low)}–${p(k.high)}%`})`;
}

/** The median seller's profit, its 95% interval, and the P5 and P95 sellers', in CNY. */
function profitText(k: Record<string, KpiInterval>): string {
  const p50 = k.sellerProfitP50Cny;
  const ci = Number.isFinite(p50.low) && Number.isFinite(p50.high) ? ` (95%: ${money(p50.low)} to ${money(p50.high)})` : '';
  return `median seller’s profit ${money(p50.mean)} CNY${ci}; P5 ${money(k.sellerProfitP5Cny.mean)}, P95 ${money(k.sellerProfitP95Cny.mean)} CNY`;
}

const hasSellers = (by: ByClass | undefined, c: string) => (by?.[c]?.sellers?.mean ?? 0) > 0;
const rank = (c: string) => (CLASS_ORDER.includes(c) ? CLASS_ORDER.indexOf(c) : CLASS_ORDER.length);

/** Profit is linear within ± this many CNY of 0 and logarithmic beyond, so that small and large sellers both read. */
const SYMLOG_CNY = 1000;

/** Out from 0 to 1, 2 or 5 times a power of ten, keeping the sign: the end of a signed log axis. */
function niceSigned(v: number): number {
  if (v === 0) return 0;
  const a = Math.abs(v), p = 10 ** Math.floor(Math.log10(a));
  return Math.sign(v) * [1, 2, 5, 10].find((m) => m * p >= a)! * p;
}

/**
 * A signed log axis' ticks: 0 and ±1k, 10k, 100k… inside the domain, whatever the data (ticks.ts);
 * a domain within ±`SYMLOG_CNY` (near linear) has its ends ticked too.
 */
function symlogTicks(y: d3.ScaleSymLog<number, number>): number[] {
  const [lo, hi] = y.domain(), ticks = signedDecadeTicks(lo, hi, SYMLOG_CNY);
  return ticks.length > 1 ? ticks : [...new Set([lo, ...ticks, hi])].sort((p, q) => p - q);
}

/**
 * A panel of the grid: its cell, svg, heading, classes along x and axes; y over `values` and 0,
 * linear for shares, signed log for money (a large seller's profit is a hundred small ones').
 */
function panel(container: HTMLElement, heading: string, classes: string[], withB: boolean, values: number[], format: 'percent' | 'money') {
  const cell = container.appendChild(Object.assign(document.createElement('div'), { className: 'burden-panel' }));
  const width = cell.clientWidth || 300, height = HEIGHT;
  const finite = values.filter(Number.isFinite);
  const [lo, hi] = [Math.min(0, ...finite), Math.max(0, ...finite)];
  const ticks = Math.max(2, Math.floor((height - MARGIN.top - MARGIN.bottom) / 55));
  let y: d3.ScaleContinuousNumeric<number, number>, tickValues: number[], tick: (v: number) => string;
  if (format === 'percent') {
    const linear = d3.scaleLinear().domain(lo === hi ? [0, 1] : [lo, hi]).nice().range([height - MARGIN.bottom, MARGIN.top]);
    const percent = linear.tickFormat(ticks, '%');
    [y, tickValues, tick] = [linear, linear.ticks(ticks), (v) => percent(v)];
  } else {
    const symlog = d3.scaleSymlog().constant(SYMLOG_CNY).domain(lo === hi ? [0, SYMLOG_CNY] : [niceSigned(lo), niceSigned(hi)]).range([height - MARGIN.bottom, MARGIN.top]);
    [y, tickValues, tick] = [symlog, symlogTicks(symlog), decadeLabel];
  }
  const x = d3.scaleBand().domain(classes).range([MARGIN.left, width - MARGIN.right]).paddingInner(0.3).paddingOuter(0.2);
  const svg = d3.select(cell).append('svg').attr('width', width).attr('height', height).attr('role', 'img').attr('aria-label', heading);
  svg.append('text').attr('class', 'burden-heading').attr('x', 4).attr('y', 16)
    .attr('font-size', 13).attr('font-weight', 600).attr('fill', '#222').text(heading);
  svg.append('g').attr('transform', `translate(${MARGIN.left},0)`)
    .call(d3.axisLeft(y).tickValues(tickValues).tickFormat((v) => (Number(v) === 0 ? '0' : tick(Number(v)))));
  if (y.domain()[0] < 0) {
    svg.append('line').attr('class', 'zero').attr('x1', MARGIN.left).attr('x2', width - MARGIN.right)
      .attr('y1', y(0)).attr('y2', y(0)).attr('stroke', '#999');
  }
  svg.append('g').attr('class', 'classes').attr('transform', `translate(0,${height - MARGIN.bottom})`).call(d3.axisBottom(x).tickSizeOuter(0));
  /** Where A's or B's mark for class `c` stands: its left edge and width, at most MAX_BAR wide; B just right of A, the two centred on the class. */
  const marks = withB ? 2 : 1, gap = 4;
  const w = Math.min((x.bandwidth() - gap * (marks - 1)) / marks, MAX_BAR);
  const slot = (c: string, which: 'a' | 'b') =>
    ({ left: x(c)! + (x.bandwidth() - marks * w - gap * (marks - 1)) / 2 + (which === 'b' ? w + gap : 0), w });
  return { svg, y, slot };
}

type Panel = ReturnType<typeof panel>;

/** A 95% interval's whisker at `cx`, cut at the axis' ends; none when not finite (one replication). */
function whisker(g: d3.Selection<SVGGElement, unknown, null, undefined>, y: Panel['y'], cx: number, cap: number, k: KpiInterval): void {
  if (!Number.isFinite(k.low) || !Number.isFinite(k.high)) return;
  const [lo, hi] = y.domain();
  const y1 = y(Math.max(lo, k.low)), y2 = y(Math.min(hi, k.high));
  const w = g.append('g').attr('class', 'whisker').attr('stroke', '#000').attr('stroke-width', 1.2);
  w.append('line').attr('x1', cx).attr('x2', cx).attr('y1', y1).attr('y2', y2);
  for (const at of [y1, y2]) w.append('line').attr('x1', cx - cap).attr('x2', cx + cap).attr('y1', at).attr('y2', at);
}

/** One row a class (and, in compare mode, a row for B's): each panel's mean, in the titles' words. */
function burdenTable(data: BurdenData, classes: string[]) {
  const runs = [['A', data.byClass], ...(data.compare ? [['B', data.compare.byClass]] : [])] as [string, ByClass][];
  const percent = (k: KpiInterval) => (Number.isFinite(k.mean) ? `${(100 * k.mean).toFixed(digitsOf(k.mean))}%` : '—');
  return {
    caption: `one row a seller class${data.compare ? ' and scenario' : ''}, means over replications; profit is the median seller’s, CNY`,
    columns: ['class', ...SHARES.map((m) => m.heading), 'Median seller’s profit, CNY'],
    rows: classes.flatMap((c) => runs.filter(([, by]) => hasSellers(by, c)).map(([run, by]) => [
      data.compare ? `${c}, ${run}` : c, ...SHARES.map((m) => percent(by[c][m.key])),
      Number.isFinite(by[c].sellerProfitP50Cny.mean) ? money(by[c].sellerProfitP50Cny.mean).replace('-', '−') : '—',
    ])),
  };
}

export function burdenChart(container: HTMLElement, data: BurdenData): void {
  container.classList.add('burden');
  const classesOf = (a: ByClass, b?: ByClass) => [...new Set([...Object.keys(a), ...Object.keys(b ?? {})])]
    .filter((c) => hasSellers(a, c) || hasSellers(b, c))
    .sort((p, q) => rank(p) - rank(q));
  registerTable(container, burdenTable(data, classesOf(data.byClass, data.compare?.byClass)));
  drawAndFollowSize(container, () => {
    container.replaceChildren();
    const a = data.byClass, b = data.compare?.byClass, label = data.compare?.label;
    const classes = classesOf(a, b);
    const colour = (c: string) => CLASS_COLOURS[c] ?? '#999';
    // Each class's title: A's value, then B's on its own line in compare mode.
    const title = (c: string, text: (k: Record<string, KpiInterval>) => string) =>
      `${c}: ${hasSellers(a, c) ? text(a[c]) : 'no sellers of this class'}` +
      (b ? `\nB (${label}): ${hasSellers(b, c) ? text(b[c]) : 'no sellers of this class'}` : '');
    const nothing = (k: KpiInterval) => !Number.isFinite(k.mean);

    for (const m of SHARES) {
      const values = [a, b].flatMap((by) => classes.filter((c) => hasSellers(by, c)).flatMap((c) => [by![c][m.key].mean, by![c][m.key].high]));
      const { svg, y, slot } = panel(container, m.heading, classes, !!b, values, 'percent');
      for (const c of classes) {
        const g = svg.append('g').attr('class', 'burden-bar').attr('data-class', c);
        g.append('title').text(title(c, (k) => (nothing(k[m.key]) ? 'no orders or sellers to measure' : shareText(k[m.key], m.says))));
        for (const [which, by] of [['a', a], ['b', b]] as const) {
          if (!hasSellers(by, c) || nothing(by![c][m.key])) continue;
          const k = by![c][m.key], { left, w } = slot(c, which);
          const bar = g.append('rect').attr('x', left).attr('width', w)
            .attr('y', y(Math.max(0, k.mean))).attr('height', Math.abs(y(0) - y(k.mean)));
          if (which === 'a') bar.attr('class', 'burden-a').attr('fill', colour(c));
          else bar.attr('class', 'burden-b compare-bar').call(dashedOutline);
          whisker(g, y, left + w / 2, Math.min(6, w / 4), k);
        }
      }
    }

    // Profit: the median seller as a dot with its 95% interval, over a pale bar from P5 to P95.
    const profitValues = [a, b].flatMap((by) => classes.filter((c) => hasSellers(by, c)).flatMap((c) => {
      const { sellerProfitP5Cny: p5, sellerProfitP50Cny: p50, sellerProfitP95Cny: p95 } = by![c];
      return [p5.mean, p95.mean, p50.mean, p50.low, p50.high];
    }));
    const { svg, y, slot } = panel(container, 'Profit per seller, CNY (signed log axis)', classes, !!b, profitValues, 'money');
    for (const c of classes) {
      const g = svg.append('g').attr('class', 'burden-bar').attr('data-class', c);
      g.append('title').text(title(c, (k) => (nothing(k.sellerProfitP50Cny) ? 'no sellers to measure' : profitText(k))));
      for (const [which, by] of [['a', a], ['b', b]] as const) {
        if (!hasSellers(by, c) || nothing(by![c].sellerProfitP50Cny)) continue;
        const k = by![c], { left, w } = slot(c, which);
        const [p5, p95] = [k.sellerProfitP5Cny.mean, k.sellerProfitP95Cny.mean];
        const top = y(Math.max(p5, p95)), bottom = y(Math.min(p5, p95));
        const range = g.append('rect').attr('x', left).attr('width', w).attr('y', top).attr('height', Math.max(1, bottom - top));
        if (which === 'a') range.attr('class', 'burden-a').attr('fill', colour(c)).attr('fill-opacity', 0.3);
        else range.attr('class', 'burden-b compare-bar').call(dashedOutline);
        whisker(g, y, left + w / 2, Math.min(6, w / 4), k.sellerProfitP50Cny);
        g.append('circle').attr('class', which === 'a' ? 'median' : 'median compare-median')
          .attr('cx', left + w / 2).attr('cy', y(k.sellerProfitP50Cny.mean)).attr('r', 4)
          .attr('fill', which === 'a' ? colour(c) : '#fff').attr('stroke', '#000').attr('stroke-width', 1.2);
      }
    }

    // The last cell: how to read the panels, and which scenario the outlines are.
    const cell = container.appendChild(Object.assign(document.createElement('div'), { className: 'burden-key' }));
    const key = d3.select(cell).append('svg').attr('width', cell.clientWidth || 300).attr('role', 'img').attr('aria-label', 'How to read these panels');
    key.append('text').attr('x', 4).attr('y', 16).attr('font-size', 13).attr('font-weight', 600).attr('fill', '#222').text('How to read them');
    type Glyph = (g: d3.Selection<SVGGElement, unknown, null, undefined>) => void;
    const rows: [string, Glyph?][] = [
      ['bar: mean over the replications', (g) => { g.append('rect').attr('width', 12).attr('height', 10).attr('fill', '#999'); }],
      ['whisker: its 95% interval (needs 2 or more replications)', (g) => whisker(g, d3.scaleLinear().domain([0, 1]).range([10, 0]), 6, 3, { n: 2, mean: 0.5, sd: 0, halfWidth: 0.5, low: 0, high: 1 })],
      ['profit: the median seller, whisker as above', (g) => { g.append('circle').attr('cx', 6).attr('cy', 5).attr('r', 4).attr('fill', '#999').attr('stroke', '#000').attr('stroke-width', 1.2); }],
      ['pale bar: from the P5 to the P95 seller', (g) => { g.append('rect').attr('width', 12).attr('height', 10).attr('fill', '#999').attr('fill-opacity', 0.3); }],
      ...(b ? [
        ['dashed outline, hollow dot: scenario B,', (g) => { g.append('rect').attr('width', 12).attr('height', 10).call(dashedOutline); }],
        [`beside A: ${label}`],
      ] as [string, Glyph?][] : []),
      ['Hover a bar for exact values.'],
    ];
    rows.forEach(([text, glyph], i) => {
      const row = key.append('g').attr('transform', `translate(4,${32 + i * 18})`);
      glyph?.(row);
      // Sized here, not only by the page's CSS, so that a downloaded SVG or PNG keeps the key inside its cell.
      row.append('text').attr('x', 18).attr('y', 9).attr('class', 'axis-label').attr('font-size', 12).attr('fill', '#444').text(text);
    });
    key.attr('height', 32 + rows.length * 18 + 4);
  });
}
