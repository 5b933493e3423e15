// A table filled from plain text, cell by cell as DOM nodes: labels that come from the user's files
// (scenario names, KPI keys and labels, run labels) are text and never markup (docs/code-layout.md,
// the web app; issue 16: no innerHTML with user text).
export interface PlainCell { text: string; data?: Record<string, string> }
export interface PlainRow { data?: Record<string, string>; cells: (string | PlainCell)[] }

/** Replaces the table's content with a caption (if given), one heading row and the rows. */
export function fillTable(table: HTMLElement, head: string[], rows: PlainRow[], caption?: string): void {
  const cell = (tag: 'td' | 'th', c: string | PlainCell) => {
    const el = document.createElement(tag);
    const { text, data } = typeof c === 'string' ? { text: c, data: undefined } : c;
    el.textContent = text;
    Object.assign(el.dataset, data);
    return el;
  };
  const thead = document.createElement('thead'), tbody = document.createElement('tbody');
  thead.append(rowOf(head.map((h) => cell('th', h))));
  for (const r of rows) {
    const tr = rowOf(r.cells.map((c) => cell('td', c)));
    Object.assign(tr.dataset, r.data);
    tbody.append(tr);
  }
  const parts: HTMLElement[] = [thead, tbody];
  if (caption !== undefined) parts.unshift(Object.assign(document.createElement('caption'), { textContent: caption }));
  table.replaceChildren(...parts);
}

function rowOf(cells: HTMLElement[]): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.append(...cells);
  return tr;
}
