// Files a run leaves behind: summary.json, kpis.csv, kpis-by-class.csv, hourly.csv, daily.csv, histograms.json,
// and kpis-window.csv with --window. The set is written all or nothing (out-folder.ts), so an
// interrupted or failed run leaves the earlier set or the new one, never a mix.
import type { HistogramSnapshot } from '../engine/index.ts';
import type { HourlyBand, KpiInterval } from '../experiment/summary.ts';
import { dailyCsv, hourlyCsv, jsonNumbers, kpisByClassCsv, kpisCsv } from '../experiment/csv.ts';
import { writeFolder } from './out-folder.ts';

export { jsonNumbers };

/** Every file `run` or `compare` may write in --out. */
export const RUN_FILES = ['summary.json', 'kpis.csv', 'kpis-by-class.csv', 'hourly.csv', 'daily.csv', 'kpis-window.csv', 'histograms.json'];

export function writeRunFiles(
  dir: string,
  summary: object,
  kpis: Record<string, KpiInterval>,
  byClass: Record<string, Record<string, KpiInterval>>,
  hourly: Record<string, HourlyBand>,
  daily: Record<string, HourlyBand>,
  histograms: Record<string, HistogramSnapshot>,
  seasonStart: string,
  windowKpis?: Record<string, KpiInterval>,
): void {
  const files: [string, string][] = [
    ['summary.json', JSON.stringify(summary, jsonNumbers, 2) + '\n'],
    ['kpis.csv', kpisCsv(kpis)],
    ['kpis-by-class.csv', kpisByClassCsv(byClass)],
    ['hourly.csv', hourlyCsv(hourly, seasonStart)],
    ['daily.csv', dailyCsv(daily, seasonStart)],
    ...(windowKpis ? [['kpis-window.csv', kpisCsv(windowKpis)] as [string, string]] : []),
    ['histograms.json', JSON.stringify(histograms, jsonNumbers) + '\n'],
  ];
  writeFolder(dir, files, RUN_FILES);
}
