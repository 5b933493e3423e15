// The data a chart drew, as a table: what the "Table" toggle under each chart shows (web/chart-frames.ts)
// for readers who cannot see the chart or want its exact values. A chart registers its table on
// its container each time it draws, so the table always holds what the chart shows.

export interface ChartTable {
  /** Says what a row is and, where rows are many, that the box scrolls: "Hour by hour (1,584 rows; scrolls)". */
  caption: string;
  /** The row header's column, then one a series (A's, then B's): "China hour", "Receiving queue, A". */
  columns: string[];
  /** Each row: its header (an hour, a band, a class), then one cell a series, already formatted. */
  rows: string[][];
}

const tables = new WeakMap<HTMLElement, ChartTable>();

/** Records `table` as what `container`'s chart shows, and tells the frame (a 'chart-table' event). */
export function registerTable(container: HTMLElement, table: ChartTable): void {
  tables.set(container, table);
  container.dispatchEvent(new CustomEvent('chart-table'));
}

/** `container` shows no chart now (a note in its place): its table goes too. */
export function clearTable(container: HTMLElement): void {
  tables.delete(container);
  container.dispatchEvent(new CustomEvent('chart-table'));
}

/** The table last registered on `container`, if any. */
export const tableOf = (container: HTMLElement): ChartTable | undefined => tables.get(container);

/** A figure in a table cell: whole numbers plain, others with `digits` decimals; NaN (no such hour in B) as "—". */
export function cell(v: number, digits = 1): string {
  if (Number.isNaN(v)) return '—';
  return Number.isInteger(v) ? String(v) : v.toFixed(digits);
}
