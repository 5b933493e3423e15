// The parameter form: the controls `formSections` lists, each editing its path in the scenario's
// YAML text (comments kept), checked by the same zod schema as the file, with each error shown
// next to its field (or the list, row or group it concerns).
import YAML from 'yaml';
import type { ScenarioIssue } from '../src/scenario/load.ts';
import { REGIONS, type Scenario } from '../src/scenario/types.ts';
import { formSections, type Control } from './form-fields.ts';
import { addItem, removeItem, setPath, valueAt, yamlText } from './yaml-edit.ts';
import { staffGrid } from './staff-grid.ts';
import { tieError, untieErrors } from './field-errors.ts';

export interface FormHooks {
  /** The scenario text now. */
  text: () => string;
  /** The last scenario that passed the schema, with defaults (to write lists the file lacks). */
  resolved: () => Scenario | undefined;
  /** Called with the new text after each edit. */
  edited: (text: string) => void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

function errorSpan(path: string, scope: boolean): HTMLSpanElement {
  const span = el('span', { className: 'field-error' });
  span.dataset.errorFor = path;
  if (scope) span.dataset.errorScope = '';
  return span;
}

export interface ParameterForm {
  /** Shows `scenario` (defaults included) in the controls, rebuilding rows if lists changed. */
  show(scenario: Scenario): void;
  /** Puts each issue by its field, or else by the nearest list, row or group; returns the rest. */
  showErrors(issues: ScenarioIssue[]): ScenarioIssue[];
}

/** The form in `container`; its controls are rebuilt only when its shape (rows of lists) changes. */
export function parameterForm(container: HTMLElement, hooks: FormHooks): ParameterForm {
  let shape = '';
  let fills: ((s: Scenario) => void)[] = [];
  /** Sections the user has unfolded, kept open across rebuilds; the first starts open. */
  const opened = new Set<string>(['Season and demand']);

  function show(scenario: Scenario): void {
    const sections = formSections(scenario);
    const now = JSON.stringify(sections, (_, v: unknown) => (typeof v === 'function' ? undefined : v))
      + JSON.stringify(sections.flatMap((s) => s.controls).map((c) => rowCount(c, scenario)));
    if (now !== shape) rebuild(sections, scenario, now);
    for (const fill of fills) fill(scenario);
  }

  function showErrors(issues: ScenarioIssue[]): ScenarioIssue[] {
    for (const span of container.querySelectorAll<HTMLElement>('[data-error-for]')) span.textContent = '';
    untieErrors(container);
    const rest: ScenarioIssue[] = [];
    for (const issue of issues) {
      const exact = spanFor(issue.path);
      if (exact) { append(exact, issue.message); tieError(container, issue.path, exact); continue; }
      const scope = ancestors(issue.path).map((p) => spanFor(p, true)).find(Boolean);
      if (!scope) { rest.push(issue); continue; }
      const place = issue.path.slice(scope.dataset.errorFor!.length).replace(/^\./, '');
      const hour = 'hours' in scope.dataset ? /^\[(\d+)\]$/.exec(place) : null;
      append(scope, `${hour ? `${hour[1]}:00` : place}: ${issue.message}`);
      tieError(container, issue.path, scope);
    }
    return rest;
  }

  function spanFor(path: string, scoped = false): HTMLElement | undefined {
    if (!path) return undefined;
    return container.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(path)}"]${scoped ? '[data-error-scope]' : ''}`) ?? undefined;
  }

  /** Every list's length, nested ones included: the rows the form must have. */
  function rowCount(c: Control, s: Scenario): unknown {
    if (c.kind === 'group') return c.controls.map((k) => rowCount(k, s));
    if (c.kind !== 'list') return 0;
    const items = (valueAt(s, c.path) as unknown[] | undefined) ?? [];
    return items.map((_, i) => c.item(`${c.path}[${i}]`).map((k) => rowCount(k, s)));
  }

  function rebuild(sections: ReturnType<typeof formSections>, scenario: Scenario, newShape: string): void {
    // Keep the place of a user tabbing through the form across the rebuild.
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.path;
    shape = newShape;
    fills = [];
    container.replaceChildren(el('legend', { textContent: 'Parameters (written into the scenario file below)' }));
    for (const section of sections) {
      const fold = el('details', { className: 'form-section', open: opened.has(section.title) });
      fold.append(el('summary', { textContent: section.title }));
      fold.addEventListener('toggle', () => { if (fold.open) opened.add(section.title); else opened.delete(section.title); });
      const body = el('div', { className: 'section-body' });
      for (const c of section.controls) body.append(control(c, scenario));
      fold.append(body);
      container.append(fold);
    }
    if (focused) container.querySelector<HTMLElement>(`[data-path="${CSS.escape(focused)}"]`)?.focus();
  }

  /** Writes `value` at `path` into the text and hands the new text on. */
  function write(edit: (doc: YAML.Document, resolved: Scenario | undefined) => void): void {
    const doc = YAML.parseDocument(hooks.text());
    // Text with a syntax error cannot be written back: hand it on unchanged, so that the page says so.
    if (doc.errors.length > 0) { hooks.edited(hooks.text()); return; }
    edit(doc, hooks.resolved());
    hooks.edited(yamlText(doc));
  }

  function control(c: Control, scenario: Scenario): HTMLElement {
    switch (c.kind) {
      case 'group': {
        const box = el('div', { className: 'form-group' });
        box.append(el('h3', { textContent: c.label }), errorSpan(c.path, true));
        for (const k of c.controls) box.append(control(k, scenario));
        return box;
      }
      case 'list': return list(c, scenario);
      case 'hours': return hours(c.label, c.path);
      case 'regions': return regions(c.label, c.path);
      case 'choice': return field(c);
      default: return field(c);
    }
  }

  function field(c: Extract<Control, { kind: 'number' | 'date' | 'yesNo' | 'choice' }>): HTMLElement {
    let input: HTMLInputElement | HTMLSelectElement;
    if (c.kind === 'choice') {
      const select = document.createElement('select');
      for (const option of c.options) select.add(new Option(option, option));
      input = select;
    } else {
      const box = document.createElement('input');
      if (c.kind === 'yesNo') box.type = 'checkbox';
      else if (c.kind === 'date') Object.assign(box, { type: 'text', placeholder: 'YYYY-MM-DD' });
      else Object.assign(box, { type: 'number', step: 'any' });
      input = box;
    }
    input.dataset.path = c.path;
    const box = el('label', { className: `field field-${c.kind}` });
    box.append(`${c.label} `, input, errorSpan(c.path, false));
    const target = input;
    fills.push((s) => {
      const v = valueAt(s, c.path);
      if (target instanceof HTMLInputElement && target.type === 'checkbox') target.checked = v === true;
      else target.value = typeof v === 'number' || typeof v === 'string' ? String(v) : '';
    });
    input.addEventListener('change', () => {
      write((doc, resolved) => {
        if (c.kind === 'choice') return setPath(doc, c.writes, c.write(target.value), resolved);
        const raw = target.value.trim();
        // An empty number field writes null, which the schema reports (it never means zero).
        const value = c.kind === 'yesNo' ? (target as HTMLInputElement).checked : raw === '' ? null : c.kind === 'date' ? raw : Number(raw);
        setPath(doc, c.path, value, resolved);
      });
    });
    return box;
  }

  /** 24 whole numbers, one an hour of the China day, with the staff tools (staff-grid.ts). */
  function hours(label: string, path: string): HTMLElement {
    return staffGrid(label, path, { write, resolved: hooks.resolved, fill: (f) => fills.push(f), errors: errorSpan(path, true) });
  }

  /** Regions as tick boxes; the ticked ones are written as the list, in the schema's order. */
  function regions(label: string, path: string): HTMLElement {
    const box = el('div', { className: 'regions' });
    box.append(`${label}: `);
    const boxes = REGIONS.map((region) => {
      const input = el('input', { type: 'checkbox', value: region });
      input.dataset.path = path;
      const item = el('label');
      item.append(input, ` ${region}`);
      box.append(item);
      return input;
    });
    box.append(errorSpan(path, true));
    fills.push((s) => {
      const chosen = (valueAt(s, path) as string[] | undefined) ?? [];
      for (const b of boxes) b.checked = chosen.includes(b.value);
    });
    for (const b of boxes) {
      b.addEventListener('change', () => {
        write((doc, resolved) => setPath(doc, path, boxes.filter((x) => x.checked).map((x) => x.value), resolved));
      });
    }
    return box;
  }

  function list(c: Extract<Control, { kind: 'list' }>, scenario: Scenario): HTMLElement {
    const box = el('div', { className: 'form-list' });
    box.append(el('h3', { textContent: c.label }), errorSpan(c.path, true));
    const items = (valueAt(scenario, c.path) as unknown[] | undefined) ?? [];
    items.forEach((_, i) => {
      const at = `${c.path}[${i}]`;
      const row = el('div', { className: c.compact ? 'form-row compact' : 'form-row' });
      const name = `${c.noun} ${i + 1}`;
      const remove = el('button', { type: 'button', textContent: c.compact ? '×' : `Remove ${name}`, title: `Remove ${name}`, disabled: items.length <= c.minItems });
      remove.setAttribute('aria-label', `Remove ${name}`);
      remove.dataset.remove = at;
      remove.addEventListener('click', () => write((doc, resolved) => removeItem(doc, c.path, i, resolved)));
      row.append(el('strong', { textContent: `${c.noun[0].toUpperCase()}${c.noun.slice(1)} ${i + 1}` }));
      if (!c.compact) row.append(remove);
      for (const k of c.item(at)) row.append(control(k, scenario));
      if (c.compact) row.append(remove);
      row.append(errorSpan(at, true));
      box.append(row);
    });
    const add = el('button', { type: 'button', textContent: `Add ${c.noun}` });
    add.dataset.add = c.path;
    add.addEventListener('click', () => write((doc, resolved) => addItem(doc, c.path, c.fresh(resolved ?? scenario), resolved)));
    box.append(add);
    return box;
  }

  return { show, showErrors };
}

/** `a.b[2].c` → ['a.b[2]', 'a.b', 'a']: the places an issue could be shown, nearest first. */
export function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let i = path.length - 1; i > 0; i--) if (path[i] === '.' || path[i] === '[') out.push(path.slice(0, i));
  return out;
}

function append(span: HTMLElement, message: string): void {
  span.textContent = span.textContent ? `${span.textContent}; ${message}` : message;
}
