// What the editor's scenario is compared with: up to three choices (a shipped scenario, the
// original of the edited file, the pre-stock or JIT twin), the first being the page's #compare,
// and which scenario is the baseline that differences are taken from (docs/results.md).
import type { Mode, Scenario } from '../src/scenario/types.ts';
import { sellingModes } from './twin.ts';

/** The most scenarios compared with the editor's. */
export const MAX_COMPARED = 3;

/** A chosen scenario, resolved: its label and scenario. */
export interface Compared { label: string; scenario: Scenario }

export interface CompareChoice {
  /** The choices made, in order ('' left out): the first is #compare's value. */
  choices(): string[];
  /** Of [the editor's scenario, ...choices], the index of the baseline: the one picked, the first chosen by default. */
  baseline(): number;
  /** Offers the twin in a mode only where some class does not sell that way yet; a chosen twin no longer offered becomes the other. */
  offerTwins(scenario: Scenario): void;
  /** The further choices and the baseline as a link keeps them; `restore` puts them back (#compare is the page's). */
  state(): { compareMore: string[]; baseline: string };
  restore(state: { compareMore?: string[]; baseline?: string }): void;
}

/**
 * Adds the second and third choice and the baseline picker after #compare's label. `describe`
 * names a choice as the baseline picker shows it.
 */
export function compareChoice(first: HTMLSelectElement, describe: (choice: string) => string): CompareChoice {
  const selects = [first];
  const labels: HTMLLabelElement[] = [];
  for (let k = 2; k <= MAX_COMPARED; k++) {
    const more = Object.assign(document.createElement('select'), { id: `compare-${k}` });
    for (const o of first.options) more.add(new Option(o.text === 'nothing' ? 'nothing more' : o.text, o.value));
    const label = Object.assign(document.createElement('label'), { className: 'compare-more' });
    label.append('and with ', more);
    selects.push(more);
    labels.push(label);
  }
  const baselinePick = Object.assign(document.createElement('select'), { id: 'baseline' });
  const baselineLabel = Object.assign(document.createElement('label'), { className: 'compare-more' });
  baselineLabel.append('Baseline ', baselinePick);
  (first.closest('label') ?? first).after(...labels, baselineLabel);

  const chosen = () => selects.map((s) => s.value).filter(Boolean);
  /** Shows the next choice only once the one before is made, and offers each choice as the baseline. */
  const refresh = () => {
    labels.forEach((label, i) => { label.hidden = !selects[i].value && !selects[i + 1].value; });
    baselineLabel.hidden = chosen().length === 0;
    const keep = baselinePick.value;
    baselinePick.replaceChildren(...chosen().map((c, i) => new Option(`${describe(c)}${i === 0 ? ' (first chosen)' : ''}`, String(i + 1))),
      new Option('the scenario in the editor', '0'));
    // With nothing chosen the pick is forgotten: the next comparison starts from the default again.
    baselinePick.value = chosen().length > 0 && Array.from(baselinePick.options).some((o) => o.value === keep) ? keep : '1';
  };
  for (const s of selects) s.addEventListener('change', refresh);
  refresh();

  return {
    choices() { refresh(); return chosen(); },
    baseline() { refresh(); return chosen().length === 0 ? 0 : Number(baselinePick.value); },
    offerTwins(scenario) {
      const modes = sellingModes(scenario);
      for (const s of selects) {
        for (const option of Array.from(s.options).filter((o) => o.value.startsWith('twin:'))) {
          option.disabled = option.hidden = modes.size === 1 && modes.has(option.value.slice('twin:'.length) as Mode);
        }
        if (s.selectedOptions[0]?.disabled) s.value = s.value === 'twin:jit' ? 'twin:prestock' : 'twin:jit';
      }
      refresh();
    },
    state: () => ({ compareMore: selects.slice(1).map((s) => s.value), baseline: baselinePick.value }),
    restore(state) {
      selects.slice(1).forEach((s, i) => {
        const value = state.compareMore?.[i] ?? '';
        s.value = Array.from(s.options).some((o) => o.value === value) ? value : '';
      });
      refresh();
      if (state.baseline && Array.from(baselinePick.options).some((o) => o.value === state.baseline)) baselinePick.value = state.baseline;
    },
  };
}
