// Chart: fines per seller over the season — how many sellers fall in each log-spaced band of
// total fines (bars at their own edges on a decade axis; zero-fine sellers apart, on the left),
// each bar split by cause in proportion to the fines of that cause in the band, with the deposit
// marked; below it, one small panel a seller class that has sellers (its sellers per band, on the
// same axes). In compare mode, scenario B's sellers per band are a dashed outline over A's bar.
// The key sits above the plot.
import * as d3 from 'd3';
import { drawAndFollowSize } from './resize.ts';
import { bandsInUse, sameBins } from './bins.ts';
import { keyAbove, type LegendEntry } from './legend.ts';
import { amountAxis, barCount, countAxis, decadeAxis, outlineBar } from './log-bars.ts';
import { countFormat } from './ticks.ts';
import { registerTable } from './chart-table.ts';
import { seriesName } from '../glossary/series.ts';
import type { HistogramSnapshot } from '../../src/engine/index.ts';

/** One scenario's fines, as the chart reads them. */
interface SellerFines {
  /** Sellers per band of season fines (log bins, zeros apart), summed over `replications`. */
  perSeller: HistogramSnapshot;
  /** CNY of each cause in the band of its seller's total, same bins. */
  byCause: { cause: string; hist: HistogramSnapshot }[];
  /** The same sellers per band, for each class that has sellers (class-histograms.ts). */
  classes: ClassFines[];
  replications: number;
}

/** One class's sellers per band of season fines, binned as `perSeller`. */
export interface ClassFines { name: string; perSeller: HistogramSnapshot }

export interface FinesData extends SellerFines {
  depositCny: number;
  /** Another scenario's fines (compare mode); left out, with a note, if binned differently from A's. */
  compare?: SellerFines & { label: string };
}

const CAUSE_COLOURS = ['#E69F00', '#D55E00', '#0072B2', '#CC79A7', '#009E73', '#56B4E9']; // Okabe–Ito
const NO_FINE = '#999', FINED = '#555';
/** The main panel's and each class panel's plot height, and the gap above a class panel (its axis and name). */
const MAIN = 200, CLASS = 100, GAP = 44;
/** The "no fine" bar's slot, left of the log axis. */
const ZERO_SLOT = 44;

/** Each cause's share of the fines in bin `bin`. */
function causeShares(byCause: SellerFines['byCause'], bin: number): number[] {
  const amounts = byCause.map((c) => c.hist.counts[bin]);
  const total = amounts.reduce((a, b) => a + b, 0) || 1;
  return amounts.map((a) => a / total);
}

const money = d3.format(',.0f'), share = d3.format('.0%');

export function finesChart(container: HTMLElement, data: FinesData): void {
  const { perSeller, byCause, replications } = data;
  // A band must mean the same amounts in A and B for B's outline to stand over A's bar.
  const other = data.compare && sameBins(perSeller, data.compare.perSeller) ? data.compare : undefined;
  const count = barCount([perSeller, ...(other ? [other.perSeller] : [])].map((h) => h.count / replications), replications);
  // The "no fine" bar, then the bands that hold sellers in A or B.
  const bars = [
    { lo: 0, hi: 0, a: count.of(perSeller.zeros), shares: [1], b: other ? count.of(other.perSeller.zeros) : 0, bShares: [] as number[] },
    ...bandsInUse(perSeller, other?.perSeller).map((band) => ({
      lo: band.lo, hi: band.hi, a: count.of(band.a), shares: causeShares(byCause, band.bin),
      b: other ? count.of(band.b) : 0, bShares: other ? causeShares(other.byCause, band.bin) : [],
    })),
  ];
  // Each class's bars on the same bands: "no fine", then the bands the class uses in A or B.
  const names = [...new Set([...data.classes, ...(other?.classes ?? [])].map((c) => c.name))];
  const classPanels = names.map((name) => {
    const [ca, cb] = [data.classes.find((c) => c.name === name)?.perSeller, other?.classes.find((c) => c.name === name)?.perSeller];
    const none = { ...perSeller, counts: new Float64Array(perSeller.bins), zeros: 0 };
    return {
      name,
      bars: [{ lo: 0, hi: 0, a: count.of(ca?.zeros ?? 0), b: count.of(cb?.zeros ?? 0) },
        ...bandsInUse(ca ?? none, cb).map((band) => ({ lo: band.lo, hi: band.hi, a: count.of(band.a), b: count.of(band.b) }))],
    };
  });
  const bandName = (b: { lo: number; hi: number }) => (b.hi ? `${money(b.lo)}–${money(b.hi)} CNY` : seriesName('noFine').toLowerCase());
  registerTable(container, {
    caption: `one row a band of season fines (20 bands a decade), ${count.column}; each cause’s share of the band’s fines; then each seller class’s bands`,
    columns: ['season fines per seller', `${count.column}, A`, ...byCause.map((c) => `${c.cause}, share`), ...(other ? [`${count.column}, B`] : [])],
    rows: [
      ...bars.map((b) => [bandName(b), count.text(b.a), ...byCause.map((_, k) => (b.hi ? share(b.shares[k]) : '—')), ...(other ? [count.text(b.b)] : [])]),
      ...classPanels.flatMap((p) => p.bars.map((b) => [`${p.name} sellers: ${bandName(b)}`, count.text(b.a), ...byCause.map(() => '—'), ...(other ? [count.text(b.b)] : [])])),
    ],
  });
  drawAndFollowSize(container, () => {
    container.replaceChildren();
    const width = container.clientWidth || 800;
    const svg = d3.select(container).append('svg').attr('width', width).attr('role', 'img').attr('aria-label', 'Sellers by season fines, split by cause');
    const entries: LegendEntry[] = [
      { label: seriesName('noFine'), colour: NO_FINE },
      ...byCause.map((c, k) => ({ label: c.cause, colour: CAUSE_COLOURS[k % CAUSE_COLOURS.length] })),
      { label: `${seriesName('deposit')}, ${d3.format(',')(data.depositCny)} CNY`, colour: '#000', swatch: 'dashed' as const, dash: '3 3' },
      { label: 'by class below: sellers fined', colour: FINED },
    ];
    if (other) entries.push({ label: `dashed outline: B, ${other.label}`, colour: '#000', swatch: 'outline' });
    // A row with a blank swatch says why B is missing, where the reader looks for it.
    else if (data.compare) entries.push({ label: `${data.compare.label} not drawn: its fines are banded differently`, colour: 'none' });
    const { top } = keyAbove(svg, entries, width);
    const margin = { top, right: 16, bottom: 40, left: width < 500 ? 44 : 64 };
    const mainBottom = top + MAIN;
    const height = mainBottom + classPanels.length * (GAP + CLASS) + margin.bottom;
    svg.attr('height', height);
    const { x, ticks } = amountAxis(bars.slice(1).flatMap((b) => [b.lo, b.hi]).concat(data.depositCny), [margin.left + ZERO_SLOT, width - margin.right], false);
    const { y, ticks: yTicks } = countAxis(d3.max(bars, (b) => Math.max(b.a, b.b)) ?? 1, [mainBottom, margin.top]);
    const barAt = (b: { lo: number; hi: number }) => (b.hi ? [x(b.lo), Math.max(1, x(b.hi) - x(b.lo) - 0.5)] : [margin.left + 6, ZERO_SLOT - 16]);
    bars.forEach((b) => {
      const [left, w] = barAt(b);
      const g = svg.append('g').attr('class', 'fine-bar').attr('data-lo', b.lo).attr('data-hi', b.hi);
      g.append('title').text(`${bandName(b)}: ${count.text(b.a)}` +
        (b.hi ? byCause.map((c, k) => `\n${c.cause}: ${share(b.shares[k])}`).join('') : '') +
        (other ? `\nB (${other.label}): ${count.text(b.b)}` +
          (b.hi && b.b > 0 ? ` — ${other.byCause.map((c, k) => `${c.cause} ${share(b.bShares[k])}`).join(', ')}` : '') : ''));
      let base = 0;
      b.shares.forEach((part, k) => {
        const h = b.a * part;
        g.append('rect').attr('x', left).attr('width', w).attr('y', y(base + h)).attr('height', Math.max(0, y(base) - y(base + h)))
          .attr('fill', b.hi ? CAUSE_COLOURS[k % CAUSE_COLOURS.length] : NO_FINE);
        base += h;
      });
      outlineBar(g, left, w, y, b.b);
    });
    const at = x(data.depositCny);
    const amountAxisAt = (bottom: number) => {
      svg.append('line').attr('class', 'deposit').attr('x1', at).attr('x2', at).attr('y1', bottom - (bottom === mainBottom ? MAIN : CLASS)).attr('y2', bottom).attr('stroke', '#000').attr('stroke-dasharray', '3 3');
      decadeAxis(svg, x, ticks, bottom);
      svg.append('text').attr('class', 'axis-label').attr('x', margin.left + ZERO_SLOT / 2 - 5).attr('y', bottom + 18).attr('text-anchor', 'middle').text('0');
    };
    amountAxisAt(mainBottom);
    svg.append('g').attr('class', 'y-axis').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).tickValues(yTicks).tickFormat(countFormat(width)));
    // The classes' panels share the amount axis, and one count axis among themselves.
    const mostInClass = d3.max(classPanels.flatMap((p) => p.bars), (b) => Math.max(b.a, b.b)) ?? 1;
    classPanels.forEach((p, k) => {
      const bottom = mainBottom + (k + 1) * (GAP + CLASS);
      const { y: yc, ticks: ycTicks } = countAxis(mostInClass, [bottom, bottom - CLASS + 12], 3);
      const g = svg.append('g').attr('class', 'fines-class-panel').attr('data-class', p.name);
      g.append('text').attr('class', 'axis-label class-name').attr('x', margin.left + 4).attr('y', bottom - CLASS + 4).attr('font-weight', 600).text(`${p.name} sellers`);
      for (const b of p.bars) {
        const [left, w] = barAt(b);
        const band = g.append('g').attr('class', 'class-fine-bar');
        band.append('title').text(`${p.name}, ${bandName(b)}: ${count.text(b.a)}` + (other ? `\nB (${other.label}): ${count.text(b.b)}` : ''));
        band.append('rect').attr('x', left).attr('width', w).attr('y', yc(b.a)).attr('height', yc(0) - yc(b.a)).attr('fill', b.hi ? FINED : NO_FINE);
        outlineBar(band, left, w, yc, b.b);
      }
      amountAxisAt(bottom);
      g.append('g').attr('class', 'y-axis').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(yc).tickValues(ycTicks).tickFormat(countFormat(width)));
    });
    svg.append('text').attr('class', 'axis-label').attr('x', (margin.left + width) / 2).attr('y', height - 4).attr('text-anchor', 'middle').text(width < 500 ? 'fines per seller, CNY (log)' : `${seriesName('finesPerSeller').toLowerCase()}, CNY (log scale)`);
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(12,${(margin.top + mainBottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle').text(width < 500 ? count.short : count.axis);
  });
}
