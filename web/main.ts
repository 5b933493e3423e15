// The planner's page: pick or edit a scenario (and upload a seller's data files), run replications
// in a Web Worker (comlink, the same API as the Node pool), watch progress, cancel, and read the
// congestion chart and KPIs.
import { proxy, wrap, type Remote } from 'comlink';
import type { SimulatorApi } from '../src/worker/api.ts';
import type { RunResult } from '../src/model/result.ts';
import { fineCauseLabel, finesPerSellerKey, type FineCause } from '../src/model/fine-causes.ts';
import { compareByClass, compareKpis, summarise, type Summary } from '../src/experiment/summary.ts';
import { ScenarioError } from '../src/scenario/load.ts';
import { horizonHours } from '../src/scenario/time.ts';
import { lognormalFromMedianP90, lognormalMean } from '../src/engine/index.ts';
import type { Mode, Scenario } from '../src/scenario/types.ts';
import { parse, question, shipped } from './scenarios.ts';
import { peakDays } from './peak-days.ts';
import { parameterForm } from './form.ts';
import { congestionChart } from './charts/congestion.ts';
import { occupancyChart, type OccupancyRun } from './charts/occupancy.ts';
import { finesChart } from './charts/fines.ts';
import { arrivalsChart } from './charts/arrivals.ts';
import { leadTimesChart, type LeadTimeSeries } from './charts/lead-times.ts';
import { profitChart } from './charts/profit.ts';
import { burdenChart } from './charts/burden.ts';
import { downloadPng, downloadResults, downloadSvg, type ResultFile } from './export.ts';
import { decodeState, encodeState } from './share.ts';
import { classDifferenceTable, differenceTable, kpiTable } from './kpi-tables.ts';
import { costTable } from './cost-table.ts';
import { verdictBox } from './verdict-box.ts';
import { kpiWindow } from './kpi-window.ts';
import { MODE_NAMES, modeName, sellingModes, twin } from './twin.ts';
import { planners } from './planners.ts';
import { ownDataFiles } from './own-data.ts';
import { sellerView } from './seller-view.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The charts, in page order: a heading, a container and its SVG/PNG download buttons each. */
const CHARTS = [
  ['congestion', 'Warehouse congestion'],
  ['occupancy', 'Warehouse shelf occupancy (pre-stock sellers’ units waiting to sell)'],
  ['arrivals', 'Parcels arriving against receiving capacity'],
  ['lead-times', 'Lead times'],
  ['fines', 'Fines per seller over the season'],
  ['profit', 'Seller profit over the season'],
  ['burden', 'Who bears the burden? By seller class'],
] as const;
for (const [id, title] of CHARTS) {
  const buttons = (['svg', 'png'] as const).map((format) =>
    Object.assign(document.createElement('button'), { type: 'button', textContent: format.toUpperCase() }));
  buttons.forEach((b, k) => Object.assign(b.dataset, { chart: id, format: k === 0 ? 'svg' : 'png' }));
  const downloads = Object.assign(document.createElement('p'), { className: 'downloads' });
  downloads.append(...buttons);
  $('charts').append(
    Object.assign(document.createElement('h2'), { textContent: title }),
    Object.assign(document.createElement('div'), { id, className: 'chart' }),
    downloads,
  );
}
// The KPIs over the days brushed on the congestion chart sit just below it.
const windowBox = Object.assign(document.createElement('section'), { id: 'window', className: 'kpi-window' });
$('congestion').nextElementSibling!.after(windowBox);
const kpisOverDays = kpiWindow(windowBox);
const select = $<HTMLSelectElement>('scenario'), yaml = $<HTMLTextAreaElement>('yaml');
const runButton = $<HTMLButtonElement>('run'), cancelButton = $<HTMLButtonElement>('cancel');
const progress = $<HTMLProgressElement>('progress'), status = $<HTMLSpanElement>('status');
const errors = $<HTMLUListElement>('errors');

const compareSelect = $<HTMLSelectElement>('compare');
for (const [name, text] of Object.entries(shipped)) {
  select.add(new Option(`${name} — ${question(text)}`, name));
  compareSelect.add(new Option(name, name));
}
select.value = 'black-friday-2022.yaml';
yaml.value = shipped[select.value];
restoreFromUrl();
select.addEventListener('change', () => { yaml.value = shipped[select.value]; readScenario(); });

let worker: Worker | undefined;
let api: Remote<SimulatorApi> | undefined;
function startWorker(): Remote<SimulatorApi> {
  worker = new Worker(new URL('./sim-worker.ts', import.meta.url), { type: 'module' });
  return (api = wrap<SimulatorApi>(worker));
}
let cancelled = false;
/** Rejects the replication in flight when the user cancels (its worker is gone and will never answer). */
let abortRun: ((reason: Error) => void) | undefined;

let lastGood: Scenario | undefined;
const ownData = ownDataFiles($<HTMLInputElement>('own-data'), $('own-data-note'), () => { readScenario(); });
const form = parameterForm($<HTMLFieldSetElement>('form'), {
  text: () => yaml.value,
  resolved: () => lastGood,
  edited: (text) => { yaml.value = text; readScenario(); },
});

/**
 * Checks the scenario text: fills the form from it, or shows each error next to its field
 * (others beside the editor, one per line). Returns the scenario or undefined.
 */
function readScenario(): Scenario | undefined {
  errors.replaceChildren();
  try {
    const scenario = parse(yaml.value, editedName());
    form.showErrors([]);
    form.show(scenario);
    offerTwins(scenario);
    lastGood = scenario;
    // The data files it names come from the uploads; their problems are listed as the scenario's are.
    return ownData.attach(scenario, editedName());
  } catch (err) {
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
  const modes = sellingModes(scenario);
  for (const option of Array.from(compareSelect.options).filter((o) => o.value.startsWith('twin:'))) {
    option.disabled = option.hidden = modes.size === 1 && modes.has(option.value.slice('twin:'.length) as Mode);
  }
  if (compareSelect.selectedOptions[0]?.disabled) compareSelect.value = compareSelect.value === 'twin:jit' ? 'twin:prestock' : 'twin:jit';
}

/** The scenario B to compare against, or undefined: a shipped one, the unedited file, or the editor's text in the other mode. */
function comparison(): { label: string; scenario: Scenario } | undefined {
  const choice = compareSelect.value;
  if (!choice) return undefined;
  if (choice.startsWith('twin:')) {
    const mode = choice.slice('twin:'.length) as Mode;
    return { label: `${MODE_NAMES[mode]} twin`, scenario: ownData.attach(twin(yaml.value, editedName(), mode).scenario, editedName()) };
  }
  const name = choice === 'original' ? select.value : choice;
  return { label: choice === 'original' ? `${name} as shipped` : name, scenario: parse(shipped[name], name) };
}

async function run(): Promise<void> {
  const scenario = readScenario();
  if (!scenario) { status.textContent = 'Fix the scenario first.'; return; }
  let other: ReturnType<typeof comparison>;
  try {
    other = comparison();
  } catch (err) {
    const issues = err instanceof ScenarioError ? err.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : String(err);
    status.textContent = `Cannot compare with ${compareSelect.selectedOptions[0].text}: ${issues}`;
    return;
  }
  const seed = Number($<HTMLInputElement>('seed').value), reps = Number($<HTMLInputElement>('reps').value);
  const days = horizonHours(scenario.season) / 24;
  const simulator = api ?? startWorker();
  cancelled = false;
  runButton.disabled = true;
  cancelButton.disabled = false;
  progress.hidden = false;
  const runs = other ? [scenario, other.scenario] : [scenario];
  const otherDays = other ? horizonHours(other.scenario.season) / 24 : 0;
  progress.max = reps * (days + otherDays);
  progress.value = 0;
  const results: RunResult[][] = runs.map(() => []);
  const started = performance.now();
  // Progress messages are posted by the worker and may land after the last result: ignore those.
  let running = true;
  try {
    for (let k = 0; k < runs.length; k++) {
      const offset = k * reps * days, length = k === 0 ? days : otherDays;
      for (let r = 0; r < reps && !cancelled; r++) {
        const onDay = proxy((rep: number, d: number) => {
          if (!running || cancelled) return;
          progress.value = offset + rep * length + d;
          status.textContent = `${other ? (k === 0 ? 'A: ' : 'B: ') : ''}replication ${rep + 1} of ${reps}, day ${d} of ${length}`;
        });
        const aborted = new Promise<never>((_, reject) => { abortRun = reject; });
        results[k].push(await Promise.race([simulator.runReplication(runs[k], seed, r, onDay), aborted]));
      }
    }
    running = false;
    if (!cancelled) show(scenario, results[0], (performance.now() - started) / 1000, other && { ...other, results: results[1] });
  } catch (err) {
    if (!cancelled) status.textContent = `Run failed: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    running = false;
    abortRun = undefined;
    runButton.disabled = false;
    cancelButton.disabled = true;
    progress.hidden = true;
  }
}

/** Cancel stops at once: the worker is terminated and a fresh one is made for the next run. */
function cancel(): void {
  cancelled = true;
  abortRun?.(new Error('cancelled'));
  worker?.terminate();
  worker = undefined;
  api = undefined;
  status.textContent = 'Cancelled.';
}

let shown: { summary: ReturnType<typeof summarise>; scenario: Scenario; seed: string } | undefined;

function show(scenario: Scenario, results: RunResult[], seconds: number, other?: { label: string; scenario: Scenario; results: RunResult[] }): void {
  const summary = summarise(results);
  // B on every chart; each chart leaves out what cannot be laid over A (hours outside A's season, other bins).
  const b = other && { ...other, summary: summarise(other.results) };
  // Each run named by how its sellers sell; B's long label says so too when the modes differ.
  const modes = { a: modeName(scenario), b: b && modeName(b.scenario) };
  const names = { a: `${modes.a} (A)`, b: `${modes.b} (B)` };
  if (b && modes.b !== modes.a && !b.label.startsWith(modes.b!)) b.label = `${b.label}, ${modes.b}`;
  $('run-key').hidden = !b;
  if (b) $('run-key').textContent = `Solid lines and filled bars: A, ${modes.a} — the scenario in the editor (${select.value}). Dashed lines and outlines: B, ${b.label}.`;
  shown = { summary, scenario, seed: $<HTMLInputElement>('seed').value };
  $('results').hidden = false;
  status.textContent = `${results.length} replication(s) in ${seconds.toFixed(1)} s`;
  const congestion = congestionChart($('congestion'), {
    seasonStart: scenario.season.start,
    receivingQueue: summary.hourly.receivingQueueEnd,
    qcQueue: summary.hourly.qcQueueEnd,
    receivingStaff: summary.hourly.receivingStaff.mean,
    qcStaff: summary.hourly.qcStaff.mean,
    marks: peakDays(scenario.season),
    compare: b && { label: b.label, seasonStart: b.scenario.season.start, receivingQueue: b.summary.hourly.receivingQueueEnd.mean, qcQueue: b.summary.hourly.qcQueueEnd.mean },
    onZoom: (hours) => kpisOverDays.brushed(hours),
  });
  kpisOverDays.show({
    a: { label: names.a, seasonStart: scenario.season.start, results },
    b: b && { label: names.b, seasonStart: b.scenario.season.start, results: b.results },
    ordersPerDay: summary.daily.ordersPlaced.mean,
  }, congestion);
  occupancyChart($('occupancy'), { runs: [shelf(names.a, scenario, summary), ...(b ? [shelf(names.b, b.scenario, b.summary)] : [])] });
  costTable($('costs'), [{ label: names.a, results }, ...(b ? [{ label: names.b, results: b.results }] : [])]);
  $('comparison').hidden = !b;
  if (b) {
    $('comparison-label').textContent = `A = the scenario in the editor (${select.value}), ${modes.a}; B = ${b.label}; ${results.length} paired replications, seed ${$<HTMLInputElement>('seed').value}. * marks a difference whose 95% interval excludes 0.`;
    verdictBox($('verdict'), results, b.results, names);
    differenceTable($('differences'), compareKpis(results, b.results), summary.kpis, b.summary.kpis, names);
    classDifferenceTable($('class-differences'), compareByClass(results, b.results));
  }
  arrivalsChart($('arrivals'), {
    seasonStart: scenario.season.start,
    parcelsArriving: summary.hourly.parcelsArriving.mean,
    capacity: receivingCapacity(scenario, summary),
    compare: b && { label: b.label, seasonStart: b.scenario.season.start, parcelsArriving: b.summary.hourly.parcelsArriving.mean, capacity: receivingCapacity(b.scenario, b.summary) },
  });
  leadTimesChart($('lead-times'), {
    series: leadTimes(summary),
    fineLines: results[0].fineCauses.filter((c) => c.cause === 'late').map((c) => c.afterHours!),
    compare: b && { label: b.label, series: leadTimes(b.summary) },
  });
  finesChart($('fines'), {
    ...sellerFines(summary, results[0].fineCauses),
    depositCny: scenario.rules.depositCny,
    compare: b && { label: b.label, ...sellerFines(b.summary, b.results[0].fineCauses) },
  });
  profitChart($('profit'), {
    ...sellerProfit(summary),
    compare: b && { label: b.label, ...sellerProfit(b.summary) },
  });
  burdenChart($('burden'), { byClass: summary.byClass, compare: b && { label: b.label, byClass: b.summary.byClass } });
  kpiTable($('kpis'), summary.kpis);
}

/**
 * Parcels an hour the receiving staff on duty can handle: one clerk handles 60 / (mean service
 * minutes), the mean of the log-normal given by the service time's median and 90th percentile.
 */
function receivingCapacity(scenario: Scenario, summary: Summary): Float64Array {
  const service = scenario.warehouse.receiving.service;
  const { mu, sigma } = lognormalFromMedianP90(service.medianMinutes, service.p90Minutes);
  const perClerkHour = 60 / lognormalMean(mu, sigma);
  return summary.hourly.receivingStaff.mean.map((n) => n * perClerkHour);
}

/** What the occupancy chart reads of one run. */
function shelf(label: string, scenario: Scenario, summary: Summary): OccupancyRun {
  return {
    label, seasonStart: scenario.season.start, shelf: summary.hourly.shelfUnits,
    peak: summary.kpis.shelfOccupancyPeakUnits, average: summary.kpis.shelfOccupancyMeanUnits,
    prestock: sellingModes(scenario).has('prestock'),
  };
}

// What the lead-time, fines and profit charts read from a summary, the same for A and B.
function leadTimes(summary: Summary): LeadTimeSeries[] {
  return [
    { label: 'ship delay', hist: summary.histograms.shipDelayHours },
    { label: 'transit', hist: summary.histograms.transitHours },
    { label: 'dock-to-stock', hist: summary.histograms.dockToStockHours },
    { label: 'order-to-stock', hist: summary.histograms.orderToStockHours },
  ];
}

function sellerFines(summary: Summary, causes: FineCause[]) {
  return {
    perSeller: summary.histograms.finesPerSellerCny,
    byCause: causes.map((c) => ({ cause: fineCauseLabel(c), hist: summary.histograms[finesPerSellerKey(c)] })),
    replications: summary.replications,
  };
}

function sellerProfit(summary: Summary) {
  return { gains: summary.histograms.sellerProfitCny, losses: summary.histograms.sellerLossCny, replications: summary.replications };
}

/** The scenario text, seed, replications and compare choice in the URL's hash, so a link reproduces the run. */
function shareLink(): string {
  const $value = (id: string) => $<HTMLInputElement>(id).value;
  return `${location.origin}${location.pathname}${encodeState({ file: select.value, yaml: yaml.value, seed: $value('seed'), reps: $value('reps'), compare: compareSelect.value })}`;
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
    yaml.value = state.yaml;
    $<HTMLInputElement>('seed').value = state.seed;
    $<HTMLInputElement>('reps').value = state.reps;
    status.textContent = 'Scenario restored from the link.';
  } catch {
    status.textContent = 'This link does not hold a readable scenario.';
  }
}

$<HTMLButtonElement>('share').addEventListener('click', () => {
  const link = shareLink();
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

sellerView({ scenario: readScenario, seed: () => Number($<HTMLInputElement>('seed').value) });
planners({
  readScenario, lastGood: () => lastGood, seed: () => Number($<HTMLInputElement>('seed').value),
  yaml, select, compareSelect, status, editedName,
});
