// Streaming RFC-4180 CSV: text chunks of any size in, records out with the line each starts on,
// and the header row that says where a table's named columns are. No I/O: Node and browsers alike.
import { formatNumber } from './fields.ts';
import { describeCell, type TableIssues } from './table-issues.ts';

export interface CsvRecord {
  fields: string[];
  /** 1-based line of the file on which the record starts (the header is usually row 1). */
  row: number;
}

/** Told of text the splitter had to guess about: the record's row, the 0-based field, and why. */
export type CsvProblem = (row: number, field: number, message: string) => void;

const TAB = 9, LF = 10, CR = 13, SPACE = 32, QUOTE = 34, COMMA = 44, BOM = 0xfeff;

/**
 * The longest record, in characters (docs/scenario-format.md, "Your own data"): a trace's row is
 * about 130. A longer one (a quote never closed, a file that is not CSV) ends the reading there, so
 * that one field cannot fill the memory or make every chunk rescan it.
 */
export const MAX_ROW_CHARS = 1 << 20;
const TOO_LONG = `expected a row of at most ${formatNumber(MAX_ROW_CHARS)} characters, got more; the file is read no further`;

/**
 * The records of CSV text fed as `chunks` (a chunk may end anywhere, even inside a quoted field).
 * Quoted fields keep everything between their quotes, with "" for a quote; unquoted fields lose
 * surrounding blanks; a record ends at LF or CRLF; blank lines are skipped. A quote left open at
 * the end of the input is reported, and the record is kept with the rest of the text as its last field.
 * A record longer than MAX_ROW_CHARS is reported (as field -1: the whole row) and ends the records.
 */
export function* csvRecords(chunks: Iterable<string>, onProblem: CsvProblem): Generator<CsvRecord, void, undefined> {
  const source = chunks[Symbol.iterator]();
  // What a chunk boundary cut off: the text from the start of the field in progress (or from a
  // quote whose meaning depends on the next character), with the record's earlier fields in `fields`.
  let rest = '';
  let fields: string[] = [];
  // The parts so far of a quoted field whose closing quote is still to come, else null.
  let quoted: string[] | null = null;
  // Characters of the record in progress held in `fields` (with their commas) and in `quoted`.
  let fieldChars = 0, quotedChars = 0;
  let line = 1, row = 1;
  let started = false;
  for (;;) {
    const next = source.next();
    const final = next.done === true;
    let text = final ? rest : rest + next.value;
    if (!started && text.length > 0) {
      started = true;
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
    }
    const n = text.length;
    // Positions of the next comma and LF at or after the last search, n for none: searching once
    // per delimiter rather than once per field keeps a one-column file linear.
    let nextComma = -1, nextLf = -1;
    let p = 0;
    scan: for (;;) {
      let value = '';
      let end = n; // the comma or LF after the field, or n at the end of the input
      let wasQuoted = quoted !== null;
      if (quoted === null) {
        let q = p, c = 0;
        while (q < n && ((c = text.charCodeAt(q)) === SPACE || c === TAB)) q++;
        if (q < n && c === QUOTE) {
          quoted = [];
          quotedChars = 0;
          wasQuoted = true;
          p = q + 1;
        } else {
          if (nextComma < q) { nextComma = text.indexOf(',', q); if (nextComma < 0) nextComma = n; }
          if (nextLf < q) { nextLf = text.indexOf('\n', q); if (nextLf < 0) nextLf = n; }
          end = nextComma < nextLf ? nextComma : nextLf;
          if (end === n && !final) { rest = text.slice(p); break scan; }
          value = text.slice(q, trimEnd(text, q, end, end === nextLf));
        }
      }
      if (quoted !== null) {
        const k = text.indexOf('"', p);
        if (k < 0 && !final) {
          line += pushPart(quoted, text, p, n);
          quotedChars += n - p;
          rest = '';
          break scan;
        }
        if (k < 0) {
          onProblem(row, fields.length, 'expected a closing quote (") for the quoted field that opens on this row, got the end of the file');
          line += pushPart(quoted, text, p, n);
          value = quoted.join('');
          end = n;
        } else {
          line += pushPart(quoted, text, p, k);
          quotedChars += k - p;
          if (k + 1 < n && text.charCodeAt(k + 1) === QUOTE) {
            quoted.push('"');
            quotedChars++;
            p = k + 2;
            continue scan;
          }
          // A closing quote: only blanks may come before the comma or line end.
          let q = k + 1, c = 0;
          while (q < n && ((c = text.charCodeAt(q)) === SPACE || c === TAB || c === CR)) q++;
          if (q === n && !final) { rest = text.slice(k); break scan; }
          value = quoted.join('');
          if (q === n || c === COMMA || c === LF) {
            end = q;
          } else { // rare, so no cached search
            const comma = text.indexOf(',', q), lf = text.indexOf('\n', q);
            end = Math.min(comma < 0 ? n : comma, lf < 0 ? n : lf);
            if (end === n && !final) { rest = text.slice(k); break scan; }
            const stray = text.slice(q, trimEnd(text, q, end, end !== comma));
            onProblem(row, fields.length, `expected a comma or the end of the line after a closing quote, got ${describeCell(stray)}`);
            value += stray;
          }
        }
        quoted = null;
      }
      if (end < n && text.charCodeAt(end) === COMMA) {
        fields.push(value);
        fieldChars += value.length + 1;
        p = end + 1;
        continue scan;
      }
      if (fields.length > 0 || wasQuoted || value !== '') {
        if (fieldChars + value.length > MAX_ROW_CHARS) {
          onProblem(row, -1, TOO_LONG);
          return;
        }
        fields.push(value);
        yield { fields, row };
        fields = [];
        fieldChars = 0;
      }
      if (end === n) break scan; // only at the end of the input: otherwise the field would wait
      row = ++line;
      p = end + 1;
    }
    if (final) return;
    if (fieldChars + (quoted === null ? 0 : quotedChars) + rest.length > MAX_ROW_CHARS) {
      onProblem(row, -1, TOO_LONG);
      return;
    }
  }
}

/** End of an unquoted field's text: before the CR of a CRLF and any blanks. */
function trimEnd(text: string, start: number, end: number, atLineEnd: boolean): number {
  let e = end;
  if (atLineEnd && e > start && text.charCodeAt(e - 1) === CR) e--;
  let c = 0;
  while (e > start && ((c = text.charCodeAt(e - 1)) === SPACE || c === TAB)) e--;
  return e;
}

/** Adds text[from, to) to a quoted field's parts; returns the LFs in it, which are lines of the file. */
function pushPart(parts: string[], text: string, from: number, to: number): number {
  if (to <= from) return 0;
  parts.push(text.slice(from, to));
  let lines = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/**
 * A copy of a field that does not keep its whole chunk alive: V8 may make a slice a view into
 * the chunk, so a name kept from each 1 MB chunk would keep the whole file in memory. Concatenating
 * and slicing again flattens it into a string of its own. Use it for the few strings kept.
 */
export function ownCopy(s: string): string {
  return (` ${s}`).slice(1);
}

// ---------------------------------------------------------------------------------------------
// Tables: a header row naming the columns, then rows with as many fields as it.

export interface CsvColumns<C extends string> {
  required: readonly C[];
  optional?: readonly C[];
  /** Other columns are passed over rather than reported (a trace replayed as orders.csv has many more). */
  othersIgnored?: boolean;
  /** Rows after the header beyond `max` are reported once and not read: `what` names them, with the reason. */
  rows?: { max: number; what: string };
}

export interface CsvTable<C extends string> {
  /** Where each column is in a row: -1 for one the header lacks (if required, already reported). */
  at: Record<C, number>;
  /** The header's row (0 for an empty file). */
  headerRow: number;
  /** The rows after the header with as many fields as it; the others are reported and skipped, as is all after `rows.max`. */
  rows: Iterable<CsvRecord>;
}

/**
 * Reads the header of a CSV table, reporting missing required columns and unknown or repeated
 * ones (a typo must not silently drop a column), and then its rows, reporting any whose field
 * count differs from the header's. Columns may come in any order. A column is named in messages
 * as the header writes it, or quoted and cut if that would not read as one short line.
 */
export function csvTable<C extends string>(chunks: Iterable<string>, columns: CsvColumns<C>, issues: TableIssues): CsvTable<C> {
  const known: readonly C[] = [...columns.required, ...(columns.optional ?? [])];
  const at = Object.fromEntries(known.map((c) => [c, -1])) as Record<C, number>;
  let header: string[] = [];
  const records = csvRecords(chunks, (row, field, message) => issues.add(row, shownColumn(header[field] ?? ''), message));
  const first = records.next();
  const expected = expectedColumns(columns);
  if (first.done) {
    // A header too long to read is reported already.
    if (issues.count === 0) issues.add(0, '', `expected a header row naming the columns (${expected}), got an empty file`);
    return { at, headerRow: 0, rows: [] };
  }
  header = first.value.fields;
  const headerRow = first.value.row;
  header.forEach((name, i) => {
    if (name === '') issues.add(headerRow, '', `expected a column name in field ${i + 1} of the header, got an empty cell`);
    else if (!(known as readonly string[]).includes(name)) {
      if (!columns.othersIgnored) issues.add(headerRow, shownColumn(name), `unknown column; expected the columns ${expected}`);
    }
    else if (at[name as C] >= 0) issues.add(headerRow, name, `expected each column once, got it again in field ${i + 1} (first in field ${at[name as C] + 1})`);
    else at[name as C] = i;
  });
  for (const name of columns.required) {
    if (at[name] < 0) issues.add(headerRow, name, `missing from the header; expected the columns ${expected}`);
  }
  return { at, headerRow, rows: rowsLike(header.length, records, issues, columns.rows) };
}

/** A header's name as a message shows it: as written if short and printable, else quoted and cut. */
function shownColumn(name: string): string {
  return name.length <= 40 && !/[\u0000-\u001f\u007f]/.test(name) ? name : describeCell(name);
}

function* rowsLike(width: number, records: Iterator<CsvRecord, void>, issues: TableIssues, cap: CsvColumns<string>['rows']): Generator<CsvRecord, void, undefined> {
  let count = 0;
  for (let r = records.next(); !r.done; r = records.next()) {
    if (cap !== undefined && ++count > cap.max) {
      issues.add(r.value.row, '', `expected at most ${formatNumber(cap.max)} ${cap.what}, got more; the file is read no further`);
      return;
    }
    if (r.value.fields.length === width) yield r.value;
    else issues.add(r.value.row, '', `expected ${width} fields as in the header, got ${r.value.fields.length}`);
  }
}

function expectedColumns({ required, optional = [] }: CsvColumns<string>): string {
  return optional.length === 0 ? required.join(', ') : `${required.join(', ')}, and optionally ${optional.join(', ')}`;
}
