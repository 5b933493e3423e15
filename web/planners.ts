// The page's planners wired to the scenario editor: a planned stocking policy or warehouse roster
// opens as the edited scenario, ready to run against the original; a sweep result stands apart.
import type { Scenario } from '../src/scenario/types.ts';
import { withPolicy } from './open-policy.ts';
import { staffingPlanner } from './plan-staffing.ts';
import { stockingPlanner } from './plan-stocking.ts';
import { shipped } from './scenarios.ts';
import { sweepViewer } from './sweep-view.ts';

/** What the planners need of the editor above them. */
export interface Editor {
  /** The edited scenario, checked (its errors shown by the page), or undefined. */
  readScenario: () => Scenario | undefined;
  /** The last edited scenario that passed the schema. */
  lastGood: () => Scenario | undefined;
  /** The seed, checked (its message shown beside it), or undefined when it is wrong. */
  seed: () => number | undefined;
  yaml: HTMLTextAreaElement;
  select: HTMLSelectElement;
  compareSelect: HTMLSelectElement;
  status: HTMLElement;
  /** The name the page gives an edited scenario. */
  editedName: () => string;
}

export function planners(editor: Editor): void {
  const { yaml, select, compareSelect, status } = editor;
  const shippedAsIs = () => yaml.value === shipped[select.value];

  // A planned policy opens as the edited scenario, to run against the file as shipped.
  stockingPlanner({
    scenario: editor.readScenario,
    seed: editor.seed,
    open: (sellerClass, candidate) => {
      yaml.value = withPolicy(yaml.value, sellerClass, candidate, editor.lastGood());
      editor.readScenario();
      compareSelect.value = 'original';
      status.textContent = `Stocking of the ${sellerClass} sellers set to “${candidate.label}”: Run to compare it with the original.`;
    },
  });

  // A planned roster opens as the edited scenario; a shipped file as shipped is then compared with.
  staffingPlanner({
    scenario: editor.readScenario,
    seed: editor.seed,
    edited: () => {
      const asShipped = shippedAsIs();
      return { text: yaml.value, name: asShipped ? select.value : editor.editedName(), shipped: asShipped };
    },
    open: (text) => {
      const asShipped = shippedAsIs();
      yaml.value = text;
      editor.readScenario();
      if (asShipped) compareSelect.value = 'original';
      status.textContent = `Warehouse roster set to the staffing plan's: Run to see it${asShipped ? ' against the original' : ''}.`;
    },
  });

  sweepViewer();
}
