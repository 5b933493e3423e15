// The `jitsim` command line: run, compare, validate, scenarios. Maps every outcome to an exit
// code (0 ok, 1 invalid input, 2 usage, 130 interrupted) and every error to one readable line.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { compareByClass, compareKpis, seriesBands, kpiIntervals, summarise, type HourlyBand } from '../experiment/summary.ts';
import { describeDayRange, parseDayRange, windowKpis, type DayRange } from '../experiment/window.ts';
import { verdict } from '../experiment/verdict.ts';
import { ScenarioError } from '../scenario/load.ts';
import { readScenarioFile } from './read-scenario.ts';
import { replicate, type Replicated } from './experiment.ts';
import { assembleTrace, DEFAULT_TRACE_LIMIT, dropTraceParts, planTrace, rowCount } from './trace.ts';
import { planSnapshots, saveStates } from './snapshots.ts';
import { jsonNumbers, RUN_FILES, writeRunFiles } from './output.ts';
import { checkOut, OutError } from './out-folder.ts';
import { classTable, differenceTable, kpiTable, WINDOW_ROWS } from './table.ts';
import { verdictTable } from './verdict-table.ts';
import { planStaffingCommand } from './plan-staffing.ts';
import { planStocking } from './plan-stocking.ts';
import { sweepCommand } from './sweep.ts';
import { workerCommand } from './worker.ts';
import { commandOf, failureText } from './failure.ts';
import { maxMemoryOption, maxTimeOption, planRun } from './run-limits.ts';
import { maxWorkers, range, REPS_MAX, SEED_MAX, wholeNumber, workerCount } from './flags.ts';
import { defaultWorkers } from '../worker/pool.ts';
import type { RunResult } from '../model/result.ts';
import type { Scenario } from '../scenario/types.ts';
import { dateAt, hoursFromStart, horizonHours, parseDate } from '../scenario/time.ts';
import { autoWarmUp, WARM_UP_SERIES, type AutoWarmUp } from '../experiment/auto-warm-up.ts';

export const EXIT = { ok: 0, invalidInput: 1, usage: 2, interrupted: 130 } as const;

const scenariosDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

interface RunFlags { reps: number; seed: number; workers?: number; maxMemory?: number; maxTime?: number; warmup?: string; window?: string; out: string; json?: boolean; quiet?: boolean; trace?: string; traceLimit: number; saveStateAt?: string[] }

/** The --window range as days of the season, checked against it. */
function windowRange(file: string, scenario: Scenario, text: string | undefined): DayRange | undefined {
  if (text === undefined) return undefined;
  const range = parseDayRange(text, scenario.season);
  if (typeof range === 'string') throw new ScenarioError([{ file, path: '--window', message: range }]);
  return range;
}

/** The warm-up date as hours from the season start, checked against the season. */
function warmUpHours(file: string, scenario: Scenario, date: string | undefined): number | undefined {
  if (date === undefined) return undefined;
  const horizon = horizonHours(scenario.season);
  const hours = parseDate(date) ? hoursFromStart(date, scenario.season.start) : NaN;
  if (!(hours >= 0 && hours < horizon)) {
    throw new ScenarioError([{ file, path: '--warmup', message: `expected a date inside the season ${scenario.season.start} to ${scenario.season.end}, got ${date}` }]);
  }
  return hours;
}

interface WarmUpChoice {
  hours?: number;
  /** With --warmup auto: what MSER-5 found, the date statistics start, and the pilot runs. */
  auto?: AutoWarmUp & { from: string; pilot: Replicated };
}

/**
 * --warmup: a date, or `auto`: pilot runs of the scenario without a warm-up, then MSER-5 on each
 * replication's daily fines per order (src/experiment/auto-warm-up.ts); the largest truncation wins.
 */
async function chooseWarmUp(file: string, scenario: Scenario, flag: string | undefined, pilot: () => Promise<Replicated>, quiet: boolean): Promise<WarmUpChoice> {
  if (flag !== 'auto') return { hours: warmUpHours(file, scenario, flag) };
  if (!quiet) process.stderr.write(`jitsim: --warmup auto: pilot runs without a warm-up first, then MSER-5 on each replication's daily ${WARM_UP_SERIES}\n`);
  const runs = await pilot();
  if (runs.results.length === 0) return { auto: { days: 0, perReplicationDays: [], unreliable: false, from: scenario.season.start, pilot: runs } };
  const found = autoWarmUp(runs.results);
  return { hours: found.days > 0 ? found.days * 24 : undefined, auto: { ...found, from: dateAt(found.days * 24, scenario.season.start), pilot: runs } };
}

/** What a run's JSON and table say of its warm-up. */
function warmUpRecord(flag: string | undefined, choice: WarmUpChoice) {
  if (!choice.auto) return { warmup: flag ?? null };
  const { days, perReplicationDays, unreliable, from } = choice.auto;
  return { warmup: days > 0 ? from : null, warmupAuto: { method: 'MSER-5', series: WARM_UP_SERIES, days, perReplicationDays, unreliable } };
}

function warmUpLine(choice: WarmUpChoice): string {
  if (!choice.auto) return '';
  const { days, perReplicationDays, unreliable, from } = choice.auto;
  const chosen = days > 0 ? `${days} days: statistics from ${from}` : 'none needed';
  const note = unreliable ? '; some replication\'s series has no steady state in its first half, so read it with care' : '';
  return `Warm-up (auto, MSER-5 on daily ${WARM_UP_SERIES}): ${chosen} (per replication: ${perReplicationDays.join(', ')} days${note})\n`;
}

/** Shared between run and compare: the replication options. */
function replicationOptions(cmd: Command): Command {
  return cmd
    .option('-r, --reps <R>', `replications, ${range(1, REPS_MAX)}`, wholeNumber(1, REPS_MAX), 10)
    .option('-s, --seed <S>', `base seed, ${range(0, SEED_MAX)}: replication i draws from streams of (seed, i)`, wholeNumber(0, SEED_MAX), 1)
    .addOption(new Option('-w, --workers <N>', `worker threads, ${range(1, maxWorkers())} here (4 a core, at most 64; default: one per core, ${defaultWorkers()} here, fewer if --max-memory needs)`).argParser(workerCount()))
    .option('--warmup <DATE|auto>', 'discard statistics before this date (YYYY-MM-DD, China time), or "auto": found by MSER-5 on pilot runs')
    .option('--window <FROM..TO>', 'also the KPI table over these days (YYYY-MM-DD..YYYY-MM-DD, both included), in kpis-window.csv')
    .option('-o, --out <DIR>', 'directory for summary.json, kpis.csv, hourly.csv, histograms.json', 'jitsim-out')
    .addOption(maxMemoryOption())
    .addOption(maxTimeOption())
    .option('--json', 'print the summary as JSON instead of the table')
    .option('-q, --quiet', 'no progress bar');
}

export function buildProgram(state: { code: number; signal: AbortSignal; interruptNote?: string }): Command {
  const program = new Command('jitsim')
    .description('Seeded discrete-event simulator and capacity planner for JIT pre-sale fulfilment')
    .version(pkg.version, '-V, --version', 'print the jitsim version')
    .helpOption('-h, --help', 'show this help')
    .option('--debug', 'show stack traces of errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });

  replicationOptions(program.command('run').description('run replications of a scenario and summarise them').argument('<scenario>', 'scenario file (YAML or JSON)'))
    .option('--trace <FILE>', 'also write one row per order to FILE (gzip if it ends in .gz) and one per seller to sellers.csv beside it')
    .option('--trace-limit <ROWS>', `refuse a trace expected to hold more order rows than this (e.g. 20M)`, rowCount, DEFAULT_TRACE_LIMIT)
    .option('--save-state-at <WHEN FILE...>', 'also save each replication\'s whole state at WHEN (ISO date-time with offset, or a date) to FILE (.jsonl.gz); a scenario with start.fromState: FILE goes on from there')
    .action(async (file: string, flags: RunFlags, cmd: Command) => {
      const scenario = readScenarioFile(file);
      const range = windowRange(file, scenario, flags.window);
      const snapshots = planSnapshots(file, scenario, flags, cmd.getOptionValueSource('reps') === 'cli');
      const trace = flags.trace === undefined ? undefined : planTrace(file, scenario, flags.trace, snapshots.replications, flags.traceLimit);
      if (flags.warmup !== 'auto') warmUpHours(file, scenario, flags.warmup); // a wrong date is said before the estimate
      const { workers } = planRun(file, [scenario], flags, { replications: snapshots.replications });
      checkOut(flags.out, RUN_FILES);
      const options = { seed: flags.seed, replications: snapshots.replications, workers, quiet: !!flags.quiet, signal: state.signal, extras: snapshots.extras };
      const warmUp = await chooseWarmUp(file, scenario, flags.warmup, () => replicate(scenario, options), !!flags.quiet);
      let run: Replicated;
      try {
        // A pilot that found no warm-up is the run itself, unless the trace is still to be written.
        const reuse = warmUp.auto && (warmUp.hours === undefined && !trace || warmUp.auto.pilot.interrupted);
        run = reuse ? warmUp.auto!.pilot : await replicate(scenario, { ...options, warmUpHours: warmUp.hours, trace: trace?.parts });
        if (trace && run.results.length > 0 && !reuse) assembleTrace(trace, scenario, run.finished);
      } finally {
        if (trace) dropTraceParts(trace);
      }
      if (run.results.length === 0) return interruptedBeforeAny(state);
      const saved = snapshots.save ? saveStates(snapshots.save, scenario, flags.seed, run) : undefined;
      const summary = summarise(run.results);
      const window = range && { ...describeDayRange(range, scenario.season.start), kpis: kpiIntervals(run.results.map((r) => windowKpis(r, range))) };
      const doc = {
        scenario: file, seed: flags.seed, ...warmUpRecord(flags.warmup, warmUp), ...counts(run), kpis: summary.kpis, byClass: summary.byClass, window: window ?? null,
        trace: trace ? { orders: trace.orders, sellers: trace.sellers } : null,
        startedFrom: snapshots.from ? { file: scenario.start.fromState, at: snapshots.from.header.at } : null,
        savedState: saved ?? null,
      };
      writeRunFiles(flags.out, doc, summary.kpis, summary.byClass, summary.hourly, summary.daily, summary.histograms, scenario.season.start, window?.kpis);
      if (flags.json) process.stdout.write(JSON.stringify(doc, jsonNumbers, 2) + '\n');
      else {
        const windowText = window ? `\n${windowHeading(window)}\n${kpiTable(window.kpis, WINDOW_ROWS)}\n` : '';
        const traceText = (trace ? `Trace: ${trace.orders} (one row per order), ${trace.sellers} (one row per seller)\n` : '')
          + (saved ? `State at ${saved.at}: ${saved.path} (${saved.replications} replications)\n` : '')
          + (snapshots.from ? `Started from ${scenario.start.fromState} (the state at ${snapshots.from.header.at})\n` : '');
        process.stdout.write(`${file}: ${run.results.length} of ${run.requested} replications, seed ${flags.seed}\n${warmUpLine(warmUp)}${kpiTable(summary.kpis)}\n\n${classTable(summary.byClass)}\n${windowText}Files in ${flags.out}/\n${traceText}`);
      }
      if (run.interrupted) state.code = EXIT.interrupted;
    });

  replicationOptions(program.command('compare').description('compare two scenarios on common random numbers (paired differences B − A)'))
    .argument('<a>', 'baseline scenario').argument('<b>', 'alternative scenario')
    .action(async (fileA: string, fileB: string, flags: RunFlags) => {
      const a = readScenarioFile(fileA), b = readScenarioFile(fileB);
      const range = windowRange(fileA, a, flags.window);
      // Replications pair day by day: the window must be the same days of both seasons.
      if (range && a.season.start !== b.season.start) {
        throw new ScenarioError([{ file: fileB, path: '--window', message: `expected a season starting on A's first day (${a.season.start}) to compare a date range, got ${b.season.start}` }]);
      }
      if (range) windowRange(fileB, b, flags.window);
      if (flags.warmup !== 'auto') warmUpHours(fileA, a, flags.warmup);
      const { workers } = planRun(fileA, [a, b], flags, { replications: flags.reps });
      checkOut(flags.out, RUN_FILES);
      const common = { seed: flags.seed, replications: flags.reps, workers, quiet: !!flags.quiet, signal: state.signal };
      // Pairs must share their warm-up: with auto, A's pilot decides it for both.
      const warmUp = await chooseWarmUp(fileA, a, flags.warmup, () => replicate(a, common), !!flags.quiet);
      const options = { ...common, warmUpHours: warmUp.hours };
      const pilotWillDo = warmUp.auto && (warmUp.hours === undefined || warmUp.auto.pilot.interrupted);
      const runA = pilotWillDo ? warmUp.auto!.pilot : await replicate(a, options);
      const runB = runA.interrupted ? { results: [], finished: [], requested: flags.reps, interrupted: true } : await replicate(b, options);
      const pairs = Math.min(runA.results.length, runB.results.length);
      if (pairs === 0) return interruptedBeforeAny(state);
      const ra = runA.results.slice(0, pairs), rb = runB.results.slice(0, pairs);
      const sa = summarise(ra), sb = summarise(rb);
      const diff = compareKpis(ra, rb), diffByClass = compareByClass(ra, rb);
      const window = range && {
        ...describeDayRange(range, a.season.start),
        difference: compareKpis(ra, rb, (r) => windowKpis(r, range)),
        kpisA: kpiIntervals(ra.map((r) => windowKpis(r, range))),
        kpisB: kpiIntervals(rb.map((r) => windowKpis(r, range))),
      };
      const doc = { a: fileA, b: fileB, seed: flags.seed, ...warmUpRecord(flags.warmup, warmUp), replications: pairs, requested: flags.reps, interrupted: runA.interrupted || runB.interrupted, difference: diff, kpisA: sa.kpis, kpisB: sb.kpis, differenceByClass: diffByClass, byClassA: sa.byClass, byClassB: sb.byClass, verdict: verdict(ra, rb, { a: fileA, b: fileB }), window: window ?? null };
      writeRunFiles(flags.out, doc, diff, diffByClass, bandsOfDifference(ra, rb, 'hourly'), bandsOfDifference(ra, rb, 'daily'), { ...prefix('a.', sa.histograms), ...prefix('b.', sb.histograms) }, a.season.start, window?.difference);
      if (flags.json) process.stdout.write(JSON.stringify(doc, jsonNumbers, 2) + '\n');
      else {
        const windowText = window ? `\n${windowHeading(window)}\n${differenceTable(window.difference, window.kpisA, window.kpisB, WINDOW_ROWS)}\n` : '';
        process.stdout.write(`A = ${fileA}, B = ${fileB}: ${pairs} paired replications, seed ${flags.seed}\n${warmUpLine(warmUp)}${differenceTable(diff, sa.kpis, sb.kpis)}\n${windowText}${doc.verdict ? `\n${verdictTable(doc.verdict)}\n` : ''}Files in ${flags.out}/\n`);
      }
      if (doc.interrupted) state.code = EXIT.interrupted;
    });

  const plan = program.command('plan').description('planners: the warehouse roster (plan staffing), a seller\'s stocking policy (plan stocking)');
  planStaffingCommand(plan, state);
  planStocking(plan, state);

  sweepCommand(program, state);
  workerCommand(program, state);

  program.command('validate').description('print the fully resolved scenario, or its errors').argument('<scenario>', 'scenario file')
    .action((file: string) => {
      process.stdout.write(JSON.stringify(readScenarioFile(file), null, 2) + '\n');
    });

  program.command('scenarios').description('list the shipped scenarios and the question each answers')
    .action(() => {
      for (const f of readdirSync(scenariosDir).filter((n) => /\.(ya?ml|json)$/.test(n)).sort()) {
        const first = readFileSync(join(scenariosDir, f), 'utf8').split('\n').find((l) => l.startsWith('#')) ?? '';
        process.stdout.write(`${basename(f).padEnd(30)} ${first.replace(/^#\s*/, '')}\n`);
      }
      process.stdout.write(`(in ${scenariosDir})\n`);
    });
  return program;
}

/** Each command's subcommands, for naming what failed. */
function commandNames(program: Command): Record<string, string[]> {
  return Object.fromEntries(program.commands.map((c) => [c.name(), c.commands.map((s) => s.name())]));
}

function counts(run: Replicated) {
  return { replications: run.results.length, requested: run.requested, interrupted: run.interrupted };
}

function interruptedBeforeAny(state: { code: number }): void {
  process.stderr.write('jitsim: interrupted before any replication finished; nothing written\n');
  state.code = EXIT.interrupted;
}

function prefix<T>(p: string, o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [p + k, v]));
}

/** Hourly (or daily) B − A per replication pair, summarised as mean and P5–P95 band. */
function bandsOfDifference(a: RunResult[], b: RunResult[], of: 'hourly' | 'daily'): Record<string, HourlyBand> {
  return seriesBands(a.map((ra, i) =>
    Object.fromEntries(Object.keys(ra[of]).map((k) => [k, ra[of][k].map((x, h) => b[i][of][k][h] - x)]))));
}

function windowHeading(w: { from: string; to: string; days: number }): string {
  return `from ${w.from} to ${w.to} (${w.days} days):`;
}

/** Runs the CLI on argv (as process.argv) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  const state: { code: number; signal: AbortSignal; interruptNote?: string } = { code: EXIT.ok, signal: controller.signal };
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    process.stderr.write(`\njitsim: interrupted, ${state.interruptNote ?? 'writing the replications already finished'} (Ctrl-C again to quit at once)\n`);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  const program = buildProgram(state);
  // An error thrown outside the command's promise (a timer, a stream) ends the run the same way.
  const onStray = (err: unknown) => {
    process.stderr.write(failureText(err, commandOf(argv, commandNames(program)), argv.includes('--debug')));
    process.exit(EXIT.invalidInput);
  };
  process.on('uncaughtException', onStray);
  process.on('unhandledRejection', onStray);
  try {
    await program.parseAsync(argv);
    return state.code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (err instanceof ScenarioError) {
      process.stderr.write(err.message + '\n');
      return EXIT.invalidInput;
    }
    if (err instanceof OutError) {
      process.stderr.write(`jitsim: ${err.message}\n`);
      return EXIT.invalidInput;
    }
    process.stderr.write(failureText(err, commandOf(argv, commandNames(program)), argv.includes('--debug')));
    return EXIT.invalidInput;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('uncaughtException', onStray);
    process.off('unhandledRejection', onStray);
  }
}
