// The form of the parameters planners touch most. Each field edits its path in the scenario's
// YAML text (keeping the file's comments), and is checked by the same zod schema as the file:
// an error shows next to the field it concerns.
import YAML from 'yaml';
import type { ScenarioIssue } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/types.ts';

/** Field label and its path in the scenario (dots, [i] for list items); dates are text. */
export const FIELDS: [string, string][] = [
  ['Orders per day (October)', 'demand.ordersPerDay'],
  ['Black Friday multiplier (point 5)', 'demand.dayMultiplier[4].value'],
  ['Cyber Monday multiplier (point 8)', 'demand.dayMultiplier[7].value'],
  ['Share of large sellers', 'sellers.classes.large.share'],
  ['Share of medium sellers', 'sellers.classes.medium.share'],
  ['Share of small sellers', 'sellers.classes.small.share'],
  ['Sellers', 'sellers.count'],
  ['Small sellers: reorder at (days)', 'sellers.classes.small.stocking.reorderDays'],
  ['Small sellers: order up to (days)', 'sellers.classes.small.stocking.orderUpToDays'],
  ['Receiving staff 12:00 (default day)', 'warehouse.receiving.staff.byHour[12]'],
  ['QC staff 12:00 (default day)', 'warehouse.qc.staff.byHour[12]'],
  ['Receiving surge from (date)', 'warehouse.receiving.staff.overrides[0].from'],
  ['Receiving surge to (date)', 'warehouse.receiving.staff.overrides[0].to'],
  ['QC surge from (date)', 'warehouse.qc.staff.overrides[0].from'],
  ['QC surge to (date)', 'warehouse.qc.staff.overrides[0].to'],
  ['First lockdown: share of factories', 'factories.disruptions[0].affectedShare'],
  ['First lockdown from (date)', 'factories.disruptions[0].from'],
  ['First lockdown to (date)', 'factories.disruptions[0].to'],
  ['Late over 24 h: multiple', 'rules.lateness[0].multiple'],
  ['Late over 48 h: multiple', 'rules.lateness[1].multiple'],
  ['Stockout cancel after (h)', 'rules.failAfterHours'],
  ['Deposit (CNY)', 'rules.depositCny'],
];

const segments = (path: string) => path.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== '').map((s) => (/^\d+$/.test(s) ? Number(s) : s));

function valueAt(scenario: Scenario, path: string): unknown {
  return segments(path).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)?.[k], scenario);
}

/**
 * Builds the inputs into `container`; `onEdit` gets the new YAML text after each change.
 * `resolved` gives the current scenario with defaults, to write a whole list (staff by hour,
 * lateness tiers) into a file that does not state it yet.
 */
export function buildForm(container: HTMLElement, getText: () => string, resolved: () => Scenario | undefined, onEdit: (text: string) => void): void {
  container.replaceChildren();
  for (const [label, path] of FIELDS) {
    const isDate = path.endsWith('.from') || path.endsWith('.to');
    const input = document.createElement('input');
    if (isDate) { input.type = 'text'; input.placeholder = 'YYYY-MM-DD'; } else { input.type = 'number'; input.step = 'any'; }
    input.dataset.path = path;
    const error = Object.assign(document.createElement('span'), { className: 'field-error' });
    error.dataset.errorFor = path;
    const wrap = document.createElement('label');
    wrap.append(`${label} `, input, error);
    container.append(wrap);
    input.addEventListener('change', () => {
      const doc = YAML.parseDocument(getText());
      const raw = input.value.trim();
      const value = raw === '' ? null : isDate ? raw : Number(raw);
      const keys = segments(path);
      const listAt = keys.findIndex((k) => typeof k === 'number');
      const scenario = resolved();
      if (listAt > 0 && !doc.hasIn(keys.slice(0, listAt)) && scenario) {
        // Lists replace rather than merge: write the whole resolved list with this one change.
        const list = structuredClone(valueAt(scenario, keys.slice(0, listAt).join('.'))) as unknown[];
        let target: unknown = list;
        const rest = keys.slice(listAt);
        for (const k of rest.slice(0, -1)) target = (target as Record<string | number, unknown>)[k];
        (target as Record<string | number, unknown>)[rest[rest.length - 1]] = value;
        doc.setIn(keys.slice(0, listAt), doc.createNode(list, { flow: true }));
      } else {
        doc.setIn(keys, value);
      }
      onEdit(doc.toString({ lineWidth: 0 }));
    });
  }
}

/** Shows the resolved values in the inputs (a field the file leaves out shows its default). */
export function fillForm(container: HTMLElement, scenario: Scenario): void {
  for (const input of container.querySelectorAll<HTMLInputElement>('input[data-path]')) {
    const v = valueAt(scenario, input.dataset.path!);
    input.value = typeof v === 'number' || typeof v === 'string' ? String(v) : '';
  }
}

/** Puts each issue next to its field; returns the issues no field shows. */
export function showFieldErrors(container: HTMLElement, issues: ScenarioIssue[]): ScenarioIssue[] {
  for (const span of container.querySelectorAll<HTMLElement>('[data-error-for]')) span.textContent = '';
  const rest: ScenarioIssue[] = [];
  for (const issue of issues) {
    const span = container.querySelector<HTMLElement>(`[data-error-for="${issue.path}"]`);
    if (span) span.textContent = issue.message;
    else rest.push(issue);
  }
  return rest;
}
