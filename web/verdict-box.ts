// The verdict box above the difference tables: for each scenario compared with the baseline whose
// sellers sell differently in some class, the headline of src/experiment/verdict.ts (JIT side −
// pre-stock side, whichever is the baseline), sentence by sentence.
import type { RunResult } from '../src/model/result.ts';
import { verdict } from '../src/experiment/verdict.ts';

/** A change set against the baseline, with their names. */
export interface VerdictPair { baseline: RunResult[]; change: RunResult[]; labels: { a: string; b: string } }

/** Shows a verdict for each pair that changes some class's mode in `box`, or hides the box when none does. */
export function verdictBox(box: HTMLElement, pairs: VerdictPair[]): void {
  const parts = pairs.flatMap(({ baseline, change, labels }) => {
    const v = verdict(baseline, change, labels);
    if (!v) return [];
    const heading = Object.assign(document.createElement('h3'), { textContent: `Verdict: ${labels[v.jitSide]} against ${labels[v.jitSide === 'a' ? 'b' : 'a']}` });
    const note = Object.assign(document.createElement('p'), {
      className: 'note', textContent: `JIT side − pre-stock side, paired over ${v.replications} replication(s); [ ] are 95% intervals.`,
    });
    return [heading, ...v.headline.map((s) => Object.assign(document.createElement('p'), { className: 'verdict-line', textContent: s })), note];
  });
  box.hidden = parts.length === 0;
  box.replaceChildren(...parts);
}
