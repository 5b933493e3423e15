// The seller view's figures: per replication, the fines a seller paid over the season, the lowest
// its deposit went and the China days on which orders waited for stock, read from its hourly series.
import type { SellerSeries } from '../src/model/seller-watch.ts';

export interface SellerFigures {
  finesCny: number;
  /** The lowest balance at an hour's end (a fine and a top-up within one hour are not seen apart). */
  depositLowCny: number;
  /** Days with units backordered at some hour's end. */
  daysShort: number;
}

export function sellerFigures(series: SellerSeries): SellerFigures {
  const hours = series.depositCny.length;
  let low = Infinity, daysShort = 0;
  for (let h = 0; h < hours; h++) low = Math.min(low, series.depositCny[h]);
  for (let day = 0; day * 24 < hours; day++) {
    if (series.backordered.subarray(day * 24, day * 24 + 24).some((units) => units > 0)) daysShort++;
  }
  return { finesCny: series.finesCny[hours - 1], depositLowCny: low, daysShort };
}

const COLUMNS: [keyof SellerFigures, string][] = [
  ['finesCny', 'Fines paid'],
  ['depositLowCny', 'Deposit low point'],
  ['daysShort', 'Days short of stock'],
];
const cny = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const shown = (x: number) => cny.format(x).replace('-', '−');

/** A row per replication and their mean; the exact figures also sit in data-figures, for tests and tools. */
export function sellerFiguresTable(table: HTMLTableElement, figures: SellerFigures[]): void {
  const cell = (tag: 'td' | 'th', text: string) => Object.assign(document.createElement(tag), { textContent: text });
  const row = (label: string, values: string[], tag: 'td' | 'th' = 'td') => {
    const tr = document.createElement('tr');
    tr.append(cell(tag, label), ...values.map((v) => cell(tag, v)));
    return tr;
  };
  const head = document.createElement('thead'), body = document.createElement('tbody');
  head.append(row('Replication', COLUMNS.map(([, label]) => label), 'th'));
  figures.forEach((f, r) => body.append(row(String(r + 1), COLUMNS.map(([key]) => shown(f[key])))));
  if (figures.length > 1) {
    const mean = body.appendChild(row('mean', COLUMNS.map(([key]) => shown(figures.reduce((sum, f) => sum + f[key], 0) / figures.length))));
    mean.className = 'mean';
  }
  table.replaceChildren(Object.assign(document.createElement('caption'), { textContent: 'The season’s figures in CNY and days, read at each hour’s end (a day short of stock: orders waited for stock in it)' }), head, body);
  table.dataset.figures = JSON.stringify(figures);
}
