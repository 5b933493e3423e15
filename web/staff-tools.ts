// The tool bar over a row of hourly staff in the form: a band of hours (two lists, or shift-click
// on the grid), a number, and what to do with it (set the band to it, add it, add it as a
// percentage), and where to copy the row. What the tools do to the numbers is staff-hours.ts.
import { HOURS_A_DAY, WHOLE_DAY, readAmount, type Band } from './staff-hours.ts';
import { rowName, type CopyTarget, type StaffRow } from './staff-rows.ts';

export type Action = 'set' | 'add' | 'percent';

export interface ToolHooks {
  /** The user chose a band in the lists. */
  onBand: (band: Band) => void;
  /** The user asked for `action` with `amount` on the band. */
  act: (action: Action, amount: number) => void;
  /** The user asked to copy the row to `target`. */
  copy: (target: CopyTarget) => void;
  /** Says what was done, or what is wrong, beside the grid. */
  note: (message: string, error?: boolean) => void;
}

export interface StaffTools {
  element: HTMLElement;
  /** Shows `band` in the lists (after a shift-click). */
  showBand(band: Band): void;
  /** Offers `targets` to copy to, keeping the choice where it is still offered. */
  showTargets(targets: CopyTarget[]): void;
  /** The number box, to tie a message to it. */
  amount: HTMLInputElement;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  const label = el('label');
  label.append(`${text} `, control);
  return label;
}

const BUTTONS: [Action, string, string][] = [
  ['set', 'Set to', 'Set the hours chosen to this many staff'],
  ['add', 'Add', 'Add this many staff to the hours chosen (negative to remove)'],
  ['percent', 'Add %', 'Add this percentage to the hours chosen (rounded half up to whole staff)'],
];

export function staffTools(row: StaffRow, hooks: ToolHooks): StaffTools {
  const bar = el('div', { className: 'staff-tools' });
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', `Tools for ${rowName(row)}`);

  const from = el('select'), to = el('select');
  for (let h = 0; h < HOURS_A_DAY; h++) from.add(new Option(`${h}:00`, String(h)));
  for (let h = 1; h <= HOURS_A_DAY; h++) to.add(new Option(`${h}:00`, String(h)));
  from.dataset.band = 'from';
  to.dataset.band = 'to';
  const showBand = (band: Band) => { from.value = String(band.from); to.value = String(band.to); };
  showBand(WHOLE_DAY);
  const chosen = () => hooks.onBand({ from: Number(from.value), to: Number(to.value) });
  from.addEventListener('change', chosen);
  to.addEventListener('change', chosen);
  const allDay = el('button', { type: 'button', textContent: 'All day' });
  allDay.addEventListener('click', () => { showBand(WHOLE_DAY); chosen(); });

  const amount = el('input', { type: 'text', inputMode: 'decimal', className: 'staff-amount' });
  const actions = BUTTONS.map(([action, text, title]) => {
    const button = el('button', { type: 'button', textContent: text, title });
    button.dataset.staffAction = action;
    button.addEventListener('click', () => {
      const read = readAmount(amount.value, action);
      if ('error' in read) {
        amount.setAttribute('aria-invalid', 'true');
        hooks.note(read.error, true);
        return;
      }
      amount.removeAttribute('aria-invalid');
      hooks.act(action, read.value);
    });
    return button;
  });

  const target = el('select');
  target.dataset.copyTarget = '';
  let targets: CopyTarget[] = [];
  const copy = el('button', { type: 'button', textContent: 'Copy' });
  copy.dataset.copy = '';
  copy.addEventListener('click', () => { const t = targets[Number(target.value)]; if (t) hooks.copy(t); });

  bar.append(
    labelled('Hours from', from), labelled('to', to), allDay,
    labelled('Staff (or %)', amount), ...actions,
    labelled('Copy this row to', target), copy,
  );
  return {
    element: bar,
    showBand,
    amount,
    showTargets(next) {
      const was = targets[Number(target.value)]?.label;
      targets = next;
      target.replaceChildren(...next.map((t, k) => new Option(t.label, String(k))));
      const keep = next.findIndex((t) => t.label === was);
      if (keep >= 0) target.value = String(keep);
    },
  };
}
