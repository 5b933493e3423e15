// The comparison section of the results: what is compared with what, the verdict where a class
// changes selling mode, the by-class and KPI differences, all read as change − baseline.
import { compareByClass, type Summary } from '../src/experiment/summary.ts';
import type { RunResult } from '../src/model/result.ts';
import { classDifferenceTable } from './kpi-tables.ts';
import { compareTable } from './compare-table.ts';
import { verdictBox } from './verdict-box.ts';

/** One scenario of the comparison: its name on the page, its replications and their summary. */
export interface ComparedResult { label: string; results: RunResult[]; summary: Summary }

/**
 * Fills `#comparison` (its label, verdict, by-class and KPI tables) for runs[0] (the editor's
 * scenario) and the scenarios compared with it, differences taken from runs[baseline].
 */
export function showComparison(runs: ComparedResult[], baseline: number, about: { seed: string }): void {
  const $ = (id: string) => document.getElementById(id)!;
  const base = runs[baseline];
  const changes = runs.filter((_, k) => k !== baseline);
  $('comparison-label').textContent = `Baseline: ${base.label}. Each other column reads change − baseline, paired over ` +
    `${Math.min(...runs.map((r) => r.results.length))} replications on common random numbers (seed ${about.seed}), with its 95% interval; ` +
    '✓ better and ✗ worse mark differences whose interval excludes 0.';
  verdictBox($('verdict'), changes.map((c) => ({ baseline: base.results, change: c.results, labels: { a: base.label, b: c.label } })));
  const byClass = $('class-differences');
  byClass.replaceChildren(...changes.map((c) => {
    const table = document.createElement('table');
    classDifferenceTable(table, compareByClass(base.results, c.results), `${c.label} − baseline, by seller class`);
    return table;
  }));
  compareTable($('differences'), runs.map((r) => ({ label: r.label, results: r.results, kpis: r.summary.kpis })), baseline);
}
