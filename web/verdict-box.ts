// The verdict box above the difference tables: when the two runs sell differently in some seller
// class, the headline of src/experiment/verdict.ts (JIT side − pre-stock side), sentence by sentence.
import type { RunResult } from '../src/model/result.ts';
import { verdict } from '../src/experiment/verdict.ts';

/** Shows the verdict of A against B in `box`, or hides the box when no class changes mode. */
export function verdictBox(box: HTMLElement, a: RunResult[], b: RunResult[], labels: { a: string; b: string }): void {
  const v = verdict(a, b, labels);
  box.hidden = !v;
  if (!v) { box.replaceChildren(); return; }
  const heading = Object.assign(document.createElement('h3'), { textContent: `Verdict: ${labels[v.jitSide]} against ${labels[v.jitSide === 'a' ? 'b' : 'a']}` });
  const note = Object.assign(document.createElement('p'), {
    className: 'note', textContent: `JIT side − pre-stock side, paired over ${v.replications} replication(s); [ ] are 95% intervals.`,
  });
  box.replaceChildren(heading, ...v.headline.map((s) => Object.assign(document.createElement('p'), { className: 'verdict-line', textContent: s })), note);
}
