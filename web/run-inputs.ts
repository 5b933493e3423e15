// The counts a run is asked for (replications, the seed), checked before anything runs: each must
// be a whole number in its range, and what is wrong is said beside the field (aria-invalid,
// aria-describedby), never clamped or rounded into something else (docs/results.md, "The page's checks and draft").

/** The largest seed the command accepts (`--seed`, a safe integer: src/cli/main.ts). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** The most replications the page runs at once. */
export const MAX_REPLICATIONS = 1000;

/** What a field holds: a whole number from `min` to `max`, named `label` in its message. */
export interface WholeRule { label: string; min: number; max: number }

/** What is wrong with `text` as a whole number under `rule`, or undefined when nothing is. */
export function wholeNumberProblem(text: string, rule: WholeRule): string | undefined {
  const range = `a whole number from ${rule.min} to ${rule.max}`;
  const t = text.trim();
  if (t === '') return `${rule.label}: ${range} (the field is empty or not a number).`;
  const n = Number(t);
  if (!Number.isFinite(n)) return `${rule.label}: ${range} (“${t}” is not a number).`;
  if (!Number.isInteger(n)) return `${rule.label}: ${range} (${t} is not whole).`;
  if (n < rule.min) return `${rule.label}: ${range} (${t} is below ${rule.min}).`;
  if (n > rule.max) return `${rule.label}: ${range} (${t} is above ${rule.max}).`;
  return undefined;
}

/** A field checked as a whole number: `read()` shows or clears its message and gives the number, or undefined. */
export interface WholeField { input: HTMLInputElement; read(): number | undefined }

/** Checks `input` under `rule` as it is typed in and whenever read, its message in a span just after its label. */
export function wholeField(input: HTMLInputElement, rule: WholeRule): WholeField {
  Object.assign(input, { min: String(rule.min), max: String(rule.max), step: '1' });
  const message = Object.assign(document.createElement('span'), { id: `${input.id}-error`, className: 'field-error run-input-error' });
  message.setAttribute('role', 'alert');
  (input.closest('label') ?? input).after(message);
  const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  input.setAttribute('aria-describedby', [...described, message.id].join(' '));

  function read(): number | undefined {
    // A number field drops text it cannot read ("12abc") and reports it as bad input.
    const problem = input.validity.badInput
      ? `${rule.label}: a whole number from ${rule.min} to ${rule.max} (what was typed is not a number).`
      : wholeNumberProblem(input.value, rule);
    message.textContent = problem ?? '';
    if (problem) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    return problem ? undefined : Number(input.value);
  }
  // Checked as typed, not on leaving the field: a message appearing then would move the Run
  // button from under the pointer that is about to press it.
  input.addEventListener('input', () => { read(); });
  return { input, read };
}

/**
 * Reads every field (so that each shows its message), focusing the first that is wrong; the
 * numbers by field, or undefined when any is wrong.
 */
export function readAll<K extends string>(fields: Record<K, WholeField>): Record<K, number> | undefined {
  const values = {} as Record<K, number>;
  let wrong: WholeField | undefined;
  for (const key of Object.keys(fields) as K[]) {
    const value = fields[key].read();
    if (value === undefined) wrong ??= fields[key];
    else values[key] = value;
  }
  wrong?.input.focus();
  return wrong ? undefined : values;
}
