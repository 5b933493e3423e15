// Files a run leaves behind: summary.json, kpis.csv, kpis-by-class.csv, hourly.csv, daily.csv, histograms.json,
// and kpis-window.csv with --window. Each is written
// to a temporary name and renamed, so an interrupted run never leaves a half-written file.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HistogramSnapshot } from '../engine/index.ts';
import type { HourlyBand, KpiInterval } from '../experiment/summary.ts';
import { dailyCsv, hourlyCsv, jsonNumbers, kpisByClassCsv, kpisCsv } from '../experiment/csv.ts';

export { jsonNumbers };

export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

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
  mkdirSync(dir, { recursive: true });
  writeAtomic(join(dir, 'summary.json'), JSON.stringify(summary, jsonNumbers, 2) + '\n');
  writeAtomic(join(dir, 'kpis.csv'), kpisCsv(kpis));
  writeAtomic(join(dir, 'kpis-by-class.csv'), kpisByClassCsv(byClass));
  writeAtomic(join(dir, 'hourly.csv'), hourlyCsv(hourly, seasonStart));
  writeAtomic(join(dir, 'daily.csv'), dailyCsv(daily, seasonStart));
  if (windowKpis) writeAtomic(join(dir, 'kpis-window.csv'), kpisCsv(windowKpis));
  writeAtomic(join(dir, 'histograms.json'), JSON.stringify(histograms, jsonNumbers) + '\n');
}
