// Ties a form field to the message about it, as assistive technology expects: the field is marked
// `aria-invalid="true"` and its `aria-describedby` names the message's element; both go when the
// message is cleared. Fields are found by their `data-path` (a scenario path, as the schema names it).

const PREFIX = 'field-error-';

/** The id of the message element for `path` (an error span of the form). */
export function errorId(path: string): string {
  return `${PREFIX}${path.replace(/[^\w-]/g, '_')}`;
}

/** Marks the fields at `path` in `container` invalid and described by `message` (given an id if it has none). */
export function tieError(container: HTMLElement, path: string, message: HTMLElement): void {
  if (!message.id) message.id = errorId(path);
  for (const field of container.querySelectorAll<HTMLElement>(`[data-path="${CSS.escape(path)}"]`)) {
    field.setAttribute('aria-invalid', 'true');
    const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    if (!ids.includes(message.id)) field.setAttribute('aria-describedby', [...ids, message.id].join(' '));
  }
}

/** Undoes every `tieError` in `container`, leaving other descriptions alone. */
export function untieErrors(container: HTMLElement): void {
  for (const field of container.querySelectorAll<HTMLElement>('[data-path][aria-invalid]')) {
    field.removeAttribute('aria-invalid');
    const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id && !id.startsWith(PREFIX));
    if (ids.length > 0) field.setAttribute('aria-describedby', ids.join(' '));
    else field.removeAttribute('aria-describedby');
  }
}
