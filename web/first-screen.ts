// The first screen's three starts (docs/results.md, "The first screen"): each loads a shipped
// scenario, sets what it is compared with, and puts the user on the next step.

/** One way to start: the scenario it loads, what that is compared with, and where the user goes next. */
export interface Start {
  id: string;
  title: string;
  text: string;
  file: string;
  /** The compare choice (the `#compare` value): '' for nothing. */
  compare: string;
  /** The element given focus once loaded; a closed `<details>` around it is opened. */
  next: string;
  /** What the status line beside `next` (its id) then says. */
  says: string;
  statusLine: string;
}

export const STARTS: readonly Start[] = [
  {
    id: 'start-peak', title: 'Platform peak', file: 'black-friday-2022.yaml', compare: '', next: 'run',
    text: 'The 2022 Black Friday season at platform scale: the warehouse’s queues against its staff, and the fines and profit of each class of seller.',
    says: 'Black Friday 2022 at platform scale is loaded: press Run.', statusLine: 'status',
  },
  {
    id: 'start-stocking', title: 'One seller’s stocking', file: 'small-seller.yaml', compare: '', next: 'plan-run',
    text: 'A small seller’s season: 30 stocking policies on the same replications, expected profit against the chance that its deposit runs out.',
    says: 'A small seller is loaded: press Run plan to try its stocking policies.', statusLine: 'plan-status',
  },
  {
    id: 'start-compare', title: 'Compare two scenarios', file: 'black-friday-2022.yaml', compare: 'twin:prestock', next: 'run',
    text: 'The same Black Friday under JIT and under pre-stock, paired on the same demand: the differences with their 95% intervals.',
    says: 'Black Friday 2022 is loaded, to be compared with its pre-stock twin: press Run.', statusLine: 'status',
  },
];

/** What a start drives on the page. */
export interface StartTarget {
  /** Loads the shipped scenario `file` and sets the compare choice, as the user choosing them would. */
  load: (file: string, compare: string) => void;
}

/** Draws the starts into `container` as large buttons. */
export function firstScreen(container: HTMLElement, target: StartTarget): void {
  container.replaceChildren(...STARTS.map((start) => {
    const button = Object.assign(document.createElement('button'), { type: 'button', id: start.id, className: 'start' });
    button.append(
      Object.assign(document.createElement('strong'), { textContent: start.title }),
      Object.assign(document.createElement('span'), { textContent: start.text }),
    );
    button.addEventListener('click', () => begin(start, target));
    return button;
  }));
}

function begin(start: Start, target: StartTarget): void {
  target.load(start.file, start.compare);
  const next = document.getElementById(start.next);
  if (!next) return;
  for (let fold = next.closest('details'); fold; fold = fold.parentElement!.closest('details')) fold.open = true;
  next.scrollIntoView({ block: 'center' });
  next.focus();
  // A click gives no focus ring, so the next step is marked until the user moves on.
  next.classList.add('next-step');
  next.addEventListener('blur', () => next.classList.remove('next-step'), { once: true });
  const status = document.getElementById(start.statusLine);
  if (status) status.textContent = start.says;
}
