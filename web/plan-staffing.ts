// The page's warehouse staffing planner (the command `jitsim plan staffing` in the browser): the
// edited scenario's replications recorded on the page's workers, the roster searched day by day on
// them (the replications held in workers, the search here, so the page stays responsive), then
// checked on fresh replications; progress and Cancel through each stage; the roster chart, the
// staff-hours, the table, and the roster to take away (CSV, roster.yaml, or into the editor).
import { transfer, wrap } from 'comlink';
import { planStaffingOn, type StaffingPlan } from '../src/experiment/staffing-plan.ts';
import { blocksOf, remoteBlock, replicas } from '../src/experiment/staffing-replicas.ts';
import { plannedScenario, rosterYaml, staffHoursSummary, staffingCsv, validatedShares, type ValidatedDay } from '../src/experiment/staffing-roster.ts';
import { dayLevel, type HourlyStaff, type StaffingSetup, type StaffingTarget } from '../src/experiment/staffing-target.ts';
import { formatNumber, percent } from '../src/experiment/number-format.ts';
import { staffingKeptBytes } from '../src/experiment/run-estimate.ts';
import { inflowBuffers, type Inflow } from '../src/model/inflow.ts';
import type { RunResult } from '../src/model/result.ts';
import { staffHourByHour } from '../src/model/world.ts';
import { dateAt, horizonHours } from '../src/scenario/time.ts';
import type { Scenario } from '../src/scenario/types.ts';
import type { SimulatorApi } from '../src/worker/api.ts';
import { rosterChart } from './charts/roster.ts';
import { tableToggle } from './chart-frames.ts';
import { download } from './export.ts';
import { wholeField } from './run-inputs.ts';
import { withRoster } from './open-roster.ts';
import { planPageRun } from './run-plan.ts';
import { runJobs, simWorker, workerCount, type Job, type Runs } from './plan-runs.ts';
import { staffingTable } from './staffing-table.ts';

export interface StaffingHooks {
  /** The edited scenario, checked; undefined (its errors shown by the page) when it does not pass. */
  scenario: () => Scenario | undefined;
  /** The seed, checked (its message shown beside it), or undefined when it is wrong. */
  seed: () => number | undefined;
  /** The editor's text, the name the page gives it, and whether it is a shipped file as shipped. */
  edited: () => { text: string; name: string; shipped: boolean };
  /** Puts scenario text (the planned roster written in) into the editor, ready to run. */
  open: (text: string) => void;
}

/** What a plan was made from, for its results and the files taken away. */
interface Made {
  scenario: Scenario;
  source: ReturnType<StaffingHooks['edited']>;
  seed: number;
  days: number;
  base: HourlyStaff;
  peakWeek: { from: number; to: number };
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}) => Object.assign(document.createElement(tag), props);

export function staffingPlanner(hooks: StaffingHooks): void {
  const runButton = $<HTMLButtonElement>('staffing-run'), cancelButton = $<HTMLButtonElement>('staffing-cancel');
  const progress = $<HTMLProgressElement>('staffing-progress'), status = $<HTMLSpanElement>('staffing-status');
  const results = $('staffing-results');
  const repsField = wholeField($<HTMLInputElement>('staffing-reps'), { label: 'Replications', min: 2, max: 50 });
  // Recording and checking stop at once (their workers end); planning stops between days.
  let runs: Runs | undefined, planning = false, stopping = false;
  // This run's workers as the memory check allows, and its time estimate (run-plan.ts).
  let runPlan = { workers: workerCount(), note: '' };

  /** The target and replications asked for, or what is wrong with them. */
  function asked(): { target: StaffingTarget; reps: number; check: boolean } | string {
    const value = (id: string) => Number($<HTMLInputElement>(id).value);
    const [within, share, confidence] = [value('staffing-within'), value('staffing-share'), value('staffing-confidence')];
    if (!(within > 0 && within <= 336)) return 'Stocked within: a number of hours above 0, at most 336.';
    if (!(share > 0 && share < 100)) return 'Share of parcels: a percentage above 0 and below 100.';
    if (!(confidence > 0 && confidence < 100)) return 'Confidence: a percentage above 0 and below 100.';
    // Two at least: a confidence bound needs two.
    const reps = repsField.read();
    if (reps === undefined) return 'Nothing was run: see the message beside the field.';
    return { target: { withinHours: within, share: share / 100, confidence: confidence / 100 }, reps, check: $<HTMLInputElement>('staffing-validate').checked };
  }

  /** Runs replications with the bar counting their simulated days; the results in job order, those finished. */
  async function replications(label: string, jobs: Job[], days: number): Promise<{ results: RunResult[]; cancelled: boolean }> {
    const results: RunResult[] = [], daysDone = jobs.map(() => 0);
    let finished = 0;
    const update = () => {
      progress.value = daysDone.reduce((a, b) => a + b, 0);
      status.textContent = `${label}, ${finished} of ${jobs.length} done; ${runPlan.note}`;
    };
    Object.assign(progress, { hidden: false, max: jobs.length * days });
    update();
    runs = runJobs(jobs, (i, result) => { results[i] = result; daysDone[i] = days; finished++; update(); }, runPlan.workers, (i, d) => { daysDone[i] = d; update(); });
    try {
      const { cancelled } = await runs.done;
      return { results: results.filter((r) => r !== undefined), cancelled };
    } finally {
      runs = undefined;
    }
  }

  /** The search on the recorded replications, held in blocks by workers of their own (the inflows move there). */
  async function planDays(setup: StaffingSetup, inflows: Inflow[]): Promise<StaffingPlan> {
    const parts = blocksOf(inflows, workerCount());
    const workers = parts.map(() => simWorker());
    Object.assign(progress, { max: setup.days, value: 0 });
    status.textContent = `Planning day 1 of ${setup.days}`;
    planning = true;
    try {
      const apis = workers.map((w) => wrap<SimulatorApi>(w));
      await Promise.all(parts.map((part, id) => apis[id].staffingBlock(id, transfer({ ...setup, inflows: part }, part.flatMap(inflowBuffers)))));
      const on = replicas(apis.map((api, id) => remoteBlock((move, args) => api.staffingMove(id, move, args))));
      return await planStaffingOn(setup, on, inflows.length, {
        onDay: (done, days) => {
          progress.value = done;
          if (done === days || stopping) {
            // The days planned are now made minimal and replayed: nothing left to stop.
            cancelButton.disabled = true;
            status.textContent = `${stopping ? `Stopped after ${done} of ${days} days` : `All ${days} days searched`}: taking off any staff member the target does without…`;
          } else status.textContent = `Planning day ${done + 1} of ${days}`;
        },
        shouldStop: () => stopping,
      });
    } finally {
      planning = false;
      for (const w of workers) w.terminate();
    }
  }

  async function run(): Promise<void> {
    const scenario = hooks.scenario();
    if (!scenario) { status.textContent = 'Fix the scenario first.'; return; }
    const ask = asked();
    if (typeof ask === 'string') { status.textContent = ask; return; }
    const { target, reps, check } = ask;
    const seed = hooks.seed(), source = hooks.edited();
    if (seed === undefined) { status.textContent = 'Nothing was run: see the message beside the field.'; return; }
    const days = Math.round(horizonHours(scenario.season) / 24);
    const staff = (station: 'receiving' | 'qc') => staffHourByHour(scenario.warehouse[station].staff, scenario.season.start, days);
    const base: HourlyStaff = { receiving: staff('receiving'), qc: staff('qc') };
    const planned = planPageRun([scenario], { workers: workerCount(), replications: reps * (check ? 2 : 1), extraKept: staffingKeptBytes(scenario, reps) });
    if (planned.refusal !== undefined) { status.textContent = planned.refusal; return; }
    runPlan = planned;
    runButton.disabled = true;
    cancelButton.disabled = false;
    stopping = false;
    results.replaceChildren();
    const started = performance.now();
    try {
      const recorded = await replications('Recording replications', Array.from({ length: reps }, (_, r): Job => ({ scenario, seed, replication: r, recordInflow: true })), days);
      if (recorded.cancelled) { status.textContent = 'Cancelled while recording the replications: nothing planned.'; return; }
      const peakFrom = Math.round((recorded.results[0].kpis.peakWeekStartHours ?? 0) / 24);
      const made: Made = { scenario, source, seed, days, base, peakWeek: { from: peakFrom, to: peakFrom + 7 } };
      const plan = await planDays({ days, base, target }, recorded.results.map((r) => r.inflow as Inflow));
      const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
      if (plan.days.length === 0) { status.textContent = 'Stopped before the first day was planned: nothing to show.'; return; }
      show(plan, made, []);
      if (plan.days.length < days) { status.textContent = `Stopped: a partial plan of ${plan.days.length} of ${days} days, in ${seconds()}.`; return; }
      if (!check) { status.textContent = `Planned ${days} days on ${reps} replications in ${seconds()}.`; return; }
      cancelButton.disabled = false;
      const planned = plannedScenario(scenario, plan.hourly);
      const checked = await replications('Checking the roster on fresh replications',
        Array.from({ length: reps }, (_, i): Job => ({ scenario: planned, seed, replication: reps + i })), days);
      show(plan, made, validatedShares(checked.results, target.withinHours, days));
      status.textContent = checked.cancelled
        ? `Check cancelled after ${checked.results.length} of ${reps} fresh replications: the plan stands${checked.results.length > 0 ? ', checked on those' : ', unchecked'}.`
        : `Planned ${days} days on ${reps} replications and checked on ${reps} fresh ones in ${seconds()}.`;
    } catch (err) {
      status.textContent = `Plan failed: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      runButton.disabled = false;
      cancelButton.disabled = true;
      progress.hidden = true;
    }
  }

  function show(plan: StaffingPlan, made: Made, validated: ValidatedDay[]): void {
    const { scenario, days, base, peakWeek } = made, t = plan.target, start = scenario.season.start;
    const complete = plan.days.length === days;
    results.replaceChildren(el('p', {
      className: 'note staffing-about',
      textContent: `The fewest staff for ${percent(t.share)} of each day’s parcels stocked within ${t.withinHours} h, with ${percent(t.confidence)} confidence; ${plan.replications} replications, seed ${made.seed}, every roster tried on the same ones.`,
    }));
    if (!complete) {
      results.append(el('p', { className: 'partial', textContent: `Stopped: a partial plan, the first ${plan.days.length} of ${days} days. The days after keep the scenario’s roster; run the plan to the end for a roster to take away.` }));
    }
    const chart = el('div', { className: 'chart', id: 'staffing-roster' });
    results.append(chart);
    tableToggle(chart, 'Roster: staff per day, planned and the scenario’s');
    const perDay = (staff: Int32Array) => Array.from({ length: days }, (_, d) => dayLevel(staff, d));
    rosterChart(chart, {
      seasonStart: start, days, peakWeek,
      planned: { receiving: plan.days.map((p) => p.receiving), qc: plan.days.map((p) => p.qc) },
      scenario: { receiving: perDay(base.receiving), qc: perDay(base.qc) },
    });
    results.append(staffHoursLine(plan, base, complete));
    const verdict = checkVerdict(plan, validated, start);
    if (verdict) results.append(verdict);

    const actions = el('p', { className: 'downloads staffing-actions' });
    const button = (text: string, title: string, act: () => void) => {
      const b = el('button', { type: 'button', textContent: text, title });
      b.addEventListener('click', act);
      actions.append(b, ' ');
      return b;
    };
    if (complete) {
      button('Open as scenario', 'write the planned roster into the scenario above, as dated overrides', () => {
        const now = hooks.edited();
        hooks.open(withRoster(now.text, plan.hourly, start, scenario));
        status.textContent = 'The planned roster is in the scenario above (warehouse.receiving.staff.overrides and warehouse.qc.staff.overrides): press Run to see it.' +
          (now.text === made.source.text ? '' : ' The scenario had changed since the plan was made: the roster is the one planned for it as it was.');
      }).className = 'open-roster';
      button('roster.yaml', made.source.shipped
        ? `the roster, extending ${made.source.name}: keep it beside that file in scenarios/, or load it here with "Or your file"`
        : 'the edited scenario with the planned roster written in (it has no file to extend)', () => {
        download('roster.yaml', new Blob([rosterFile(plan, made)], { type: 'application/yaml' }));
      }).dataset.file = 'roster.yaml';
    }
    button('staffing-plan.csv', 'a row a day: staff per station against the scenario’s, the shares searched and checked', () => {
      download('staffing-plan.csv', new Blob([staffingCsv(plan, start, validated, peakWeek)], { type: 'text/csv' }));
    }).dataset.file = 'staffing-plan.csv';
    results.append(actions);

    // The table scrolls in its box; the box takes the focus so that keys scroll it too.
    const scroller = el('div', { className: 'staffing-table-wrap', tabIndex: 0 }), table = el('table');
    scroller.setAttribute('role', 'region');
    scroller.setAttribute('aria-label', 'The plan day by day, table');
    scroller.append(table);
    results.append(scroller);
    staffingTable(table, { plan, seasonStart: start, validated, peakWeek });
  }

  runButton.addEventListener('click', () => { void run(); });
  cancelButton.addEventListener('click', () => {
    if (runs) { runs.cancel(); return; }
    if (!planning) return;
    stopping = true;
    cancelButton.disabled = true;
    status.textContent = 'Stopping after the day in hand; the days planned are kept…';
  });
}

/** Staff-hours over the season, planned against the scenario's, per station and in all. */
function staffHoursLine(plan: StaffingPlan, base: HourlyStaff, complete: boolean): HTMLParagraphElement {
  const hours = staffHoursSummary(plan, base);
  const line = el('p', { className: 'staff-hours' });
  line.append(el('strong', { textContent: 'Staff-hours' }), complete ? ': ' : ', the days not planned at the scenario’s roster: ');
  ([['receiving', 'receiving'], ['qc', 'QC'], ['total', 'in all']] as const).forEach(([key, name], i) => {
    const { planned, scenario } = hours[key];
    const change = (planned / scenario - 1) * 100;
    const part = el('span', { className: 'station-hours' });
    Object.assign(part.dataset, { station: key, planned: String(planned), scenario: String(scenario) });
    part.append(`${name} `, el('strong', { textContent: formatNumber(planned) }), ` against ${formatNumber(scenario)} `,
      el('span', { className: change <= 0 ? 'fewer' : 'more', textContent: `(${change > 0 ? '+' : change < 0 ? '−' : '±'}${Math.abs(change).toFixed(1)}%)` }));
    line.append(part, i < 2 ? '; ' : '');
  });
  return line;
}

/** What the check on fresh replications found, or null when there was none. */
function checkVerdict(plan: StaffingPlan, validated: ValidatedDay[], seasonStart: string): HTMLParagraphElement | null {
  const n = validated[0]?.replications ?? 0;
  if (n === 0) return null;
  const t = plan.target;
  const below = plan.days.filter((p) => !Number.isNaN(validated[p.day].mean) && validated[p.day].mean < t.share);
  return el('p', {
    className: `check ${below.length === 0 ? 'met' : 'missed'}`,
    textContent: below.length === 0
      ? `Checked on ${n} fresh replications of the whole model: every day’s mean share reaches ${percent(t.share)} (the last day is cut off by the season’s end).`
      : `Checked on ${n} fresh replications: ${below.length} day${below.length === 1 ? '' : 's'} below ${percent(t.share)} on average: ${below.map((p) => dateAt(p.day * 24, seasonStart)).join(', ')}.`,
  });
}

/**
 * roster.yaml: a shipped scenario's roster extends it by name, as the command's file does; an
 * edited scenario has no file to extend, so the file is the whole of it with the roster written in,
 * under the same comments saying how the roster was found.
 */
function rosterFile(plan: StaffingPlan, made: Made): string {
  const { source, scenario } = made, t = plan.target;
  const file = source.shipped ? `scenarios/${source.name}` : `"${source.name}"`;
  const command = `jitsim plan staffing ${file} --reps ${plan.replications} --seed ${made.seed} --within ${t.withinHours} --share ${t.share} --confidence ${t.confidence}`;
  const text = rosterYaml({ extendsPath: source.name, scenario, plan, command, hours: staffHoursSummary(plan, made.base) });
  if (source.shipped) return text;
  const comments = text.split('\n').filter((line) => line.startsWith('#'));
  return `${comments.join('\n')}\n${withRoster(source.text, plan.hourly, scenario.season.start, scenario)}`;
}
