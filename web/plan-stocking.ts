// The page's seller stocking planner (the command `jitsim plan stocking` in the browser): the
// edited scenario's seller profile, 30 policies on the same replications (common random numbers),
// with and without the disruption windows, run on the page's workers with progress and Cancel;
// per setting the frontier chart and the table, each policy one click from being the scenario.
import { profileClass, sellerProfile, stockingPlan, type Candidate, type SettingPlan } from '../src/experiment/stocking-plan.ts';
import { formatNumber } from '../src/experiment/number-format.ts';
import type { Scenario, SizeClass } from '../src/scenario/types.ts';
import { frontierChart } from './charts/frontier.ts';
import { tableToggle } from './chart-frames.ts';
import { planTable } from './plan-table.ts';
import { planPageRun } from './run-plan.ts';
import { runJobs, workerCount, type Runs } from './plan-runs.ts';
import { MAX_REPLICATIONS, wholeField } from './run-inputs.ts';

export interface PlannerHooks {
  /** The edited scenario, checked; undefined (its errors shown by the page) when it does not pass. */
  scenario: () => Scenario | undefined;
  /** The seed, checked (its message shown beside it), or undefined when it is wrong. */
  seed: () => number | undefined;
  /** Writes the candidate into the edited scenario for the class, ready to run and compare. */
  open: (sellerClass: SizeClass, candidate: Candidate) => void;
}

type Plan = SettingPlan;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}) => Object.assign(document.createElement(tag), props);

export function stockingPlanner(hooks: PlannerHooks): void {
  const classSelect = $<HTMLSelectElement>('plan-class'), repsInput = $<HTMLInputElement>('plan-reps');
  // Two at least: an interval needs two.
  const repsField = wholeField(repsInput, { label: 'Replications', min: 2, max: MAX_REPLICATIONS });
  const runButton = $<HTMLButtonElement>('plan-run'), cancelButton = $<HTMLButtonElement>('plan-cancel');
  const progress = $<HTMLProgressElement>('plan-progress'), status = $<HTMLSpanElement>('plan-status');
  const results = $('plan-results');
  let runs: Runs | undefined;

  /** A one-seller scenario is planned as it is: the class choice then does not apply. */
  function offerClass(scenario: Scenario | undefined): void {
    const single = scenario?.sellers.count === 1;
    classSelect.disabled = single;
    classSelect.title = single ? `a one-seller scenario: its ${profileClass(scenario!)} seller, as it is` : 'the median seller (by demand) of this class';
  }
  $('plan').addEventListener('toggle', () => offerClass(hooks.scenario()));

  async function run(): Promise<void> {
    const scenario = hooks.scenario();
    offerClass(scenario);
    if (!scenario) { status.textContent = 'Fix the scenario first.'; return; }
    const reps = repsField.read(), seed = hooks.seed();
    if (reps === undefined || seed === undefined) { status.textContent = 'Nothing was run: see the message beside the field.'; return; }
    const profile = sellerProfile(scenario, classSelect.value as SizeClass);
    const sellerClass = profileClass(profile);
    const plan = stockingPlan(profile, reps, seed);
    const { grid, jobs } = plan;
    const planned = planPageRun([profile], { workers: workerCount(jobs.length), replications: jobs.length, kpisOnly: true });
    if (planned.refusal !== undefined) { status.textContent = planned.refusal; return; }
    runButton.disabled = true;
    cancelButton.disabled = false;
    Object.assign(progress, { hidden: false, max: jobs.length, value: 0 });
    const estimated = `; ${planned.note}`;
    status.textContent = `runs 0 of ${jobs.length}${estimated}`;
    const started = performance.now();
    runs = runJobs(jobs, (i, result) => {
      plan.record(i, result);
      progress.value += 1;
      status.textContent = `runs ${progress.value} of ${jobs.length}${estimated}`;
    }, planned.workers);
    try {
      const { completed, cancelled } = await runs.done;
      const plans: Plan[] = plan.plans();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      status.textContent = cancelled
        ? `Cancelled after ${completed} of ${jobs.length} runs: the policies below on the replications finished so far.`
        : `${jobs.length} runs in ${seconds} s.`;
      show(plans, { sellerClass, ordersPerDay: profile.demand.ordersPerDay, reps, seed, policies: grid.length, cancelled });
    } catch (err) {
      status.textContent = `Plan failed: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      runs = undefined;
      runButton.disabled = false;
      cancelButton.disabled = true;
      progress.hidden = true;
    }
  }

  function show(plans: Plan[], about: { sellerClass: SizeClass; ordersPerDay: number; reps: number; seed: number; policies: number; cancelled: boolean }): void {
    results.replaceChildren(el('p', {
      className: 'note plan-about',
      textContent: `One ${about.sellerClass} seller, ${formatNumber(about.ordersPerDay)} orders a day before the peak curve; ${about.policies} policies × ${about.reps} replications${about.cancelled ? ' (cancelled: what was done)' : ''}, seed ${about.seed}, every policy on the same replications.`,
    }));
    for (const plan of plans) {
      const heading = plan.disruptions ? 'With the scenario’s disruptions' : 'Without disruptions';
      const section = el('section', { className: 'plan-setting' });
      section.dataset.disruptions = String(plan.disruptions);
      const chart = el('div', { className: 'chart', id: `plan-frontier-${plan.disruptions ? 'with' : 'without'}-disruptions` }), table = el('table');
      const wrap = el('div', { className: 'plan-table-wrap' });
      wrap.append(table);
      section.append(el('h3', { textContent: heading }), chart, wrap);
      results.append(section);
      if (plan.policies.length === 0) { chart.textContent = 'No replication finished.'; continue; }
      const counts = new Set(plan.policies.map((o) => o.replications));
      if (counts.size > 1) section.insertBefore(el('p', { className: 'note', textContent: `Cancelled mid-replication: policies have ${[...counts].sort().join(' or ')} replications.` }), chart);
      frontierChart(chart, { outcomes: plan.policies, heading: `Stocking frontier, ${heading.toLowerCase()}: expected profit against the chance the deposit runs out` });
      tableToggle(chart, `Stocking frontier ${heading.toLowerCase()}`);
      planTable(table, plan.policies, (o) => {
        hooks.open(about.sellerClass, o.candidate);
        status.textContent = `“${o.candidate.label}” written into sellers.classes.${about.sellerClass} of the scenario above; Compare with is set to its original: press Run.`;
      });
    }
  }

  runButton.addEventListener('click', () => { void run(); });
  cancelButton.addEventListener('click', () => { runs?.cancel(); });
}
