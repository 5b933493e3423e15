// `jitsim sweep SWEEP.yaml`: a grid of scenarios (src/experiment/sweep.ts) run on the worker pool,
// every point on the same replications (common random numbers); a progress bar, Ctrl-C keeping
// the replications finished, a table of headline KPIs per point, sweep.json and sweep.csv.
import { dirname, isAbsolute, join } from 'node:path';
import type { Command } from 'commander';
import { formatNumber } from '../experiment/number-format.ts';
import { describePoint, parseSweep, pointScenario, sweepCsv, sweepKpis, sweepPoints } from '../experiment/sweep.ts';
import { readFailure, ScenarioError } from '../scenario/load.ts';
import { MAX_SCENARIO_BYTES } from '../scenario/text-limits.ts';
import type { Job } from '../worker/pool.ts';
import { failedBeforeAny, jobRunner, reportFailure, runnerOptions, shownBackend } from './backend.ts';
import { jsonNumbers } from './output.ts';
import { maxMemoryOption, maxTimeOption, planRun } from './run-limits.ts';
import { checkOut, writeFolder } from './out-folder.ts';
import { runsBar } from './progress.ts';
import { readScenarioFile } from './read-scenario.ts';
import { readRegularFile } from './regular-file.ts';
import { halfWidthText, pad } from './table.ts';

interface Flags { backend: string; workers?: number; maxMemory?: number; maxTime?: number; out: string; json?: boolean; quiet?: boolean }

/** Every file a sweep writes in --out (out-folder.ts: all or nothing; file by file in a folder holding others, such as the sweep's own YAML). */
const SWEEP_FILES = ['sweep.json', 'sweep.csv'];

/** The KPIs the table shows per point (all are in the files). */
const HEADLINE: [string, string, (x: number) => string][] = [
  ['ordersCancelled', 'cancelled', (x) => formatNumber(Math.round(x))],
  ['finesShareOfGmv', 'fines/GMV', (x) => `${(x * 100).toFixed(1)}%`],
  ['sellersSuspended', 'suspended', (x) => formatNumber(x)],
  ['dockToStockP95Hours', 'dock-to-stock P95 h', (x) => x.toFixed(2)],
  ['qcQueuePeakParcels', 'QC queue peak', (x) => formatNumber(Math.round(x))],
];

export function sweepCommand(program: Command, state: { code: number; signal: AbortSignal }): void {
  runnerOptions(program.command('sweep').description('run a grid of scenario overrides, each point on the same replications')
    .argument('<sweep>', 'sweep file (YAML or JSON): scenario, replications, seed, grid, zip'))
    .option('-o, --out <DIR>', 'directory for sweep.json and sweep.csv', 'jitsim-sweep')
    .addOption(maxMemoryOption())
    .addOption(maxTimeOption())
    .option('--json', 'print the result as JSON instead of the table')
    .option('-q, --quiet', 'no progress bar')
    .action(async (file: string, flags: Flags) => {
      let text: string;
      try {
        text = readRegularFile(file, MAX_SCENARIO_BYTES).toString('utf8');
      } catch (err) {
        throw new ScenarioError([{ file, path: '', message: readFailure(err, (m) => `cannot read: ${m}`) }]);
      }
      const sweep = parseSweep(text, file);
      const baseFile = isAbsolute(sweep.scenario) ? sweep.scenario : join(dirname(file), sweep.scenario);
      const base = readScenarioFile(baseFile);
      const points = sweepPoints(sweep);
      // Every point is checked before anything runs.
      const scenarios = points.map((p) => pointScenario(base, p, file));
      // Every point's replications share this machine's pool; only their KPIs are kept.
      const workers = flags.backend === 'local' ? planRun(file, scenarios, flags, { replications: sweep.replications, together: true, kpisOnly: true }).workers : flags.workers;
      checkOut(flags.out, SWEEP_FILES);
      const runJobs = await jobRunner(flags.backend);
      const jobs: (Job & { point: number })[] = scenarios.flatMap((scenario, point) => Array.from({ length: sweep.replications }, (_, replication) => ({ scenario, seed: sweep.seed, replication, point })));
      const records: Record<string, number>[][] = points.map(() => []);
      const bar = runsBar(jobs.length, !flags.quiet && process.stderr.isTTY === true);
      const started = performance.now();
      const outcome = await runJobs(jobs, {
        workers, signal: state.signal, keep: 'kpis',
        onResult: (i, result) => {
          records[jobs[i].point][jobs[i].replication] = result.kpis;
          bar.increment();
        },
      }).finally(() => bar.stop());
      if (failedBeforeAny(outcome, state)) return;
      // Replications in order, whichever finished first (a point's interval does not depend on the workers).
      const done = records.map((r) => r.filter((k) => k !== undefined));
      const kpis = sweepKpis(done);
      const doc = {
        sweep: file, scenario: baseFile, seed: sweep.seed, replications: sweep.replications, points: points.length, backend: shownBackend(flags.backend),
        jobs: jobs.length, completed: outcome.completed, interrupted: outcome.interrupted, reused: outcome.reused, queued: outcome.queued, seconds: +((performance.now() - started) / 1000).toFixed(2),
        results: points.map((p, i) => ({ point: p.index + 1, overrides: Object.fromEntries(p.overrides), replications: done[i].length, kpis: kpis[i] })),
      };
      writeFolder(flags.out, [
        ['sweep.json', JSON.stringify(doc, jsonNumbers, 2) + '\n'],
        ['sweep.csv', sweepCsv(points, kpis, done.map((d) => d.length))],
      ], SWEEP_FILES);
      if (flags.json) process.stdout.write(JSON.stringify(doc, jsonNumbers, 2) + '\n');
      else {
        const rows = [['point', ...HEADLINE.map(([, label]) => label), 'overrides']];
        points.forEach((p, i) => rows.push([String(p.index + 1), ...HEADLINE.map(([k, , f]) => (kpis[i][k] ? `${f(kpis[i][k].mean)} ± ${halfWidthText(kpis[i][k].halfWidth, f)}` : '')), describePoint(p)]));
        process.stdout.write(`${file}: ${points.length} grid points × ${sweep.replications} replications of ${baseFile}, seed ${sweep.seed}${outcome.interrupted ? ` (${outcome.failure ? 'stopped' : 'interrupted'}: ${outcome.completed} of ${jobs.length} runs)` : ''}\n${pad(rows)}\n± the 95% interval's half width over replications (n/a with one); every KPI in ${join(flags.out, 'sweep.csv')}\n`);
      }
      if (outcome.interrupted) state.code = 130;
      reportFailure(outcome.failure, state);
    });
}
