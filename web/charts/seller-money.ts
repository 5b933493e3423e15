// Chart: one seller's money over the season — its deposit balance (zero and the full deposit
// drawn, so a fall below zero and each top-up show) and the fines it has paid so far, in CNY.
import * as d3 from 'd3';
import type { HourlyBand } from '../../src/experiment/summary.ts';
import type { Mark } from '../peak-days.ts';
import { seasonBandsChart } from './season-bands.ts';

export interface SellerMoneyData {
  seller: string;
  seasonStart: string;
  depositCny: HourlyBand;
  finesCny: HourlyBand;
  /** The full deposit, which a seller tops its balance back up to. */
  fullDepositCny: number;
  marks: Mark[];
  replications: number;
}

const COLOURS = { deposit: '#0072B2', fines: '#D55E00' }; // Okabe–Ito

export function sellerMoneyChart(container: HTMLElement, data: SellerMoneyData): void {
  const cny = d3.format(',.0f');
  seasonBandsChart(container, {
    seasonStart: data.seasonStart,
    title: `${data.seller}: deposit balance and fines paid so far by hour, CNY`,
    yLabel: 'CNY (end of hour)',
    unit: 'CNY', digits: 2,
    format: (v) => cny(v).replace('-', '−'),
    series: [
      { key: 'deposit', label: 'deposit balance', short: 'deposit', colour: COLOURS.deposit, band: data.depositCny },
      { key: 'fines', label: 'fines paid so far', short: 'fines', colour: COLOURS.fines, band: data.finesCny },
    ],
    rules: [
      { value: 0, label: 'zero', dashed: false },
      { value: data.fullDepositCny, label: `full deposit, ${cny(data.fullDepositCny)} CNY`, dashed: true },
    ],
    marks: data.marks,
    replications: data.replications,
  });
}
