// A shared link the page cannot read: said at the top of the scenario's section, where the eye
// lands, not only in the run's status line; the page then starts from the default scenario.

export const UNREADABLE_LINK = 'This link does not hold a readable scenario: the default scenario is loaded instead.';

/** The note for a link refused for its size (`LinkTooLong`'s message: its size and the cap). */
export const longLink = (why: string) => `This link is refused: ${why}. The default scenario is loaded instead.`;

/** Shows the note (`text`, the unreadable link's by default) at the top of `section` (once). */
export function unreadableLink(section: HTMLElement, text = UNREADABLE_LINK): void {
  const note = document.getElementById('link-note') ?? Object.assign(document.createElement('p'), { id: 'link-note', className: 'link-note' });
  note.setAttribute('role', 'alert');
  note.textContent = text;
  const heading = section.querySelector('h2');
  if (heading) heading.after(note);
  else section.prepend(note);
}
