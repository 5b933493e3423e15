// The page's sweep viewer: a sweep.json (`jitsim sweep SWEEP.yaml`) opened from a file, said in a
// sentence, a KPI chosen and charted against a grid parameter (a line per combination of the other
// parameters), and its points tabulated. A file that is not one gets a line saying why.
import { sweepChart } from './charts/sweep.ts';
import { tableToggle } from './chart-frames.ts';
import { clearTable } from './charts/chart-table.ts';
import { describeSweep, firstVaryingKpi, kpiLabel, kpiNames, parameters, readSweepResult, shortNames, sweepLines, type SweepResult } from './sweep-result.ts';
import { sweepTable } from './sweep-table.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function sweepViewer(): void {
  const file = $<HTMLInputElement>('sweep-file'), status = $<HTMLSpanElement>('sweep-status');
  const results = $('sweep-results'), about = $('sweep-about'), key = $('sweep-key');
  const kpiSelect = $<HTMLSelectElement>('sweep-kpi'), xSelect = $<HTMLSelectElement>('sweep-x');
  let shown: SweepResult | undefined;
  tableToggle($('sweep-chart'), 'Sweep chart');

  function draw(): void {
    if (!shown) return;
    const kpi = kpiSelect.value, x = xSelect.value, label = kpiLabel(kpi);
    sweepTable($<HTMLTableElement>('sweep-table'), shown, kpi, label);
    const chart = $('sweep-chart');
    if (!x) {
      chart.replaceChildren(Object.assign(document.createElement('p'), { className: 'note', textContent: 'The sweep has no grid: one point, nothing to chart it against.' }));
      clearTable(chart);
      key.textContent = '';
      return;
    }
    const lines = sweepLines(shown, x, kpi), names = shortNames(parameters(shown));
    const free = lines.lines[0]?.others.map(([p]) => names[p]) ?? [];
    key.textContent = [
      free.length > 0 ? `A line for each value of ${free.join(' and ')}.` : '',
      lines.alongside.length > 0 ? `${lines.alongside.map((p) => names[p]).join(' and ')} ${lines.alongside.length === 1 ? 'changes' : 'change'} with ${names[x]} (listed together in the sweep’s zip).` : '',
    ].filter(Boolean).join(' ');
    sweepChart(chart, { lines, xLabel: names[x], yLabel: label });
  }

  function open(result: SweepResult): void {
    shown = result;
    about.textContent = describeSweep(result);
    about.dataset.points = String(result.points);
    kpiSelect.replaceChildren(...kpiNames(result).map((k) => new Option(kpiLabel(k), k)));
    kpiSelect.value = firstVaryingKpi(result) ?? '';
    xSelect.replaceChildren(...parameters(result).map((p) => new Option(p, p)));
    xSelect.disabled = xSelect.options.length === 0;
    results.hidden = false;
    draw();
  }

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    let read: SweepResult | string;
    try {
      read = readSweepResult(await chosen.text(), chosen.name);
    } catch (err) {
      read = `${chosen.name}: cannot read (${err instanceof Error ? err.message : String(err)}).`;
    }
    status.classList.toggle('bad', typeof read === 'string');
    if (typeof read === 'string') {
      shown = undefined;
      results.hidden = true;
      status.textContent = read;
      return;
    }
    status.textContent = `Opened ${chosen.name}.`;
    open(read);
  });
  kpiSelect.addEventListener('change', draw);
  xSelect.addEventListener('change', draw);
}
