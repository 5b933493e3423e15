// Chart: one seller's units over the season — stock on hand, on order from its factories and
// backordered (orders waiting for stock), over all its SKUs at each hour's end, in China time.
import * as d3 from 'd3';
import type { HourlyBand } from '../../src/experiment/summary.ts';
import type { Mark } from '../peak-days.ts';
import { seasonBandsChart } from './season-bands.ts';

export interface SellerUnitsData {
  seller: string;
  seasonStart: string;
  stockOnHand: HourlyBand;
  onOrder: HourlyBand;
  backordered: HourlyBand;
  marks: Mark[];
  replications: number;
}

const COLOURS = { stock: '#009E73', onOrder: '#0072B2', backordered: '#D55E00' }; // Okabe–Ito

export function sellerUnitsChart(container: HTMLElement, data: SellerUnitsData): void {
  seasonBandsChart(container, {
    seasonStart: data.seasonStart,
    title: `${data.seller}: units in stock, on order and backordered by hour`,
    yLabel: 'units (end of hour)',
    unit: 'units', digits: 1,
    format: d3.format(',.1~f'),
    series: [
      { key: 'stock', label: 'in stock', short: 'in stock', colour: COLOURS.stock, band: data.stockOnHand },
      { key: 'on-order', label: 'on order from the factory', short: 'on order', colour: COLOURS.onOrder, band: data.onOrder },
      { key: 'backordered', label: 'backordered (orders waiting for stock)', short: 'backordered', colour: COLOURS.backordered, band: data.backordered },
    ],
    marks: data.marks,
    replications: data.replications,
  });
}
