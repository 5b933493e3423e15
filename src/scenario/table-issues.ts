// Problems in a CSV table, one line each naming file, row and column, and the strict reading of
// cells that finds most of them: a number must be plain decimal text, not all that Number() takes.
import { formatNumber, type Span } from './fields.ts';
import { formatIssue } from './load.ts';
import { LISTED_ISSUES } from './text-limits.ts';

export interface TableIssue {
  file: string;
  /** 1-based row: the line of the file the record starts on; 0 for the file as a whole. */
  row: number;
  /** The column's name in the header; '' when the problem is with the whole row or file. */
  column: string;
  message: string;
}

/** `orders.csv: row 12, column quantity: expected …, got …`, in the style of scenario issues. */
export function formatTableIssue(issue: TableIssue): string {
  return formatIssue({ file: issue.file, path: tablePlace(issue), message: issue.message });
}

/** Where in a table: `row 12, column quantity`, `row 7`, or '' for the whole file. */
export function tablePlace({ row, column }: Pick<TableIssue, 'row' | 'column'>): string {
  return row === 0 ? '' : column === '' ? `row ${row}` : `row ${row}, column ${column}`;
}

/** How a cell reads in a message: its text quoted (cut at 40 characters), or "an empty cell". */
export function describeCell(text: string): string {
  if (text === '') return 'an empty cell';
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

// Lines a TableError lists before only counting the rest: one bad export can fail every row.
export { LISTED_ISSUES };

/** A table that cannot be used; the message has one line per problem, up to LISTED_ISSUES. */
export class TableError extends Error {
  /** The problems listed (a TableIssues keeps only those). */
  readonly issues: TableIssue[];
  /** All the problems found, listed or not. */
  readonly count: number;

  constructor(issues: TableIssue[], count = issues.length) {
    super(messageOf(issues, count));
    this.name = 'TableError';
    this.issues = issues;
    this.count = count;
  }
}

function messageOf(issues: TableIssue[], count: number): string {
  const lines = issues.slice(0, LISTED_ISSUES).map(formatTableIssue);
  const more = count - lines.length;
  if (more > 0) {
    const files = [...new Set(issues.map((i) => i.file))];
    lines.push(`… and ${more} more problem${more === 1 ? '' : 's'}${files.length === 1 ? ` in ${files[0]}` : ''}`);
  }
  return lines.join('\n');
}

/** What a number must be: undefined when `x` is fine, else the "expected …" text. */
export type NumberRule = (x: number) => string | undefined;

/**
 * A number in a span of the schema's (fields.ts SPANS: the same bounds as the scenario field the
 * column stands for), > 0 where the span starts at 0 as the schema's medians must be. The message
 * names the side that is broken: the lower bound (or > 0) for a number too small or no number at
 * all, the upper one with its reason for a number too large.
 */
export function numberIn({ min, max, why }: Span): NumberRule {
  const low = min > 0 ? `a number >= ${formatNumber(min)} (${why})` : 'a number > 0';
  const high = `a number up to ${formatNumber(max)} (${why})`;
  return (x) => (!(min > 0 ? x >= min : x > 0) ? low : x > max ? high : undefined);
}

/** A whole number in [min, max]; `max` at most 2^31 − 1, since whole numbers go into Int32Arrays. */
export function wholeIn(min: number, max: number, why: string): NumberRule {
  const low = `a whole number >= ${min}`, high = `a whole number up to ${formatNumber(max)} (${why})`;
  return (x) => (!Number.isInteger(x) || x < min ? low : x > max ? high : undefined);
}

/** The longest seller or SKU name: a name is an identifier, and every one is kept in memory. */
export const MAX_NAME_CHARS = 200;

// Decimal text as Number() reads it, and nothing else of what Number() takes (blanks, 0x, Infinity).
// No two parts can match the same digits, so a long cell that fails costs one pass, not a square.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A cell's number: finite decimal text (sign, point and exponent allowed), else NaN. Number()
 * alone would read '' and blanks as 0, ' 2 ' as 2 and '0x10' as 16, which no seller's export means
 * (blanks around an unquoted cell are gone already: csv.ts trims them). Text beyond a double,
 * 1e400 or 1e-400, is NaN too, not Infinity or 0. A minus zero reads as 0.
 */
export function cellNumber(text: string): number {
  const plain = plainDecimal(text);
  if (!Number.isNaN(plain)) return plain + 0;
  const x = DECIMAL.test(text) ? Number(text) : NaN;
  if (x === 0 && /[1-9]/.test(text.split(/e/i)[0])) return NaN; // underflow
  return Number.isFinite(x) ? x + 0 : NaN;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k); // all exact in a double

/**
 * `[+-]digits[.digits]` with at most 15 digits, as Number() reads it, else NaN: the digits are an
 * exact integer and so is the power of ten, so one division rounds as Number() does (Clinger's
 * fast path), at a fraction of the cost over millions of cells.
 */
function plainDecimal(text: string): number {
  const n = text.length;
  let i = 0, sign = 1;
  const first = text.charCodeAt(0);
  if (first === 45 || first === 43) { // - +
    sign = first === 45 ? -1 : 1;
    i = 1;
  }
  let m = 0, digits = 0, scale = 0, point = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (point) scale++;
    } else if (c === 46 && !point) {
      point = true;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15) return NaN;
  return sign * (scale === 0 ? m : m / POWERS_OF_TEN[scale]);
}

/** Collects a table's problems as it is read: keeps the first LISTED_ISSUES, counts them all. */
export class TableIssues {
  private readonly kept: TableIssue[] = [];
  private found = 0;

  constructor(readonly file: string) {}

  get count(): number {
    return this.found;
  }

  add(row: number, column: string, message: string): void {
    if (this.found++ < LISTED_ISSUES) this.kept.push({ file: this.file, row, column, message });
  }

  /** Reports `expected <what>, got <the cell>`. */
  expected(row: number, column: string, what: string, text: string): void {
    this.add(row, column, `expected ${what}, got ${describeCell(text)}`);
  }

  /** The cell's number if it keeps `rule`, else NaN once the problem is reported. */
  number(row: number, column: string, text: string, rule: NumberRule): number {
    const x = cellNumber(text);
    const wrong = rule(x);
    if (wrong === undefined) return x;
    this.expected(row, column, wrong, text);
    return NaN;
  }

  /** Whether the cell has text other than blanks and at most MAX_NAME_CHARS (names must), reporting it if not. */
  name(row: number, column: string, text: string, what: string): boolean {
    if (text.length > MAX_NAME_CHARS) {
      this.add(row, column, `expected ${what} of at most ${MAX_NAME_CHARS} characters, got ${formatNumber(text.length)}: ${describeCell(text)}`);
      return false;
    }
    if (text.length > 0 && (text.charCodeAt(0) > 32 || text.trim() !== '')) return true;
    this.expected(row, column, what, text);
    return false;
  }

  throwIfAny(): void {
    if (this.found > 0) throw new TableError(this.kept, this.found);
  }
}
