// What the page says while the scenario text cannot be read: a syntax error locks the form (an
// edit there could not be written into the text) with the error's line beside it, and the runs'
// "Fix the scenario first." notes go once the text reads again (docs/results.md, "The page's checks and draft").
import { ScenarioError, type ScenarioIssue } from '../src/scenario/load.ts';

/** The note a run leaves in its status while the scenario cannot be read. */
export const FIX_FIRST = 'Fix the scenario first.';

/** The first syntax error (YAML or JSON) among a failed read's issues, if any. */
export function syntaxIssue(err: unknown): ScenarioIssue | undefined {
  return err instanceof ScenarioError ? err.issues.find((i) => /^invalid (YAML|JSON)/.test(i.message)) : undefined;
}

export interface Unreadable {
  /** The scenario failed to read with `err`. */
  failed(err: unknown): void;
  /** The scenario reads again. */
  read(): void;
}

/** Locks `form` (a fieldset) with its note just before it; clears the FIX_FIRST notes of `statuses` once the text reads. */
export function unreadable(form: HTMLFieldSetElement, statuses: HTMLElement[]): Unreadable {
  const note = Object.assign(document.createElement('p'), { id: 'form-lock', className: 'field-error' });
  note.setAttribute('role', 'alert');
  form.before(note);
  form.setAttribute('aria-describedby', note.id);
  return {
    failed(err) {
      const issue = syntaxIssue(err);
      form.disabled = issue !== undefined;
      note.textContent = issue
        ? `The scenario file has a syntax error at ${issue.path || 'its start'} (${issue.message}). The form is off until the text below is fixed.`
        : '';
    },
    read() {
      form.disabled = false;
      note.textContent = '';
      for (const status of statuses) if (status.textContent === FIX_FIRST) status.textContent = '';
    },
  };
}
