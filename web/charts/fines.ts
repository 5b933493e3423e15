// Chart: fines per seller over the season — how many sellers fall in each log-spaced band of
// total fines (zero-fine sellers apart, on the left), each bar split by cause in proportion to
// the fines of that cause in the band, with the deposit marked. In compare mode, scenario B's
// sellers per band are a dashed outline over A's bar.
import * as d3 from 'd3';
import { drawAndFollowSize } from './resize.ts';
import { bandFrame, bandsInUse, compareBar, sameBins } from './bins.ts';
import { legend, type LegendEntry } from './legend.ts';
import type { HistogramSnapshot } from '../../src/engine/index.ts';

/** One scenario's fines, as the chart reads them. */
interface SellerFines {
  /** Sellers per band of season fines (log bins, zeros apart), summed over `replications`. */
  perSeller: HistogramSnapshot;
  /** CNY of each cause in the band of its seller's total, same bins. */
  byCause: { cause: string; hist: HistogramSnapshot }[];
  replications: number;
}

export interface FinesData extends SellerFines {
  depositCny: number;
  /** Another scenario's fines (compare mode); left out, with a note, if binned differently from A's. */
  compare?: SellerFines & { label: string };
}

const CAUSE_COLOURS = ['#E69F00', '#D55E00', '#0072B2', '#CC79A7', '#009E73', '#56B4E9']; // Okabe–Ito

/** Each cause's share of the fines in bin `bin`. */
function causeShares(byCause: SellerFines['byCause'], bin: number): number[] {
  const amounts = byCause.map((c) => c.hist.counts[bin]);
  const total = amounts.reduce((a, b) => a + b, 0) || 1;
  return amounts.map((a) => a / total);
}

export function finesChart(container: HTMLElement, data: FinesData): void {
  drawAndFollowSize(container, () => {
    container.replaceChildren();
    const width = container.clientWidth || 800, height = container.clientHeight || 340;
    const margin = { top: 16, right: 16, bottom: 40, left: 64 };
    const { perSeller, byCause, replications } = data;
    // A band must mean the same amounts in A and B for B's outline to stand over A's bar.
    const other = data.compare && sameBins(perSeller, data.compare.perSeller) ? data.compare : undefined;
    // The bands that hold sellers in A or B, plus a "no fine" bar.
    const bars: { label: string; lo: number; hi: number; sellers: number; shares: number[]; b: number; bShares: number[] }[] = [];
    bars.push({
      label: '0', lo: 0, hi: 0, sellers: perSeller.zeros / replications, shares: byCause.map(() => 0),
      b: other ? other.perSeller.zeros / other.replications : 0, bShares: [],
    });
    for (const band of bandsInUse(perSeller, other?.perSeller)) {
      bars.push({
        label: d3.format('.2s')(band.lo), lo: band.lo, hi: band.hi, sellers: band.a / replications, shares: causeShares(byCause, band.bin),
        b: other ? band.b / other.replications : 0, bShares: other ? causeShares(other.byCause, band.bin) : [],
      });
    }
    const frame = bandFrame(container, bars, { width, height }, margin, 'Sellers by season fines, split by cause');
    const { x, y, svg } = frame;
    const sellers = d3.format(',.1f'), share = d3.format('.0%');
    bars.forEach((b, i) => {
      let base = 0;
      const g = svg.append('g').attr('class', 'fine-bar');
      g.append('title').text(`${b.hi ? `${d3.format(',.0f')(b.lo)}–${d3.format(',.0f')(b.hi)} CNY` : 'no fine'}: ${sellers(b.sellers)} sellers` +
        byCause.map((c, k) => `\n${c.cause}: ${share(b.shares[k])}`).join('') +
        (other ? `\nB (${other.label}): ${sellers(b.b)} sellers` +
          (b.hi && b.b > 0 ? ` — ${other.byCause.map((c, k) => `${c.cause} ${share(b.bShares[k])}`).join(', ')}` : '') : ''));
      const parts = b.hi ? b.shares : [1];
      parts.forEach((part, k) => {
        const h = b.sellers * part;
        g.append('rect').attr('x', x(String(i))!).attr('width', x.bandwidth())
          .attr('y', y(base + h)).attr('height', Math.max(0, y(base) - y(base + h)))
          .attr('fill', b.hi ? CAUSE_COLOURS[k % CAUSE_COLOURS.length] : '#999');
        base += h;
      });
      compareBar(g, frame, i, b.b);
    });
    // The deposit sits in the first band whose upper edge exceeds it.
    const depositBar = bars.findIndex((b) => b.hi > data.depositCny && b.lo <= data.depositCny);
    if (depositBar >= 0) {
      const at = x(String(depositBar))! + x.bandwidth() / 2;
      svg.append('line').attr('x1', at).attr('x2', at).attr('y1', margin.top).attr('y2', height - margin.bottom).attr('stroke', '#000').attr('stroke-dasharray', '3 3');
      svg.append('text').attr('x', at + 4).attr('y', margin.top + 10).attr('class', 'axis-label').text(`deposit ${d3.format(',')(data.depositCny)} CNY`);
    }
    svg.append('g').attr('transform', `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).tickFormat((i) => bars[Number(i)].label).tickValues(x.domain().filter((_, i) => i % Math.ceil(bars.length / 16) === 0)));
    svg.append('g').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(6));
    svg.append('text').attr('class', 'axis-label').attr('x', (margin.left + width) / 2).attr('y', height - 6).attr('text-anchor', 'middle').text('season fines per seller, CNY (log bands)');
    svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${height / 2}) rotate(-90)`).attr('text-anchor', 'middle').text('sellers (mean per replication)');
    const entries: LegendEntry[] = byCause.map((c, k) => ({ label: c.cause, colour: CAUSE_COLOURS[k % CAUSE_COLOURS.length] }));
    if (other) entries.push({ label: `dashed outline: ${other.label}`, colour: '#000', swatch: 'outline' });
    // A row with a blank swatch says why B is missing, where the reader looks for it.
    else if (data.compare) entries.push({ label: `${data.compare.label} not drawn: its fines are banded differently`, colour: 'none' });
    legend(svg, entries, { x: width - margin.right, y: margin.top + 4, anchor: 'end' });
  });
}
