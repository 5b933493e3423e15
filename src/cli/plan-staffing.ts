// `jitsim plan staffing SCENARIO`: the warehouse staffing planner (src/experiment/staffing-plan.ts).
// Records what reaches the warehouse on the worker pool, searches the roster day by day on those
// replications, then validates the roster with the whole model on fresh replications. A progress
// bar per stage, Ctrl-C keeping the days planned, JSON, CSV and a roster YAML that `jitsim run` takes.
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { planStaffingOn, type StaffingPlan } from '../experiment/staffing-plan.ts';
import { plannedScenario, rosterYaml, staffHoursSummary, staffingCsv, validatedShares, type ValidatedDay } from '../experiment/staffing-roster.ts';
import { DEFAULT_STAFFING_TARGET, type HourlyStaff, type StaffingTarget } from '../experiment/staffing-target.ts';
import { formatNumber } from '../experiment/number-format.ts';
import type { Inflow } from '../model/inflow.ts';
import type { RunResult } from '../model/result.ts';
import { staffHourByHour } from '../model/world.ts';
import { dateAt, horizonHours } from '../scenario/time.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Job, JobRunner } from '../worker/pool.ts';
import { jobRunner, reportFailure, runnerOptions, shownBackend } from './backend.ts';
import { staffingWorkers } from '../worker/staffing-pool.ts';
import { jsonNumbers } from './output.ts';
import { maxMemoryOption, maxTimeOption, planRun } from './run-limits.ts';
import { staffingKeptBytes } from '../experiment/run-estimate.ts';
import { checkOut, realOut, writeFolder } from './out-folder.ts';
import { range, REPS_MAX, SEED_MAX, wholeNumber } from './flags.ts';
import { stageBar } from './progress.ts';
import { readScenarioFile } from './read-scenario.ts';
import { pad } from './table.ts';

interface Flags { backend: string; reps: number; seed: number; within: number; share: number; confidence: number; validateReps?: number; workers?: number; maxMemory?: number; maxTime?: number; out: string; json?: boolean; quiet?: boolean }


/** Every file the plan may write in --out, all or nothing (out-folder.ts); roster.yaml only for a complete plan. */
const STAFFING_FILES = ['staffing-plan.json', 'staffing-plan.csv', 'roster.yaml'];

function fraction(name: string) {
  return (v: string): number => {
    const x = Number(v);
    if (!(x > 0 && x < 1)) throw new InvalidArgumentError(`expected ${name} strictly between 0 and 1, got ${v}`);
    return x;
  };
}

function hours(v: string): number {
  const x = Number(v);
  if (!(x > 0 && x <= 24 * 14)) throw new InvalidArgumentError(`expected a number of hours > 0 and at most 336, got ${v}`);
  return x;
}

export function planStaffingCommand(plan: Command, state: { code: number; signal: AbortSignal }): void {
  runnerOptions(plan.command('staffing').description('find the smallest receiving and QC rosters, day by day, that meet a service target')
    .argument('<scenario>', 'scenario file')
    .option('-r, --reps <R>', `replications the search plans on (common random numbers), ${range(2, REPS_MAX)}`, wholeNumber(2, REPS_MAX), 4)
    .option('-s, --seed <S>', `base seed, ${range(0, SEED_MAX)}`, wholeNumber(0, SEED_MAX), 1)
    .option('--within <HOURS>', 'a parcel counts when stocked within this many hours of arriving', hours, DEFAULT_STAFFING_TARGET.withinHours)
    .option('--share <S>', 'share of each day\'s parcels that must count', fraction('a share'), DEFAULT_STAFFING_TARGET.share)
    .option('--confidence <C>', 'one-sided confidence that each day meets the share', fraction('a confidence'), DEFAULT_STAFFING_TARGET.confidence)
    .addOption(new Option('--validate-reps <N>', 'fresh replications the roster is checked on with the whole model (0: none; default: as --reps)').argParser(wholeNumber(0, REPS_MAX))), 'worker threads (default: one per core; the search always runs here)')
    .option('-o, --out <DIR>', 'directory for staffing-plan.json, staffing-plan.csv and roster.yaml', 'jitsim-staffing')
    .addOption(maxMemoryOption())
    .addOption(maxTimeOption())
    .option('--json', 'print the plan as JSON instead of the table')
    .option('-q, --quiet', 'no progress bars')
    .action(async (file: string, flags: Flags) => {
      const scenario = readScenarioFile(file);
      // The recorded replications, each with its inflow (a parcel an order at most), and the validating
      // ones are all kept until the files are written.
      const workers = flags.backend === 'local'
        ? planRun(file, [scenario], flags, { replications: flags.reps + (flags.validateReps ?? flags.reps), extraKept: staffingKeptBytes(scenario, flags.reps) }).workers
        : flags.workers;
      checkOut(flags.out, STAFFING_FILES);
      const target: StaffingTarget = { withinHours: flags.within, share: flags.share, confidence: flags.confidence };
      const days = Math.round(horizonHours(scenario.season) / 24);
      const showBars = !flags.quiet && process.stderr.isTTY === true;
      const seconds: Record<string, number> = {};
      const timed = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
        const started = performance.now();
        try { return await work(); } finally { seconds[stage] = +((performance.now() - started) / 1000).toFixed(2); }
      };

      const stage = { runJobs: await jobRunner(flags.backend), showBars, signal: state.signal, workers, days };
      const recorded = await timed('record', () => runStage('recording', stage,
        Array.from({ length: flags.reps }, (_, r): Job => ({ scenario, seed: flags.seed, replication: r, recordInflow: true }))));
      if (recorded.interrupted) {
        if (recorded.failure) return reportFailure(`${recorded.failure}; nothing planned, nothing written`, state);
        process.stderr.write('jitsim: interrupted while recording the replications; nothing planned, nothing written\n');
        state.code = 130;
        return;
      }
      const inflows = recorded.results.map((r) => r.inflow as Inflow);
      const base: HourlyStaff = { receiving: staffHourByHour(scenario.warehouse.receiving.staff, scenario.season.start, days), qc: staffHourByHour(scenario.warehouse.qc.staff, scenario.season.start, days) };
      const planBar = stageBar('planning days', days, showBars);
      const plan = await timed('plan', async () => {
        const replicas = await staffingWorkers({ days, base, inflows, target }, workers);
        try {
          return await planStaffingOn({ days, base, target }, replicas.on, inflows.length, { onDay: (d) => planBar.update(d), shouldStop: () => state.signal.aborted });
        } finally {
          replicas.close();
          planBar.stop();
        }
      });
      const complete = plan.days.length === days;

      const validateReps = complete ? flags.validateReps ?? flags.reps : 0;
      const validation = validateReps > 0
        ? await timed('validate', () => runStage('validating', stage,
          Array.from({ length: validateReps }, (_, i): Job => ({ scenario: plannedScenario(scenario, plan.hourly), seed: flags.seed, replication: flags.reps + i }))))
        : { results: [] as RunResult[], interrupted: false, failure: undefined };
      const validated = validatedShares(validation.results, target.withinHours, days);
      const peakFrom = Math.round((recorded.results[0].kpis.peakWeekStartHours ?? 0) / 24);
      const peakWeek = { from: peakFrom, to: peakFrom + 7 };
      const staffHours = staffHoursSummary(plan, base);

      const command = `jitsim plan staffing ${file} --reps ${flags.reps} --seed ${flags.seed} --within ${target.withinHours} --share ${target.share} --confidence ${target.confidence}`;
      const doc = {
        scenario: file, command, target, seed: flags.seed, replications: flags.reps, backend: shownBackend(flags.backend),
        validationReplications: validation.results.length, interrupted: !complete || validation.interrupted, seconds,
        evaluations: plan.evaluations, minimalityTrials: plan.minimalityTrials, minimalityCuts: plan.minimalityCuts,
        staffHours, peakWeek: { from: dateAt(peakWeek.from * 24, scenario.season.start), to: dateAt((peakWeek.to - 1) * 24, scenario.season.start) },
        days: plan.days.map((p) => ({ date: dateAt(p.day * 24, scenario.season.start), ...p, validated: validated[p.day] })),
      };
      const files: [string, string][] = [
        ['staffing-plan.json', JSON.stringify(doc, jsonNumbers, 2) + '\n'],
        ['staffing-plan.csv', staffingCsv(plan, scenario.season.start, validated, peakWeek)],
      ];
      if (complete) {
        // From the folder roster.yaml lands in: through a link at --out, `..` leads elsewhere, so then the scenario's own path.
        const extendsPath = (realOut(flags.out) === resolve(flags.out) ? relative(flags.out, file) : resolve(file)).split('\\').join('/');
        files.push(['roster.yaml', rosterYaml({ extendsPath, scenario, plan, command, hours: staffHours })]);
      }
      writeFolder(flags.out, files, STAFFING_FILES);
      if (flags.json) process.stdout.write(JSON.stringify(doc, jsonNumbers, 2) + '\n');
      else process.stdout.write(report(file, scenario, plan, validated, peakWeek, staffHours, complete, flags.out));
      if (!complete || validation.interrupted) state.code = 130;
      reportFailure(validation.failure, state);
    });
}

/** Runs jobs on the backend with a bar of simulated days; the results in job order (those finished). */
async function runStage(
  label: string,
  stage: { runJobs: JobRunner; showBars: boolean; signal: AbortSignal; workers: number | undefined; days: number },
  jobs: Job[],
): Promise<{ results: RunResult[]; interrupted: boolean; failure?: string }> {
  const bar = stageBar(`${label} replications`, jobs.length * stage.days, stage.showBars);
  // Days done by replication: told as they happen by the local pool, by whole jobs from a queue.
  const daysDone = new Map<number, number>();
  const show = () => bar.update([...daysDone.values()].reduce((a, b) => a + b, 0));
  const results: RunResult[] = [];
  const outcome = await stage.runJobs(jobs, {
    workers: stage.workers, signal: stage.signal,
    onDay: (replication, d) => { daysDone.set(replication, d); show(); },
    onResult: (i, result) => { results[i] = result; daysDone.set(jobs[i].replication, stage.days); show(); },
  }).finally(() => bar.stop());
  return { results: results.filter((r) => r !== undefined), interrupted: outcome.interrupted, failure: outcome.failure };
}

function report(file: string, scenario: Scenario, plan: StaffingPlan, validated: ValidatedDay[], peakWeek: { from: number; to: number }, hours: ReturnType<typeof staffHoursSummary>, complete: boolean, out: string): string {
  const t = plan.target;
  const pct = (x: number) => (Number.isNaN(x) ? '' : `${(x * 100).toFixed(1)}%`);
  const lines = [
    `${file}: ${complete ? '' : `interrupted after ${plan.days.length} days: `}smallest rosters for ${pct(t.share)} of each day's parcels stocked within ${t.withinHours} h, ${pct(t.confidence)} confidence; ${plan.replications} replications`,
    '',
  ];
  const rows = [['date', '', 'receiving', '(scenario)', 'QC', '(scenario)', 'searched, low', 'validated', '95% interval']];
  for (const p of plan.days) {
    const v = validated[p.day];
    rows.push([
      dateAt(p.day * 24, scenario.season.start), p.day >= peakWeek.from && p.day < peakWeek.to ? 'peak' : '',
      String(p.receiving), `(${p.scenarioReceiving})`, String(p.qc), `(${p.scenarioQc})`,
      `${pct(p.lowerBound)}${p.attainable ? '' : ' !'}`, pct(v?.mean ?? NaN), Number.isNaN(v?.low ?? NaN) ? '' : `${pct(v.low)} – ${pct(Math.min(1, v.high))}`,
    ]);
  }
  lines.push(pad(rows), '');
  const bands = (station: 'receiving' | 'qc') => [...new Set(plan.days.map((p) => p.bands[station]))];
  if (plan.days.length > 0) {
    const [r, q] = [bands('receiving'), bands('qc')];
    lines.push(r.length === 1 && q.length === 1
      ? `hours on duty each day (China time, the scenario's): receiving ${r[0]}, QC ${q[0]}`
      : 'hours on duty (the scenario\'s) vary by day: see staffing-plan.csv');
  }
  const change = (h: { planned: number; scenario: number }) => `${formatNumber(h.planned)} against ${formatNumber(h.scenario)} (${h.planned >= h.scenario ? '+' : ''}${((h.planned / h.scenario - 1) * 100).toFixed(1)}%)`;
  lines.push(`staff-hours: receiving ${change(hours.receiving)}; QC ${change(hours.qc)}; in all ${change(hours.total)}`);
  const below = plan.days.filter((p) => !Number.isNaN(validated[p.day]?.mean ?? NaN) && validated[p.day].mean < t.share);
  if (validated.some((v) => v.replications > 0)) {
    lines.push(below.length === 0
      ? `validated on ${validated[0].replications} fresh replications of the whole model: every day's mean share reaches ${pct(t.share)} (the last day is cut off by the season's end)`
      : `validated on ${validated[0].replications} fresh replications: ${below.length} days below ${pct(t.share)} on average: ${below.map((p) => dateAt(p.day * 24, scenario.season.start)).join(', ')}`);
  }
  if (plan.days.some((p) => !p.attainable)) lines.push('! no headcount reaches the target that day (parcels wait through closed hours): planned to what unlimited staff reach');
  lines.push(`searched, low: the day's share stocked in time, one-sided ${pct(t.confidence)} lower bound over the search's replications`);
  lines.push(`Files in ${out}/${complete ? ` — run the roster: jitsim run ${join(out, 'roster.yaml')}` : ''}`);
  return lines.join('\n') + '\n';
}
