// What the form's staff tools do to a row of 24 hourly headcounts (a roster's or a surge's
// `byHour`, docs/scenario-format.md, "A roster"): set a band of hours to N, add N or a percentage,
// and read a row pasted from a spreadsheet. Staff are whole people: a percentage rounds half up
// (27.5 → 28) and no hour goes below 0; a pasted row is taken whole or refused, never clamped.

export const HOURS_A_DAY = 24;

/**
 * The hours from `from` up to (not including) `to`, both 0..24, as the docs write a shift
 * ("60 from 06:00 to 24:00"); a band whose end is at or before its start runs past midnight
 * (22:00 to 2:00 is 22, 23, 0 and 1), so `from == to` is the whole day.
 */
export interface Band { from: number; to: number }

export const WHOLE_DAY: Band = { from: 0, to: 24 };

/** The hours of the day in `band`, in order from its start. */
export function bandHours(band: Band): number[] {
  const count = ((band.to - band.from + HOURS_A_DAY - 1) % HOURS_A_DAY) + 1;
  return Array.from({ length: count }, (_, k) => (band.from + k) % HOURS_A_DAY);
}

/** "6:00–24:00"; "all day" for the whole day. */
export function bandName(band: Band): string {
  return bandHours(band).length === HOURS_A_DAY ? 'all day' : `${band.from}:00–${band.to}:00`;
}

/** The band from one hour cell to another, both included, whichever comes first: a shift-click. */
export function bandBetween(a: number, b: number): Band {
  return { from: Math.min(a, b), to: Math.max(a, b) + 1 };
}

function change(row: readonly number[], band: Band, f: (staff: number) => number): number[] {
  const out = [...row];
  for (const h of bandHours(band)) out[h] = f(row[h]);
  return out;
}

/** Every hour of `band` staffed by `n`. */
export function setBand(row: readonly number[], band: Band, n: number): number[] {
  return change(row, band, () => n);
}

/** `n` more staff (fewer when negative) in every hour of `band`, never below 0. */
export function addToBand(row: readonly number[], band: Band, n: number): number[] {
  return change(row, band, (staff) => Math.max(0, staff + n));
}

/**
 * `percent` % more staff in every hour of `band`, rounded half up to whole people and never below
 * 0: 90 + 20% = 108, 25 + 10% = 27.5 → 28, 3 − 50% = 1.5 → 2. Counted in hundredths so that
 * a half is exactly a half (25 − 34% in floating point is 16.499999999999996, which
 * would round down).
 */
export function addPercent(row: readonly number[], band: Band, percent: number): number[] {
  return change(row, band, (staff) => {
    const hundredths = Math.round(staff * (100 + percent) * 1e6) / 1e6;
    return Math.max(0, Math.floor((hundredths + 50) / 100));
  });
}

export type Read = { value: number } | { error: string };

/**
 * The number a tool was given: staff to set (whole, >= 0), staff to add (whole, either sign) or
 * a percentage to add (any number, at least −100: a cut to nothing).
 */
export function readAmount(raw: string, action: 'set' | 'add' | 'percent'): Read {
  const text = raw.trim();
  if (text === '') return { error: action === 'percent' ? 'give the percentage to add' : 'give a number of staff' };
  const value = Number(text);
  if (action === 'percent') {
    return Number.isFinite(value) && value >= -100 ? { value } : { error: `expected a percentage of at least −100, got “${text}”` };
  }
  if (action === 'set') return /^\d+$/.test(text) ? { value } : { error: `expected a whole number of staff >= 0, got “${text}”` };
  return /^[+-]?\d+$/.test(text) ? { value } : { error: `expected a whole number of staff to add (negative to remove), got “${text}”` };
}

export type Pasted = { values: number[] } | { error: string };

/**
 * A row copied from a spreadsheet, pasted into the cell of hour `start`: its values fill that hour
 * and the following ones. Cells are split by tabs (a spreadsheet's copy), else commas, else spaces;
 * an empty cell between separators counts as a column, so nothing shifts. Every cell must be a
 * whole number >= 0, and the row must end by 23:00; the first fault found is named by its column.
 */
export function readPastedRow(text: string, start: number): Pasted {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) return { error: 'nothing to paste' };
  if (lines.length > 1) return { error: `paste one row of staff, not ${lines.length} rows` };
  const line = lines[0].trim();
  const cells = line.includes('\t') ? line.split('\t') : line.includes(',') ? line.split(',') : line.split(/\s+/);
  // A spreadsheet row copied with its empty trailing cells keeps their tabs.
  while (cells.length > 1 && cells[cells.length - 1].trim() === '') cells.pop();
  if (start + cells.length > HOURS_A_DAY) {
    return { error: `${cells.length} values from ${start}:00 run past 23:00: at most ${HOURS_A_DAY - start} fit` };
  }
  const values: number[] = [];
  for (const [k, cell] of cells.entries()) {
    const v = cell.trim();
    const where = `column ${k + 1} (${start + k}:00)`;
    if (v === '') return { error: `${where} is empty: expected a whole number of staff >= 0` };
    if (!/^\d+$/.test(v)) return { error: `${where}: expected a whole number of staff >= 0, got “${v}”` };
    values.push(Number(v));
  }
  return { values };
}

/** `row` with `values` written from hour `start` on. */
export function pasteInto(row: readonly number[], start: number, values: readonly number[]): number[] {
  const out = [...row];
  values.forEach((v, k) => { out[start + k] = v; });
  return out;
}
