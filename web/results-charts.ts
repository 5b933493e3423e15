// The results' charts, drawn from one run (A, the scenario in the editor) and the run laid over
// it (B, the baseline or the first compared), each chart given what it reads of a summary.
import type { RunResult } from '../src/model/result.ts';
import { fineCauseLabel, finesPerSellerKey } from '../src/model/fine-causes.ts';
import type { Summary } from '../src/experiment/summary.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { peakDays } from './peak-days.ts';
import { congestionChart } from './charts/congestion.ts';
import { occupancyChart, type OccupancyRun } from './charts/occupancy.ts';
import { finesChart } from './charts/fines.ts';
import { arrivalsChart } from './charts/arrivals.ts';
import { leadTimesChart, type LeadTimeSeries } from './charts/lead-times.ts';
import { profitChart } from './charts/profit.ts';
import { finesByClass, profitByClass } from './class-histograms.ts';
import { burdenChart } from './charts/burden.ts';
import { sellersDailyChart } from './charts/sellers-daily.ts';
import { seriesName } from './glossary/series.ts';
import { sellingModes } from './twin.ts';

/** One run as the charts read it: `label` in keys; `shortLabel` (its selling mode and A or B) where a chart names both runs in its rows. */
export interface ChartRun { label: string; shortLabel?: string; scenario: Scenario; summary: Summary; results: RunResult[] }

const $ = (id: string) => document.getElementById(id) as HTMLElement;

/** Draws every result chart; returns the congestion chart, whose zoom the KPI window follows. */
export function resultCharts(a: ChartRun, b: ChartRun | undefined, onZoom: (hours: [number, number] | undefined) => void): ReturnType<typeof congestionChart> {
  const { scenario, summary, results } = a;
  const congestion = congestionChart($('congestion'), {
    seasonStart: scenario.season.start,
    receivingQueue: summary.hourly.receivingQueueEnd,
    qcQueue: summary.hourly.qcQueueEnd,
    receivingStaff: summary.hourly.receivingStaff.mean,
    qcStaff: summary.hourly.qcStaff.mean,
    marks: peakDays(scenario.season),
    compare: b && { label: b.label, seasonStart: b.scenario.season.start, receivingQueue: b.summary.hourly.receivingQueueEnd.mean, qcQueue: b.summary.hourly.qcQueueEnd.mean },
    onZoom,
  });
  occupancyChart($('occupancy'), { runs: [shelf(a.label, a), ...(b ? [shelf(b.shortLabel ?? b.label, b)] : [])] });
  arrivalsChart($('arrivals'), {
    seasonStart: scenario.season.start,
    parcelsArriving: summary.hourly.parcelsArriving.mean,
    capacity: summary.hourly.receivingCapacity.mean,
    compare: b && { label: b.label, seasonStart: b.scenario.season.start, parcelsArriving: b.summary.hourly.parcelsArriving.mean, capacity: b.summary.hourly.receivingCapacity.mean },
  });
  leadTimesChart($('lead-times'), {
    series: leadTimes(summary),
    fineLines: results[0].fineCauses.filter((c) => c.cause === 'late').map((c) => c.afterHours!),
    compare: b && { label: b.label, series: leadTimes(b.summary) },
  });
  sellersDailyChart($('sellers-daily'), {
    runs: [{ label: a.label, seasonStart: scenario.season.start, daily: summary.daily }, ...(b ? [{ label: b.shortLabel ?? b.label, seasonStart: b.scenario.season.start, daily: b.summary.daily }] : [])],
    marks: peakDays(scenario.season),
  });
  finesChart($('fines'), {
    ...sellerFines(a), depositCny: scenario.rules.depositCny,
    compare: b && { label: b.label, ...sellerFines(b) },
  });
  profitChart($('profit'), {
    classes: profitByClass(results), replications: results.length,
    compare: b && { label: b.label, classes: profitByClass(b.results), replications: b.results.length },
  });
  burdenChart($('burden'), { byClass: summary.byClass, compare: b && { label: b.label, byClass: b.summary.byClass } });
  return congestion;
}

/** What the occupancy chart reads of one run. */
function shelf(label: string, run: ChartRun): OccupancyRun {
  return {
    label, seasonStart: run.scenario.season.start, shelf: run.summary.hourly.shelfUnits,
    peak: run.summary.kpis.shelfOccupancyPeakUnits, average: run.summary.kpis.shelfOccupancyMeanUnits,
    prestock: sellingModes(run.scenario).has('prestock'),
  };
}

function leadTimes(summary: Summary): LeadTimeSeries[] {
  return [
    { label: seriesName('shipDelay'), hist: summary.histograms.shipDelayHours },
    { label: seriesName('transit'), hist: summary.histograms.transitHours },
    { label: seriesName('dockToStock'), hist: summary.histograms.dockToStockHours },
    { label: seriesName('orderToStock'), hist: summary.histograms.orderToStockHours },
  ];
}

function sellerFines(run: ChartRun) {
  return {
    perSeller: run.summary.histograms.finesPerSellerCny,
    byCause: run.results[0].fineCauses.map((c) => ({ cause: fineCauseLabel(c), hist: run.summary.histograms[finesPerSellerKey(c)] })),
    classes: finesByClass(run.results),
    replications: run.summary.replications,
  };
}
