// The page's seller view: one seller of the edited scenario (a catalogue seller by its name, a
// platform seller as seller-N) watched hour by hour over replications on the page's workers — its
// units, deposit and fines, with the figures per replication — and, if asked, every order's and
// seller's story of the same run as the trace files the command writes.
import { seriesBands } from '../src/experiment/summary.ts';
import { sellerSlots } from '../src/scenario/seller-slots.ts';
import { horizonHours } from '../src/scenario/time.ts';
import { SIZE_CLASSES, type Scenario } from '../src/scenario/types.ts';
import { sellerMoneyChart } from './charts/seller-money.ts';
import { sellerUnitsChart } from './charts/seller-units.ts';
import { tableToggle } from './chart-frames.ts';
import { peakDays } from './peak-days.ts';
import { runJobs, workerCount, type JobResult, type Runs } from './plan-runs.ts';
import { sellerFigures, sellerFiguresTable } from './seller-figures.ts';
import { downloadTrace, traceRefusal, type TraceParts } from './trace-download.ts';
import { MAX_REPLICATIONS, wholeField } from './run-inputs.ts';

export interface SellerViewHooks {
  /** The edited scenario with its uploaded data, checked; undefined (its errors shown by the page) when it does not pass. */
  scenario: () => Scenario | undefined;
  /** The seed, checked (its message shown beside it), or undefined when it is wrong. */
  seed: () => number | undefined;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function sellerView(hooks: SellerViewHooks): void {
  const nameInput = $<HTMLInputElement>('seller-name'), names = $<HTMLDataListElement>('seller-names');
  const nameError = $('seller-name-error'), hint = $('seller-hint'), repsInput = $<HTMLInputElement>('seller-reps');
  const traceBox = $<HTMLInputElement>('seller-trace');
  const repsField = wholeField(repsInput, { label: 'Replications', min: 1, max: MAX_REPLICATIONS });
  const runButton = $<HTMLButtonElement>('seller-run'), cancelButton = $<HTMLButtonElement>('seller-cancel');
  const progress = $<HTMLProgressElement>('seller-progress'), status = $('seller-status');
  const results = $('seller-results');
  let runs: Runs | undefined;
  let trace: { scenario: Scenario; parts: TraceParts } | undefined;
  tableToggle($('seller-units'), 'Units: in stock, on order and backordered');
  tableToggle($('seller-money'), 'Deposit balance and fines paid so far');

  /** The catalogue's sellers to pick from, and who the platform's are. */
  function offerNames(scenario: Scenario | undefined): void {
    if (!scenario) return;
    const catalogue = scenario.tables?.catalogue?.sellers.map((s) => s.name) ?? [];
    names.replaceChildren(...[...catalogue, 'seller-1'].map((value) => Object.assign(document.createElement('option'), { value })));
    if (!nameInput.value) nameInput.value = catalogue[0] ?? '';
    // A catalogue of many sellers is named in part: the list under the input holds them all.
    const listed = catalogue.length > 5 ? `${catalogue.slice(0, 4).join(', ')}, … (${catalogue.length} in all)` : catalogue.join(', ');
    const own = catalogue.length > 0 ? `Sellers of ${scenario.sellers.catalogue}: ${listed}. ` : '';
    const count = scenario.sellers.count;
    hint.textContent = own + (count === 1 ? 'The platform’s one seller: seller-1.' : `Platform sellers: seller-1 (the largest) to seller-${count}, by rank, large first.`);
  }
  $('seller').addEventListener('toggle', () => offerNames(hooks.scenario()));
  nameInput.addEventListener('focus', () => offerNames(hooks.scenario()));
  nameInput.addEventListener('input', () => showNameError(''));

  function showNameError(message: string): void {
    nameError.textContent = message;
    nameInput.setAttribute('aria-invalid', String(message !== ''));
  }

  async function run(): Promise<void> {
    const scenario = hooks.scenario();
    offerNames(scenario);
    if (!scenario) { status.textContent = 'Fix the scenario first.'; return; }
    const slots = sellerSlots(scenario, scenario.tables?.catalogue);
    if (typeof slots === 'string') { status.textContent = slots; return; }
    const name = nameInput.value.trim(), seller = slots.sellerIndex(name);
    if (seller < 0) {
      showNameError(name ? `No seller “${name}” in this scenario. ${hint.textContent}` : `Name a seller. ${hint.textContent}`);
      status.textContent = '';
      return;
    }
    showNameError('');
    const reps = repsField.read(), seed = hooks.seed();
    if (reps === undefined || seed === undefined) { status.textContent = 'Nothing was run: see the message beside the field.'; return; }
    const traced = traceBox.checked;
    const refusal = traced ? traceRefusal(scenario, reps) : undefined;
    if (refusal) { status.textContent = refusal; return; }

    const days = Math.round(horizonHours(scenario.season) / 24);
    const jobs = Array.from({ length: reps }, (_, replication) => ({ scenario, seed, replication, extras: { watchSeller: seller }, trace: traced }));
    const done: JobResult[] = [], daysDone = jobs.map(() => 0);
    const update = () => {
      progress.value = daysDone.reduce((a, b) => a + b, 0);
      status.textContent = `${done.filter(Boolean).length} of ${reps} replications done`;
    };
    runButton.disabled = true;
    cancelButton.disabled = false;
    Object.assign(progress, { hidden: false, max: reps * days, value: 0 });
    update();
    const started = performance.now();
    runs = runJobs(jobs, (i, result) => { done[i] = result; daysDone[i] = days; update(); }, workerCount(), (i, d) => { daysDone[i] = d; update(); });
    try {
      const { cancelled } = await runs.done;
      // What finished, in replication order up to the first missing one: the trace's files and the
      // figures then number their replications as the command would.
      let n = 0;
      while (n < reps && done[n]) n++;
      const finished = done.slice(0, n);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      status.textContent = cancelled
        ? `Cancelled: ${finished.length === 0 ? 'no replication finished' : `the first ${finished.length} of ${reps} replications below`}.`
        : `${reps} replication${reps === 1 ? '' : 's'} in ${seconds} s.`;
      if (finished.length > 0) show(scenario, name, SIZE_CLASSES[slots.sellerClass[seller]], seed, finished);
    } catch (err) {
      status.textContent = `Run failed: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      runs = undefined;
      runButton.disabled = false;
      cancelButton.disabled = true;
      progress.hidden = true;
    }
  }

  function show(scenario: Scenario, name: string, sellerClass: string, seed: number, done: JobResult[]): void {
    results.hidden = false;
    const series = done.map((r) => r.seller!);
    const bands = seriesBands(series.map((s) => ({ stockOnHand: s.stockOnHand, onOrder: s.onOrder, backordered: s.backordered, depositCny: s.depositCny, finesCny: s.finesCny })));
    const about = { seller: name, seasonStart: scenario.season.start, marks: peakDays(scenario.season), replications: done.length };
    $('seller-about').textContent = `${name}, a ${sellerClass} seller: ${done.length} replication${done.length === 1 ? '' : 's'} of the scenario above, seed ${seed}.`;
    sellerUnitsChart($('seller-units'), { ...about, stockOnHand: bands.stockOnHand, onOrder: bands.onOrder, backordered: bands.backordered });
    sellerMoneyChart($('seller-money'), { ...about, depositCny: bands.depositCny, finesCny: bands.finesCny, fullDepositCny: scenario.rules.depositCny });
    sellerFiguresTable($<HTMLTableElement>('seller-figures'), series.map(sellerFigures));
    const traced = done.every((r) => r.trace);
    trace = traced ? { scenario, parts: { orders: done.map((r) => r.trace!.orders), sellers: done.map((r) => r.trace!.sellers) } } : undefined;
    $('seller-trace-files').hidden = !traced;
  }

  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-trace]')) {
    button.addEventListener('click', () => {
      if (trace) void downloadTrace(button.dataset.trace as 'orders.csv.gz' | 'sellers.csv', trace.scenario, trace.parts);
    });
  }
  runButton.addEventListener('click', () => { void run(); });
  cancelButton.addEventListener('click', () => { runs?.cancel(); });
}
