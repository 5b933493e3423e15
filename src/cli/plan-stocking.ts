// `jitsim plan stocking SCENARIO`: the seller's stocking planner (src/experiment/stocking-plan.ts)
// on the worker pool: every candidate on the same replications, with and without the disruption
// windows; a progress bar, Ctrl-C keeping what is done, a table per setting, JSON and CSV.
import type { Command } from 'commander';
import { Option } from 'commander';
import { profileClass, sellerProfile, stockingPlan, type PolicyOutcome } from '../experiment/stocking-plan.ts';
import { csvNumber } from '../experiment/csv.ts';
import { formatNumber, percent } from '../experiment/number-format.ts';
import { runsBar } from './progress.ts';
import { SIZE_CLASSES, type SizeClass } from '../scenario/types.ts';
import { failedBeforeAny, jobRunner, reportFailure, runnerOptions, shownBackend } from './backend.ts';
import { jsonNumbers } from './output.ts';
import { maxMemoryOption, maxTimeOption, planRun } from './run-limits.ts';
import { checkOut, writeFolder } from './out-folder.ts';
import { readScenarioFile } from './read-scenario.ts';
import { pad } from './table.ts';
import { range, REPS_MAX, SEED_MAX, wholeNumber } from './flags.ts';

/** Every file the plan writes in --out, all or nothing (out-folder.ts). */
const STOCKING_FILES = ['stocking-plan.json', 'stocking-plan.csv'];

interface Flags { backend: string; reps: number; seed: number; workers?: number; maxMemory?: number; maxTime?: number; sellerClass: SizeClass; out: string; json?: boolean; quiet?: boolean }

export function planStocking(plan: Command, state: { code: number; signal: AbortSignal }): void {
  runnerOptions(plan.command('stocking').description('find a seller\'s stocking policy: a grid of policies on common random numbers, with and without disruptions')
    .argument('<scenario>', 'scenario file (one seller, or a platform: its median seller of --seller-class)')
    .addOption(new Option('--seller-class <CLASS>', 'the seller profile of a platform scenario').choices([...SIZE_CLASSES]).default('small'))
    .option('-r, --reps <R>', `replications of each policy, ${range(2, REPS_MAX)}`, wholeNumber(2, REPS_MAX), 10)
    .option('-s, --seed <S>', `base seed, ${range(0, SEED_MAX)}`, wholeNumber(0, SEED_MAX), 1))
    .option('-o, --out <DIR>', 'directory for stocking-plan.json and stocking-plan.csv', 'jitsim-plan')
    .addOption(maxMemoryOption())
    .addOption(maxTimeOption())
    .option('--json', 'print the plan as JSON instead of the tables')
    .option('-q, --quiet', 'no progress bar')
    .action(async (file: string, flags: Flags) => {
      const profile = sellerProfile(readScenarioFile(file), flags.sellerClass);
      const plan = stockingPlan(profile, flags.reps, flags.seed);
      const { grid, jobs } = plan;
      // Every policy's replications, with and without disruptions, on one pool; only their KPIs kept.
      const workers = flags.backend === 'local' ? planRun(file, [profile], flags, { replications: jobs.length, kpisOnly: true }).workers : flags.workers;
      checkOut(flags.out, STOCKING_FILES);
      const runJobs = await jobRunner(flags.backend);
      const bar = runsBar(jobs.length, !flags.quiet && process.stderr.isTTY === true);
      const started = performance.now();
      const outcome = await runJobs(jobs, {
        workers, signal: state.signal, keep: 'kpis',
        onResult: (i, result) => {
          plan.record(i, result);
          bar.increment();
        },
      }).finally(() => bar.stop());
      if (failedBeforeAny(outcome, state)) return;
      const seconds = (performance.now() - started) / 1000;
      const plans = plan.plans();
      const doc = { scenario: file, sellerClass: profileClass(profile), ordersPerDay: profile.demand.ordersPerDay, seed: flags.seed, replications: flags.reps, backend: shownBackend(flags.backend), jobs: jobs.length, completed: outcome.completed, interrupted: outcome.interrupted, reused: outcome.reused, queued: outcome.queued, seconds: +seconds.toFixed(2), plans };
      writeFolder(flags.out, [['stocking-plan.json', JSON.stringify(doc, jsonNumbers, 2) + '\n'], ['stocking-plan.csv', planCsv(plans)]], STOCKING_FILES);
      if (flags.json) process.stdout.write(JSON.stringify(doc, jsonNumbers, 2) + '\n');
      else {
        process.stdout.write(`${file}: one ${doc.sellerClass} seller, ${formatNumber(doc.ordersPerDay)} orders a day before the peak curve; ${grid.length} policies × ${flags.reps} replications${outcome.interrupted ? ' (interrupted: what was done)' : ''}, seed ${flags.seed}\n`);
        for (const p of plans) process.stdout.write(`\n${p.disruptions ? 'with the scenario\'s disruptions' : 'without disruptions'}:\n${planTable(p.policies)}\n`);
        process.stdout.write(`* best expected profit; f: on the frontier (no policy has both more profit and less chance of losing the deposit)\nFiles in ${flags.out}/\n`);
      }
      if (outcome.interrupted) state.code = 130;
      reportFailure(outcome.failure, state);
    });
}

const money = (x: number) => formatNumber(Math.round(x));

/** Policies by expected profit, best first. */
export function planTable(policies: PolicyOutcome[]): string {
  const rows = [['policy', 'profit', '± 95%', 'P5 profit', 'deposit out', 'suspended', 'fines', 'holding', 'shipping', '']];
  for (const o of [...policies].sort((a, b) => b.profit.mean - a.profit.mean)) {
    const fines = Object.values(o.finesByCause).reduce((a, b) => a + b, 0);
    rows.push([o.candidate.label, money(o.profit.mean), money(o.profit.halfWidth), money(o.profitP5), percent(o.depositRunsOut.p), percent(o.suspended.p), money(fines), money(o.holdingCny), money(o.shippingCny), `${o.best ? '*' : ''}${o.onFrontier ? 'f' : ''}`]);
  }
  return pad(rows);
}

/** One row per (setting, policy). */
export function planCsv(plans: { disruptions: boolean; policies: PolicyOutcome[] }[]): string {
  const causes = plans[0]?.policies[0] ? Object.keys(plans[0].policies[0].finesByCause) : [];
  const header = ['disruptions', 'policy', 'replications', 'profit_mean', 'profit_low_95', 'profit_high_95', 'profit_p5', 'deposit_runs_out', 'deposit_runs_out_low_95', 'deposit_runs_out_high_95', 'suspended', ...causes.map((c) => `fines_${c}`), 'holding', 'shipping', 'returns', 'lost_sales', 'best', 'frontier'];
  const rows = [header.join(',')];
  for (const p of plans) {
    for (const o of p.policies) {
      rows.push([String(p.disruptions), JSON.stringify(o.candidate.label), String(o.replications), csvNumber(o.profit.mean), csvNumber(o.profit.low), csvNumber(o.profit.high), csvNumber(o.profitP5), csvNumber(o.depositRunsOut.p), csvNumber(o.depositRunsOut.low), csvNumber(o.depositRunsOut.high), csvNumber(o.suspended.p), ...causes.map((c) => csvNumber(o.finesByCause[c])), csvNumber(o.holdingCny), csvNumber(o.shippingCny), csvNumber(o.returnsCny), csvNumber(o.lostSalesCny), String(o.best), String(o.onFrontier)].join(','));
    }
  }
  return rows.join('\n') + '\n';
}
