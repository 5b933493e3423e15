// The ids of docs/model.md's headings on the in-app model page (model.html): "§8 Lateness fines"
// is #s8, any other heading a slug of its words ("Money" is #money). The glossary links by them.

export function headingId(text: string): string {
  const section = /^§(\d+)\b/.exec(text.trim());
  if (section) return `s${section[1]}`;
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The ids of a Markdown text's `##`–`####` headings, in order. */
export function headingIds(markdown: string): string[] {
  return [...markdown.matchAll(/^#{2,4} +(.+)$/gm)].map((m) => headingId(m[1]));
}
