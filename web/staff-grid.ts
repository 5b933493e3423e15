// A row of 24 hourly headcounts in the parameter form, one cell an hour of the China day, named
// by its station and its roster or surge; with the staff tools over it (staff-tools.ts), a band of
// hours chosen by shift-click, and a row pasted from a spreadsheet into the focused cell on.
import type YAML from 'yaml';
import type { Scenario } from '../src/scenario/types.ts';
import { freshSurge } from './form-fields.ts';
import { WHOLE_DAY, addPercent, addToBand, bandBetween, bandHours, bandName, pasteInto, readPastedRow, setBand, type Band } from './staff-hours.ts';
import { cellName, copyTargets, rowAt, rowCaption, rowName, rowPath, staffOf, type CopyTarget } from './staff-rows.ts';
import { staffTools, type Action } from './staff-tools.ts';
import { addItem, setPath, valueAt } from './yaml-edit.ts';

export interface GridHooks {
  /** Makes one edit to the scenario text (`resolved` is the scenario as last checked). */
  write: (edit: (doc: YAML.Document, resolved: Scenario | undefined) => void) => void;
  /** The scenario as last checked, whose numbers the grid shows. */
  resolved: () => Scenario | undefined;
  /** Registers what to do when the form shows a scenario. */
  fill: (f: (s: Scenario) => void) => void;
  /** Where the scenario's own errors about this row go. */
  errors: HTMLElement;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

const idOf = (path: string) => path.replace(/[^\w-]/g, '_');

/** The grid for the `byHour` at `path`; `label` names it where the path is no station's staff. */
export function staffGrid(label: string, path: string, hooks: GridHooks): HTMLElement {
  const row = rowAt(path);
  const box = el('div', { className: 'hours' });
  box.dataset.staffRow = path;
  const caption = el('span', { className: 'hours-caption', id: `caption-${idOf(path)}`, textContent: label });
  const grid = el('div', { className: 'hours-grid' });
  grid.setAttribute('role', 'group');
  grid.setAttribute('aria-labelledby', caption.id);
  const scroll = el('div', { className: 'hours-scroll' });
  scroll.append(grid);
  const note = el('span', { className: 'staff-note', id: `note-${idOf(path)}` });
  note.setAttribute('role', 'status');
  hooks.errors.dataset.hours = '';

  const cells: HTMLInputElement[] = [];
  for (let h = 0; h < 24; h++) {
    const input = el('input', { type: 'number', min: '0', step: '1', title: `${h}:00–${h + 1}:00` });
    input.setAttribute('aria-label', row ? cellName(row, h) : `${label}, ${h}:00`);
    input.dataset.path = `${path}[${h}]`;
    input.dataset.hour = String(h);
    const cell = el('label');
    cell.append(el('small', { textContent: String(h) }), input);
    grid.append(cell);
    cells.push(input);
    hooks.fill((s) => { const v = valueAt(s, input.dataset.path!); input.value = typeof v === 'number' ? String(v) : ''; });
    input.addEventListener('change', () => {
      const raw = input.value.trim();
      hooks.write((doc, resolved) => setPath(doc, input.dataset.path!, raw === '' ? null : Number(raw), resolved));
    });
  }

  const say = (message: string, error = false) => { note.textContent = message; note.classList.toggle('error', error); };

  /** Writes the row `make` gives from its numbers now, then says `done`. */
  function writeRow(make: (now: number[]) => number[], done: string): void {
    const now = row && hooks.resolved() && staffOf(hooks.resolved()!, row);
    if (!now) { say('Fix the scenario first: the row cannot be read.', true); return; }
    const next = make(now);
    hooks.write((doc, resolved) => setPath(doc, path, next, resolved));
    say(done);
  }

  grid.addEventListener('paste', (event) => {
    const start = Number((event.target as HTMLElement).dataset.hour ?? 0);
    event.preventDefault();
    const pasted = readPastedRow(event.clipboardData?.getData('text/plain') ?? '', start);
    if ('error' in pasted) { say(`Not pasted: ${pasted.error}.`, true); return; }
    const end = start + pasted.values.length;
    writeRow((now) => pasteInto(now, start, pasted.values), `Pasted ${pasted.values.length} value${pasted.values.length === 1 ? '' : 's'} into ${bandName({ from: start, to: end })}.`);
  });

  box.append(caption);
  if (row) {
    let band: Band = WHOLE_DAY;
    const showBand = (next: Band) => {
      band = next;
      const inside = new Set(bandHours(band));
      cells.forEach((c, h) => c.parentElement!.classList.toggle('in-band', inside.size < 24 && inside.has(h)));
    };
    const act = (action: Action, n: number) => {
      const [change, done] = action === 'set' ? [setBand, `Set ${bandName(band)} to ${n}.`]
        : action === 'add' ? [addToBand, `Added ${n} to ${bandName(band)}.`]
          : [addPercent, `Added ${n}% to ${bandName(band)}, rounded half up to whole staff.`];
      writeRow((now) => change(now, band, n), done);
    };
    const copy = (target: CopyTarget) => {
      const values = hooks.resolved() && staffOf(hooks.resolved()!, row);
      if (!values) { say('Fix the scenario first: the row cannot be read.', true); return; }
      hooks.write((doc, resolved) => {
        if ('row' in target) setPath(doc, rowPath(target.row), values, resolved);
        else addItem(doc, `warehouse.${target.newSurge}.staff.overrides`, freshSurge(resolved!, target.newSurge, values), resolved);
      });
      say(`Copied ${rowName(row)} to ${target.label}.`);
    };
    const tools = staffTools(row, { onBand: showBand, act, copy, note: say });
    tools.amount.setAttribute('aria-describedby', note.id);

    // Shift-click a cell to choose the band from the last cell clicked or focused to it.
    let anchor = 0, shifted = false;
    grid.addEventListener('pointerdown', (event) => {
      const h = (event.target as HTMLElement).dataset.hour;
      if (h === undefined) return;
      if (event.shiftKey) { shifted = true; showBand(bandBetween(anchor, Number(h))); tools.showBand(band); } else anchor = Number(h);
    });
    grid.addEventListener('focusin', (event) => {
      const h = (event.target as HTMLElement).dataset.hour;
      if (h !== undefined && !shifted) anchor = Number(h);
      shifted = false;
    });

    hooks.fill((s) => {
      caption.textContent = rowCaption(s, row);
      tools.showTargets(copyTargets(s, row));
    });
    box.append(tools.element);
  }
  box.append(scroll, note, hooks.errors);
  return box;
}
