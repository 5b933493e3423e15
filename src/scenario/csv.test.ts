// CSV splitting: RFC-4180 records with the line each starts on, whatever the chunk boundaries, and
// the header that binds a table's columns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords, csvTable, MAX_ROW_CHARS, type CsvRecord } from './csv.ts';
import { TableIssues } from './table-issues.ts';

/** Records and problems of `chunks`, problems as "row:field: message". */
function split(chunks: Iterable<string>): { records: CsvRecord[]; problems: string[] } {
  const problems: string[] = [];
  const records = [...csvRecords(chunks, (row, field, message) => problems.push(`${row}:${field}: ${message}`))];
  return { records, problems };
}

/** Every way of cutting `text` in two, and in single characters. */
function cuttings(text: string): string[][] {
  const out = [...text].map((_, i) => [text.slice(0, i), text.slice(i)]);
  out.push([...text], [text, ''], ['', text]);
  return out;
}

describe('csvRecords', () => {
  it('numbers records by the line they start on, skipping blank lines', () => {
    expect(split(['a,b\n\n  \nc,d\n']).records).toEqual([{ fields: ['a', 'b'], row: 1 }, { fields: ['c', 'd'], row: 4 }]);
  });

  it('reads CRLF and LF alike, with or without a final line end', () => {
    const want = [{ fields: ['a', 'b'], row: 1 }, { fields: ['c', 'd'], row: 2 }];
    expect(split(['a,b\r\nc,d\r\n']).records).toEqual(want);
    expect(split(['a,b\nc,d']).records).toEqual(want);
    expect(split(['a,b\r\nc,d\r']).records).toEqual(want);
  });

  it('drops a UTF-8 byte-order mark, even alone in the first chunk', () => {
    expect(split(['\uFEFFtime,x\n']).records[0].fields).toEqual(['time', 'x']);
    expect(split(['', '\uFEFF', 'time,x\n']).records[0].fields).toEqual(['time', 'x']);
  });

  it('keeps commas, newlines, doubled quotes and blanks inside quotes; trims unquoted fields', () => {
    const { records, problems } = split(['"a, b","say ""hi""",  c d  ," x "\n"multi\r\nline",\t""\n2,3']);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { fields: ['a, b', 'say "hi"', 'c d', ' x '], row: 1 },
      { fields: ['multi\r\nline', ''], row: 2 },
      { fields: ['2', '3'], row: 4 },
    ]);
  });

  it('keeps empty fields, and a line of only "" as one empty field', () => {
    expect(split([',a,,\n""\n']).records).toEqual([{ fields: ['', 'a', '', ''], row: 1 }, { fields: [''], row: 2 }]);
  });

  it('reports a quote left open at the end, at the row where it opens', () => {
    const { records, problems } = split(['a,b\nc,"open\nand on\n']);
    expect(problems).toEqual(['2:1: expected a closing quote (") for the quoted field that opens on this row, got the end of the file']);
    expect(records).toEqual([{ fields: ['a', 'b'], row: 1 }, { fields: ['c', 'open\nand on\n'], row: 2 }]);
  });

  it('reports text after a closing quote, keeping it in the field', () => {
    const { records, problems } = split(['a,"b"c ,d\n']);
    expect(problems).toEqual(['1:1: expected a comma or the end of the line after a closing quote, got "c"']);
    expect(records[0].fields).toEqual(['a', 'bc', 'd']);
  });

  describe(`a record of more than ${MAX_ROW_CHARS} characters`, () => {
    const TOO_LONG = 'expected a row of at most 1,048,576 characters, got more; the file is read no further';
    /** `text` in chunks of 64 KiB, counting those asked for. */
    function counted(text: string) {
      const asked = { chunks: 0, of: Math.ceil(text.length / 65_536) };
      function* chunks() {
        for (let at = 0; at < text.length; at += 65_536, asked.chunks++) yield text.slice(at, at + 65_536);
      }
      return { asked, chunks: chunks() };
    }

    it('is read when it is exactly that long, commas included, in one chunk or many', () => {
      const row = `${'a'.repeat(MAX_ROW_CHARS - 4)},"b",c\nd\n`;
      const want = { records: [{ fields: [`${'a'.repeat(MAX_ROW_CHARS - 4)}`, 'b', 'c'], row: 1 }, { fields: ['d'], row: 2 }], problems: [] };
      expect(split([row])).toEqual(want);
      expect(split(counted(row).chunks)).toEqual(want);
    });

    it('ends the records with one problem for its row, whether it ends in this chunk or not', () => {
      const text = `a\n${'b'.repeat(MAX_ROW_CHARS - 1)},"c"\nd\n`;
      const want = { records: [{ fields: ['a'], row: 1 }], problems: [`2:-1: ${TOO_LONG}`] };
      expect(split([text])).toEqual(want);
      expect(split(counted(text).chunks)).toEqual(want);
    });

    it('is refused without reading the rest of the file: a quote never closed, or no line end at all', () => {
      const texts = [`a,"${'b\n'.repeat(2 * MAX_ROW_CHARS)}`, `a,"${'""b'.repeat(2 * MAX_ROW_CHARS)}`, `a,${'b'.repeat(4 * MAX_ROW_CHARS)}`];
      for (const text of texts) {
        const { asked, chunks } = counted(text);
        expect(split(chunks)).toEqual({ records: [], problems: [`1:-1: ${TOO_LONG}`] });
        expect(asked.chunks, text.slice(0, 5)).toBeLessThan(asked.of / 2); // each text is 4 limits long or more
      }
    });
  });

  it('gives the same records and problems wherever the chunks are cut', () => {
    const text = '\uFEFFtime, "a,""b""\r\nc" ,x\r\n\r\n"d"  ,e\n,\n"f""",g h\r\n"unclosed\r\n';
    const whole = split([text]);
    expect(whole.records).toHaveLength(5);
    for (const chunks of cuttings(text)) expect(split(chunks), JSON.stringify(chunks)).toEqual(whole);
  });

  it('reads back any table written with RFC-4180 quoting, in any chunks (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', '\r', 'é') });
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 });
    fc.assert(fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (rows, cuts, crlf) => {
      // Quote a cell when it must be, or when its blanks would otherwise be trimmed (and for a lone empty cell, which would read as a blank line).
      const encode = (c: string, alone: boolean) => (/[",\r\n]|^\s|\s$/.test(c) || (alone && c === '') ? `"${c.replaceAll('"', '""')}"` : c);
      const lines = rows.map((r) => r.map((c) => encode(c, r.length === 1)).join(','));
      const text = lines.join(crlf ? '\r\n' : '\n');
      const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
      const chunks = [0, ...at].map((from, i) => text.slice(from, [...at, text.length][i]));
      const want = rows.map((fields, i) => ({ fields, row: 1 + lines.slice(0, i).reduce((n, l) => n + l.split('\n').length, 0) }));
      expect(split(chunks)).toEqual({ records: want, problems: [] });
    }), { numRuns: 300 });
  });
});

describe('csvTable', () => {
  const columns = { required: ['id', 'name'], optional: ['note'] } as const;

  it('finds columns in any order; an optional column left out is -1', () => {
    const issues = new TableIssues('t.csv');
    const table = csvTable(['name,id\nx,1\n'], columns, issues);
    expect(table.at).toEqual({ id: 1, name: 0, note: -1 });
    expect(table.headerRow).toBe(1);
    expect([...table.rows]).toEqual([{ fields: ['x', '1'], row: 2 }]);
    expect(issues.count).toBe(0);
  });

  it('reports missing, unknown, repeated and unnamed columns, and rows of the wrong width', () => {
    const issues = new TableIssues('t.csv');
    const table = csvTable(['id,nmae,id,\n1,2,3,4\n1,2\n'], columns, issues);
    expect([...table.rows].map((r) => r.row)).toEqual([2]);
    expect(() => issues.throwIfAny()).toThrow([
      't.csv: row 1, column nmae: unknown column; expected the columns id, name, and optionally note',
      't.csv: row 1, column id: expected each column once, got it again in field 3 (first in field 1)',
      't.csv: row 1: expected a column name in field 4 of the header, got an empty cell',
      't.csv: row 1, column name: missing from the header; expected the columns id, name, and optionally note',
      't.csv: row 3: expected 4 fields as in the header, got 2',
    ].join('\n'));
  });

  it('reports an empty file for the file as a whole', () => {
    const issues = new TableIssues('t.csv');
    expect([...csvTable(['\n\n'], columns, issues).rows]).toEqual([]);
    expect(() => issues.throwIfAny()).toThrow(/^t\.csv: expected a header row naming the columns \(id, name, and optionally note\), got an empty file$/);
  });

  it('stops after `rows.max` rows, good or not, with one problem for the row that passes it', () => {
    const issues = new TableIssues('t.csv');
    const table = csvTable(['id,name\n1,a\n2\n\n3,c\n4,d\n5,e\n'], { ...columns, rows: { max: 3, what: 'things (a reason)' } }, issues);
    expect([...table.rows].map((r) => r.fields[0])).toEqual(['1', '3']);
    expect(() => issues.throwIfAny()).toThrow([
      't.csv: row 3: expected 2 fields as in the header, got 1',
      't.csv: row 6: expected at most 3 things (a reason), got more; the file is read no further',
    ].join('\n'));
  });

  it('reports a header too long to read once, not also as an empty file', () => {
    const issues = new TableIssues('t.csv');
    expect([...csvTable([`id,${'n'.repeat(MAX_ROW_CHARS)}\n1,a\n`], columns, issues).rows]).toEqual([]);
    expect(() => issues.throwIfAny()).toThrow(/^t\.csv: row 1: expected a row of at most 1,048,576 characters, got more; the file is read no further$/);
  });

  it('names an unknown column as written if short and printable, else quoted and cut', () => {
    const issues = new TableIssues('t.csv');
    csvTable([`id,name,"a\rb",${'c'.repeat(41)}\n`], columns, issues);
    expect(() => issues.throwIfAny()).toThrow([
      't.csv: row 1, column "a\\rb": unknown column; expected the columns id, name, and optionally note',
      `t.csv: row 1, column "${'c'.repeat(40)}…": unknown column; expected the columns id, name, and optionally note`,
    ].join('\n'));
  });

  it('names the column of a problem the splitter finds', () => {
    const issues = new TableIssues('t.csv');
    expect([...csvTable(['id,name\n1,"x"y\n'], columns, issues).rows]).toHaveLength(1);
    expect(() => issues.throwIfAny()).toThrow('t.csv: row 2, column name: expected a comma or the end of the line after a closing quote, got "y"');
  });
});
