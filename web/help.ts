// Help beside a term: a small "?" button named for the term that opens a short popover with the
// glossary's help and a link to the rule in the model documentation (model.html); Escape closes it.
import { lookup, modelLink, type GlossaryEntry } from './glossary/index.ts';
import './help.css';

let made = 0;

/** A help control for a glossary key or entry; an empty span if the key has no entry. */
export function helpControl(of: string | GlossaryEntry): HTMLSpanElement {
  const entry = typeof of === 'string' ? lookup(of) : of;
  const wrap = Object.assign(document.createElement('span'), { className: 'help' });
  if (!entry) return wrap;
  const pop = Object.assign(document.createElement('span'), { className: 'help-pop', id: `help-${++made}`, hidden: true });
  pop.append(entry.help);
  const link = modelLink(entry);
  if (link) pop.append(' ', Object.assign(document.createElement('a'), { href: link, target: '_blank', textContent: `The rule in the model (${sectionName(entry.section!)})` }));
  const button = Object.assign(document.createElement('button'), { type: 'button', className: 'help-toggle', textContent: '?' });
  button.setAttribute('aria-label', `What is “${entry.name}”?`);
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', pop.id);
  button.addEventListener('click', () => setOpen(button, pop, pop.hidden));
  wrap.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !pop.hidden) { e.stopPropagation(); setOpen(button, pop, false); button.focus(); }
  });
  wrap.append(button, pop);
  return wrap;
}

/** Only one popover is open at a time: the open one, its button and popover. */
let open: { button: HTMLButtonElement; pop: HTMLElement } | undefined;
// It follows its button when the page or a table scrolls.
addEventListener('scroll', () => { if (open) place(open.button, open.pop); }, { capture: true, passive: true });
addEventListener('resize', () => { if (open) place(open.button, open.pop); });

function setOpen(button: HTMLButtonElement, pop: HTMLElement, show: boolean): void {
  if (show && open && open.pop !== pop) setOpen(open.button, open.pop, false);
  pop.hidden = !show;
  button.setAttribute('aria-expanded', String(show));
  open = show ? { button, pop } : undefined;
  if (show) place(button, pop);
}

/** Fixed beside the button, so that a table that scrolls sideways (on a phone) does not clip it. */
function place(button: HTMLButtonElement, pop: HTMLElement): void {
  const at = button.getBoundingClientRect();
  const width = Math.min(352, innerWidth - 16);
  Object.assign(pop.style, { top: `${at.bottom + 4}px`, left: `${Math.max(8, Math.min(at.left, innerWidth - width - 8))}px`, width: `${width}px` });
}

/** "§9" for s9, "Money" for money. */
const sectionName = (id: string) => (/^s\d+$/.test(id) ? `§${id.slice(1)}` : `${id[0].toUpperCase()}${id.slice(1).replace(/-/g, ' ')}`);

/** Fills every `[data-help="key"]` placeholder under `root` with its help control. */
export function attachHelp(root: ParentNode = document): void {
  for (const slot of root.querySelectorAll<HTMLElement>('[data-help]')) {
    if (slot.childElementCount === 0) slot.append(helpControl(slot.dataset.help!));
  }
}
