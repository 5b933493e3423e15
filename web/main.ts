// The planner's page, its wiring only: pick or edit a scenario (and upload a seller's data files),
// check the run's inputs, run the replications on parallel Web Workers (run-replications.ts),
// watch progress, cancel, and hand the results to the charts (results-charts.ts), the KPI table
// and the comparison.
import './no-eval.ts';
import type { RunResult } from '../src/model/result.ts';
import { summarise } from '../src/experiment/summary.ts';
import { resultCharts } from './results-charts.ts';
import { ScenarioError } from '../src/scenario/load.ts';
import type { Mode, Scenario } from '../src/scenario/types.ts';
import { parse, question, shipped } from './scenarios.ts';
import { parameterForm } from './form.ts';
import { downloadPng, downloadResults, downloadSvg, type ResultFile } from './export.ts';
import { decodeState, LinkTooLong, shareHash } from './share.ts';
import { kpiTable } from './kpi-tables.ts';
import { costTable } from './cost-table.ts';
import { compareChoice } from './compare-choice.ts';
import { showComparison } from './compare-view.ts';
import { attachHelp } from './help.ts';
import { kpiWindow } from './kpi-window.ts';
import { MODE_NAMES, modeName, twin } from './twin.ts';
import { planners } from './planners.ts';
import { ownDataFiles } from './own-data.ts';
import { sellerView } from './seller-view.ts';
import { firstScreen } from './first-screen.ts';
import { chartFrames, RESULT_CHARTS } from './chart-frames.ts';
import { MAX_REPLICATIONS, MAX_SEED, readAll, wholeField } from './run-inputs.ts';
import { staleResults } from './stale.ts';
import { pageDraft } from './draft.ts';
import { FIX_FIRST, unreadable } from './unreadable.ts';
import { longLink, UNREADABLE_LINK, unreadableLink } from './link-note.ts';
import { planPageRun } from './run-plan.ts';
import { runReplications, type PageRunning } from './run-replications.ts';
import { workerCount } from './plan-runs.ts';
import { MAX_LANES } from '../src/experiment/job-lanes.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

// The charts, each framed with its heading, downloads and table toggle.
chartFrames($('charts'), RESULT_CHARTS);
// The KPIs over the days brushed on the congestion chart sit just below it.
const windowBox = Object.assign(document.createElement('section'), { id: 'window', className: 'kpi-window' });
$('congestion').closest('section')!.after(windowBox);
const kpisOverDays = kpiWindow(windowBox);
const select = $<HTMLSelectElement>('scenario'), yaml = $<HTMLTextAreaElement>('yaml');
const runButton = $<HTMLButtonElement>('run'), cancelButton = $<HTMLButtonElement>('cancel');
const progress = $<HTMLProgressElement>('progress'), status = $<HTMLSpanElement>('status');
const errors = $<HTMLUListElement>('errors');
const seedField = wholeField($('seed'), { label: 'Seed', min: 0, max: MAX_SEED });
const runFields = {
  seed: seedField, reps: wholeField($('reps'), { label: 'Replications', min: 1, max: MAX_REPLICATIONS }),
  workers: wholeField($('workers'), { label: 'Parallel workers', min: 1, max: MAX_LANES }),
};
$<HTMLInputElement>('workers').value = String(workerCount());
// Any edit above the results (text, form, seed, replications, compare, data files) marks them stale.
const stale = staleResults($('results'));
for (const type of ['input', 'change']) $('setup').addEventListener(type, stale.edited);

const compareSelect = $<HTMLSelectElement>('compare');
for (const [name, text] of Object.entries(shipped)) {
  select.add(new Option(`${name} — ${question(text)}`, name));
  compareSelect.add(new Option(name, name));
}
// Up to three scenarios to compare with the editor's, and the baseline (compare-choice.ts).
const choice = compareChoice(compareSelect, (c) => choiceLabel(c));
attachHelp();
select.value = 'black-friday-2022.yaml';
yaml.value = shipped[select.value];
restoreFromUrl();
// The draft of an earlier visit comes back unless a link brought a scenario (or tried to).
const draft = pageDraft({ select, yaml, seed: $('seed'), reps: $('reps'), compare: compareSelect, shipped }, $('setup'), $('editor'), /#s=/.test(location.hash), () => { readScenario(); });
select.addEventListener('change', () => { yaml.value = shipped[select.value]; readScenario(); });
// The first screen's starts choose as the user would, so every listener hears of it.
firstScreen($('starts'), {
  load: (file, compare) => {
    select.value = file;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    compareSelect.value = compare;
    compareSelect.dispatchEvent(new Event('change', { bubbles: true }));
  },
});

/** The run in progress, if any: its workers, cancelled all at once. */
let running: PageRunning | undefined;

let lastGood: Scenario | undefined;
const ownData = ownDataFiles($<HTMLInputElement>('own-data'), $('own-data-note'), () => { readScenario(); });
const form = parameterForm($<HTMLFieldSetElement>('form'), {
  text: () => yaml.value,
  resolved: () => lastGood,
  edited: (text) => { yaml.value = text; readScenario(); },
});
// A syntax error locks the form; the runs' notes to fix the scenario go once it reads.
const unreadableNotes = unreadable($<HTMLFieldSetElement>('form'), ['status', 'seller-status', 'plan-status', 'staffing-status'].map((id) => $(id)));

/**
 * Checks the scenario text: fills the form from it, or shows each error next to its field
 * (others beside the editor, one per line). Returns the scenario or undefined.
 */
function readScenario(): Scenario | undefined {
  errors.replaceChildren();
  stale.check(yaml.value);
  draft.save();
  try {
    const scenario = parse(yaml.value, editedName());
    form.showErrors([]);
    form.show(scenario);
    offerTwins(scenario);
    lastGood = scenario;
    // The data files it names come from the uploads; their problems are listed as the scenario's are.
    const attached = ownData.attach(scenario, editedName());
    unreadableNotes.read();
    return attached;
  } catch (err) {
    unreadableNotes.failed(err);
    const issues = err instanceof ScenarioError ? err.issues : [{ file: select.value, path: '', message: String(err) }];
    const rest = form.showErrors(issues);
    const lines = err instanceof ScenarioError
      ? rest.map((i) => (i.path ? `${i.file}: ${i.path}: ${i.message}` : `${i.file}: ${i.message}`))
      : [String(err)];
    for (const line of lines) errors.append(Object.assign(document.createElement('li'), { textContent: line }));
    if (lines.length > 0) (yaml.closest('details') as HTMLDetailsElement).open = true;
    return undefined;
  }
}

yaml.addEventListener('change', () => { readScenario(); });
// A user's own file goes into the editor; JSON is valid YAML, so one parser reads both.
$<HTMLInputElement>('file').addEventListener('change', async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (!file) return;
  yaml.value = await file.text();
  status.textContent = `Loaded ${file.name}.`;
  readScenario();
});
readScenario();

/** The editor's text is named apart from the shipped file, so that it may extend its original. */
function editedName(): string {
  return select.value.replace(/\.yaml$/, ' (edited).yaml');
}

/** Offers the twin in a mode only when some class with sellers does not sell that way yet; a chosen twin no longer offered becomes the other. */
function offerTwins(scenario: Scenario): void {
  choice.offerTwins(scenario);
}

/** A compare choice by name: a shipped scenario, the unedited file, or the editor's text in the other mode. */
function choiceLabel(c: string): string {
  if (c.startsWith('twin:')) return `${MODE_NAMES[c.slice('twin:'.length) as Mode]} twin`;
  return c === 'original' ? `${select.value} as shipped` : c;
}

/** The scenarios to compare with the editor's, in the order chosen; a choice that fails to load throws, named. */
function comparisons(): { label: string; scenario: Scenario }[] {
  return choice.choices().map((c) => {
    try {
      if (c.startsWith('twin:')) return { label: choiceLabel(c), scenario: ownData.attach(twin(yaml.value, editedName(), c.slice('twin:'.length) as Mode).scenario, editedName()) };
      const name = c === 'original' ? select.value : c;
      return { label: choiceLabel(c), scenario: parse(shipped[name], name) };
    } catch (err) {
      const issues = err instanceof ScenarioError ? err.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : String(err);
      throw new Error(`Cannot compare with ${choiceLabel(c)}: ${issues}`);
    }
  });
}

async function run(): Promise<void> {
  const asked = readAll(runFields);
  const scenario = readScenario();
  if (!asked) { status.textContent = 'Nothing was run: see the message beside the field.'; return; }
  stale.started(yaml.value);
  if (!scenario) { status.textContent = FIX_FIRST; return; }
  let others: ReturnType<typeof comparisons>;
  try {
    others = comparisons();
  } catch (err) {
    status.textContent = (err as Error).message;
    return;
  }
  const { seed, reps } = asked;
  const plan = planPageRun([scenario, ...others.map((o) => o.scenario)], { workers: asked.workers, replications: reps });
  if (plan.refusal !== undefined) { status.textContent = plan.refusal; return; }
  const { workers } = plan;
  runButton.disabled = true;
  cancelButton.disabled = false;
  progress.hidden = false;
  progress.value = 0;
  const started = performance.now();
  const parallel = Math.min(workers, reps * (1 + others.length));
  const thisRun = running = runReplications({
    scenarios: [scenario, ...others.map((o) => o.scenario)], seed, replications: reps, workers,
    onProgress: (p) => {
      // A large scenario's setup takes a while before its first day: its own bar, then the days'.
      progress.max = p.setup === undefined ? p.daysTotal : 1;
      progress.value = p.setup ?? p.daysDone;
      status.textContent = p.setup === undefined
        ? `${p.replicationsDone} of ${p.replicationsTotal} replications done, ${parallel} running at a time; ${plan.note}`
        : `Setting up sellers and SKUs: ${Math.floor(100 * p.setup)}%`;
    },
  });
  try {
    const results = await thisRun.done;
    if (!results) return;
    show(scenario, results[0], (performance.now() - started) / 1000, others.map((o, k) => ({ ...o, results: results[k + 1] })));
    status.textContent += ` on ${parallel} parallel worker${parallel === 1 ? '' : 's'}`;
  } catch (err) {
    status.textContent = `Run failed: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    if (running === thisRun) running = undefined;
    runButton.disabled = false;
    cancelButton.disabled = true;
    progress.hidden = true;
  }
}

/** Cancel stops at once: every worker is terminated, and the next run starts fresh ones. */
function cancel(): void {
  running?.cancel();
  status.textContent = 'Cancelled.';
}

let shown: { summary: ReturnType<typeof summarise>; scenario: Scenario; seed: string } | undefined;

function show(scenario: Scenario, results: RunResult[], seconds: number, compared: { label: string; scenario: Scenario; results: RunResult[] }[] = []): void {
  const summary = summarise(results);
  // The charts lay one run over the editor's: the baseline, or the first compared when the editor's is the baseline.
  const baseline = compared.length > 0 ? choice.baseline() : 0;
  const other = compared[Math.max(0, baseline - 1)];
  // B on every chart; each chart leaves out what cannot be laid over A (hours outside A's season, other bins).
  const b = other && { ...other, summary: summarise(other.results) };
  // Each run named by how its sellers sell; B's long label says so too when the modes differ.
  const modes = { a: modeName(scenario), b: b && modeName(b.scenario) };
  const names = { a: `${modes.a} (A)`, b: `${modes.b} (B)` };
  if (b && modes.b !== modes.a && !b.label.startsWith(modes.b!)) b.label = `${b.label}, ${modes.b}`;
  $('run-key').hidden = !b;
  if (b) $('run-key').textContent = `Solid lines and filled bars: A, ${modes.a} — the scenario in the editor (${select.value})${baseline === 0 ? ', the baseline' : ''}. Dashed lines and outlines: B, ${b.label}${baseline === 0 ? ', the first scenario compared' : ', the baseline'}.`;
  shown = { summary, scenario, seed: $<HTMLInputElement>('seed').value };
  $('results').hidden = false;
  stale.shown(yaml.value);
  status.textContent = `${results.length} replication(s) in ${seconds.toFixed(1)} s`;
  const congestion = resultCharts({ label: names.a, scenario, summary, results }, b && { label: b.label, shortLabel: names.b, scenario: b.scenario, summary: b.summary, results: b.results },
    (hours) => kpisOverDays.brushed(hours));
  kpisOverDays.show({
    a: { label: names.a, seasonStart: scenario.season.start, results },
    b: b && { label: names.b, seasonStart: b.scenario.season.start, results: b.results },
    baseline: baseline === 0 ? 'a' : 'b',
    ordersPerDay: summary.daily.ordersPlaced.mean,
  }, congestion);
  costTable($('costs'), [{ label: names.a, results }, ...(b ? [{ label: names.b, results: b.results }] : [])]);
  $('comparison').hidden = !b;
  if (b) {
    // Columns in the order chosen, the editor's first; each named with its selling mode where that differs.
    const named = (label: string, s: Scenario) => (modeName(s) !== modes.a && !label.startsWith(modeName(s)) ? `${label}, ${modeName(s)}` : label);
    showComparison([
      { label: `${select.value} in the editor, ${modes.a}`, results, summary },
      ...compared.map((c) => (c === other ? { label: b.label, results: c.results, summary: b.summary } : { label: named(c.label, c.scenario), results: c.results, summary: summarise(c.results) })),
    ], baseline, { seed: $<HTMLInputElement>('seed').value });
  }
  kpiTable($('kpis'), summary.kpis);
}

/** The scenario text, seed, replications and compare choice in the URL's hash, so a link reproduces the run; throws LinkTooLong past the cap. */
function shareLink(): string {
  const $value = (id: string) => $<HTMLInputElement>(id).value;
  return `${location.origin}${location.pathname}${shareHash({ file: select.value, yaml: yaml.value, seed: $value('seed'), reps: $value('reps'), compare: compareSelect.value, ...choice.state() })}`;
}

function restoreFromUrl(): void {
  try {
    const state = decodeState(location.hash);
    if (!state) return;
    if (state.file in shipped) select.value = state.file;
    // Links made before the compare choice was shared have none: compare with nothing. A choice
    // this page does not offer (a shipped scenario since removed) falls back to nothing too.
    const compare = state.compare ?? '';
    compareSelect.value = Array.from(compareSelect.options).some((o) => o.value === compare) ? compare : '';
    choice.restore(state);
    yaml.value = state.yaml;
    $<HTMLInputElement>('seed').value = state.seed;
    $<HTMLInputElement>('reps').value = state.reps;
    status.textContent = 'Scenario restored from the link.';
  } catch (err) {
    const note = err instanceof LinkTooLong ? longLink(err.message) : UNREADABLE_LINK;
    status.textContent = note;
    unreadableLink($('setup'), note);
  }
}

$<HTMLButtonElement>('share').addEventListener('click', () => {
  let link: string;
  try {
    link = shareLink();
  } catch (err) {
    if (!(err instanceof LinkTooLong)) throw err;
    status.textContent = `No link copied: ${err.message}. Send the scenario's YAML as a file instead.`;
    return;
  }
  history.replaceState(null, '', link);
  void navigator.clipboard?.writeText(link).catch(() => {});
  status.textContent = 'Link to this scenario copied (and in the address bar).';
});

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-download]')) {
  button.addEventListener('click', () => {
    if (!shown) return;
    // In compare mode the files are A's, as is the KPI table they sit above.
    const kind = button.dataset.download as ResultFile;
    downloadResults(kind, shown.summary, shown.scenario.season.start, { scenario: select.value, seed: shown.seed });
  });
}
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-chart]')) {
  button.addEventListener('click', () => {
    const chart = $(button.dataset.chart!);
    if (button.dataset.format === 'svg') downloadSvg(chart, button.dataset.chart!);
    else void downloadPng(chart, button.dataset.chart!);
  });
}

runButton.addEventListener('click', () => { void run(); });
cancelButton.addEventListener('click', cancel);

sellerView({ scenario: readScenario, seed: seedField.read });
planners({
  readScenario, lastGood: () => lastGood, seed: seedField.read,
  yaml, select, compareSelect, status, editedName,
});
