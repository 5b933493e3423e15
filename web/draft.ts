// The draft kept across reloads: the scenario text, the file it started from, the seed, the
// replications and the compare choice, saved in localStorage after each edit and put back on load
// (a shared link's state wins), with a note saying so and "Restore the original"
// (docs/results.md, "The page's checks and draft").

/** What a draft holds, all as the page's fields hold it. */
export interface Draft { file: string; yaml: string; seed: string; reps: string; compare: string }

const KEY = 'jitsim.draft';

/**
 * Typing in the scenario text saves at most this often: each save reads the whole text and writes
 * it out, and a long text put in line by line raises an input event a line (docs/results.md,
 * "The page's checks and draft").
 */
const SAVE_EVERY_MS = 200;

/** The draft saved in `storage`, or undefined when none is (or it cannot be read). */
export function loadDraft(storage: Storage): Draft | undefined {
  try {
    const draft = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<Draft> | null;
    const fields = ['file', 'yaml', 'seed', 'reps', 'compare'] as const;
    return draft && fields.every((k) => typeof draft[k] === 'string') ? draft as Draft : undefined;
  } catch {
    return undefined;
  }
}

/** Saves `draft`, or forgets it when it is `pristine` (nothing edited); a full or closed storage keeps nothing. */
export function saveDraft(storage: Storage, draft: Draft, pristine: boolean): void {
  try {
    if (pristine) storage.removeItem(KEY);
    else storage.setItem(KEY, JSON.stringify(draft));
  } catch { /* private browsing or over quota: the draft is simply not kept */ }
}

/** The page's fields the draft reads and writes. */
export interface DraftFields {
  select: HTMLSelectElement; yaml: HTMLTextAreaElement; seed: HTMLInputElement; reps: HTMLInputElement; compare: HTMLSelectElement;
  /** The shipped scenario texts by file name. */
  shipped: Record<string, string>;
}

export interface PageDraft {
  /** Saves the fields now (after an edit made by code rather than by typing), with any save still pending. */
  save(): void;
}

/**
 * Keeps the fields' draft: restores it now unless `fromLink`, shows a note with "Restore the
 * original" (just before `place`) when it did, and saves after every edit within `setup`: at once,
 * but typing in the scenario text within SAVE_EVERY_MS (the fields read then, so the last
 * keystroke is kept), and at once again on a change or when the page is left or hidden. The page
 * reads the fields after this; `restored` is called when the button puts the original back.
 */
export function pageDraft(f: DraftFields, setup: HTMLElement, place: Element, fromLink: boolean, restored: () => void): PageDraft {
  const defaults = { seed: f.seed.defaultValue, reps: f.reps.defaultValue, compare: '' };
  const now = (): Draft => ({ file: f.select.value, yaml: f.yaml.value, seed: f.seed.value, reps: f.reps.value, compare: f.compare.value });
  const pristine = (d: Draft) => d.yaml === f.shipped[d.file] && d.seed === defaults.seed && d.reps === defaults.reps && d.compare === defaults.compare;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(pending);
    pending = undefined;
    const draft = now();
    saveDraft(localStorage, draft, pristine(draft));
  };
  const saveSoon = () => { pending ??= setTimeout(save, SAVE_EVERY_MS); };
  const savePending = () => { if (pending !== undefined) save(); };

  const text = Object.assign(document.createElement('span'), { textContent: 'Your edits from an earlier visit are back (kept in this browser only). ' });
  const restore = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Restore the original' });
  const note = Object.assign(document.createElement('p'), { id: 'draft-note', className: 'note draft-note', hidden: true });
  note.setAttribute('role', 'status');
  note.append(text, restore);
  place.before(note);
  // The shipped text and the page's own seed, replications and compare choice: nothing is left to keep.
  restore.addEventListener('click', () => {
    Object.assign(f.yaml, { value: f.shipped[f.select.value] });
    Object.assign(f.seed, { value: defaults.seed });
    Object.assign(f.reps, { value: defaults.reps });
    f.compare.value = defaults.compare;
    saveDraft(localStorage, now(), true);
    note.hidden = true;
    restored();
  });

  const draft = fromLink ? undefined : loadDraft(localStorage);
  if (draft && draft.file in f.shipped) {
    f.select.value = draft.file;
    f.yaml.value = draft.yaml;
    f.seed.value = draft.seed;
    f.reps.value = draft.reps;
    if (Array.from(f.compare.options).some((o) => o.value === draft.compare)) f.compare.value = draft.compare;
    note.hidden = pristine(draft);
  }
  // The scenario text's keystrokes are spaced; any other field's edit, and any change, saves at once.
  setup.addEventListener('input', (event) => { if (event.target === f.yaml) saveSoon(); else save(); });
  setup.addEventListener('change', save);
  addEventListener('pagehide', savePending);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') savePending(); });
  return { save };
}
