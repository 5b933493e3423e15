// orders.csv: a seller's order history as typed columns in time order, and every problem with it
// as one line naming file, row and column.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochMs } from './iso-time.ts';
import { MAX_ORDERS, readOrdersTable, unknownNames, type KnownNames } from './orders-table.ts';
import { stableOrder } from './stable-order.ts';
import { cellNumber, TableError } from './table-issues.ts';
import { parseDate } from './time.ts';
import { errorLines } from '../../test/helpers/error-lines.ts';

const SEASON = { start: '2022-10-01', end: '2022-12-05' };
const HEADER = 'time,seller,sku,quantity,unitValueCny';

const read = (text: string | string[]) => readOrdersTable('orders.csv', typeof text === 'string' ? [text] : text, SEASON);

/** The error lines of reading `text`. */
function problems(text: string, known?: KnownNames): string[] {
  return errorLines(() => readOrdersTable('orders.csv', [text], SEASON, known), TableError, 'orders.csv');
}

/** A table as text, to compare quickly: vitest compares typed arrays element by element, slowly. */
const digest = (t: object) => JSON.stringify(t, (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));

/** A catalogue of acme's mug and cup and bolt's mug. */
const CATALOGUE: KnownNames = {
  seller: (name) => name === 'acme' || name === 'bolt',
  sku: (seller, sku) => (seller === 'acme' ? sku === 'mug' || sku === 'cup' : sku === 'mug'),
  sellerHint: 'not in the catalogue skus.csv and not a synthetic seller name such as seller-12',
  skuHint: 'not in skus.csv',
};

describe('readOrdersTable: good files', () => {
  it('reads each column into typed arrays, with times in hours from 00:00 China time on the season start', () => {
    const table = read([
      HEADER,
      '2022-10-01T08:30+08:00,acme,mug,2,19.5',
      '2022-10-01T00:30Z,acme,cup,1,5',
      '2022-10-02T00:00+08:00,bolt,mug,3,0.25',
      '2022-10-02T01:00:36.5+09:00,acme,mug,10,1e2',
      '2022-12-05T23:59:59.999+08:00,bolt,mug,1,7',
    ].join('\n'));
    expect(table.file).toBe('orders.csv');
    expect(table.count).toBe(5);
    // 00:00:36.5 China time on the second day; one millisecond before the season's end.
    expect([...table.time]).toEqual([8.5, 8.5, 24, 86_436_500 / 3_600_000, (1584 * 3_600_000 - 1) / 3_600_000]);
    expect(table.sellers).toEqual(['acme', 'bolt']);
    // SKU names are scoped by seller: bolt's mug is not acme's mug.
    expect(table.skus).toEqual([{ seller: 0, name: 'mug' }, { seller: 0, name: 'cup' }, { seller: 1, name: 'mug' }]);
    expect([...table.seller]).toEqual([0, 0, 1, 0, 1]);
    expect([...table.sku]).toEqual([0, 1, 2, 0, 2]);
    expect([...table.quantity]).toEqual([2, 1, 3, 10, 1]);
    expect([...table.unitValueCny]).toEqual([19.5, 5, 0.25, 100, 7]);
    expect([...table.row]).toEqual([2, 3, 4, 5, 6]);
    expect(table.time).toBeInstanceOf(Float64Array);
    expect(table.quantity).toBeInstanceOf(Int32Array);
  });

  it('takes columns in any order, a BOM, CRLF, quoted names with commas and newlines, and blank lines, in any chunks', () => {
    const text = '\uFEFFsku,unitValueCny,time,quantity,seller\r\n"mug, large",12,2022-10-01T01:00+08:00,1,"Acme ""Home""\r\nLtd"\r\n\r\n  cup  ,3,2022-10-01T02:00+08:00,4,x\r\n';
    const table = read(text);
    expect(table.sellers).toEqual(['Acme "Home"\r\nLtd', 'x']);
    expect(table.skus).toEqual([{ seller: 0, name: 'mug, large' }, { seller: 1, name: 'cup' }]);
    expect([...table.time]).toEqual([1, 2]);
    expect([...table.row]).toEqual([2, 5]);
    for (let i = 0; i <= text.length; i++) expect(digest(read([text.slice(0, i), text.slice(i)])), `cut at ${i}`).toBe(digest(table));
  });

  it('sorts rows out of time order, keeping file order among equal times', () => {
    const table = read([
      HEADER,
      '2022-10-03T00:00+08:00,a,s,1,1',
      '2022-10-02T00:00+08:00,a,s,2,1',
      '2022-10-03T00:00+08:00,b,s,3,1',
      '2022-10-01T16:00Z,c,s,4,1', // the same instant as row 2
      '2022-10-01T00:00+08:00,b,s,5,1',
    ].join('\n'));
    expect([...table.time]).toEqual([0, 24, 24, 48, 48]);
    expect([...table.quantity]).toEqual([5, 2, 4, 1, 3]);
    expect([...table.row]).toEqual([6, 3, 5, 2, 4]);
    expect([...table.seller]).toEqual([1, 0, 2, 0, 1]);
    expect(table.sellers).toEqual(['a', 'b', 'c']); // still in order of first appearance in the file
  });

  it('reads a header alone as no orders', () => {
    const table = read(`${HEADER}\n`);
    expect(table.count).toBe(0);
    expect(table.time).toEqual(new Float64Array(0));
  });

  it('grows past its first allocations and gives the same table whatever the chunks', () => {
    const lines = Array.from({ length: 1500 }, (_, i) => `2022-10-${String(1 + (i % 30)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00+08:00,s${i % 4},"k,${i % 700}",${1 + (i % 5)},${(i % 9) + 0.5}`);
    const text = [HEADER, ...lines].join('\r\n');
    const whole = read(text);
    expect(whole.count).toBe(1500);
    expect(whole.skus).toHaveLength(700);
    for (let i = 0; i < whole.count; i++) { // each order still names the seller and SKU of its row
      const line = whole.row[i] - 2;
      const sku = whole.skus[whole.sku[i]];
      expect([whole.sellers[whole.seller[i]], sku.seller, sku.name]).toEqual([`s${line % 4}`, whole.seller[i], `k,${line % 700}`]);
    }
    const want = digest(whole);
    fc.assert(fc.property(fc.array(fc.nat({ max: text.length }), { maxLength: 40, size: 'max' }), (cuts) => {
      const at = [...new Set(cuts)].sort((a, b) => a - b);
      const chunks = [0, ...at].map((from, i) => text.slice(from, [...at, text.length][i]));
      expect(digest(read(chunks))).toBe(want);
    }), { numRuns: 25 });
  });
});

describe('readOrdersTable: problems', () => {
  it('says what is wrong with each bad row in one line naming file, row and column', () => {
    const text = [
      'time,seller,sku,quantity',
      '2022-10-01T08:30+08:00,acme,mug,1',
      '2022-10-01T25:00+08:00,acme,mug,1',
      '2022-10-02T09:00+08:00,acme,cup,-3',
      '2022-10-02T10:00+08:00,zenith,mug,1',
      '2022-10-02T10:30+08:00,zenith,teapot,1',
      '2022-10-02T11:00+08:00,acme,teapot,2',
    ].join('\n');
    expect(problems(text, CATALOGUE).join('\n')).toBe([
      'orders.csv: row 1, column unitValueCny: missing from the header; expected the columns time, seller, sku, quantity, unitValueCny',
      'orders.csv: row 3, column time: expected an ISO date-time with offset, e.g. 2022-11-25T09:30+08:00, got "2022-10-01T25:00+08:00"',
      'orders.csv: row 4, column quantity: expected a whole number >= 1, got "-3"',
      'orders.csv: row 5, column seller: unknown seller "zenith" (not in the catalogue skus.csv and not a synthetic seller name such as seller-12)',
      'orders.csv: row 7, column sku: unknown SKU "teapot" of seller "acme" (not in skus.csv)',
    ].join('\n'));
  });

  it('refuses times outside the season: before its first midnight, or from the midnight after its last day', () => {
    expect(problems([
      HEADER,
      '2022-09-30T23:59:59+08:00,a,s,1,1',
      '2022-09-30T16:00Z,a,s,1,1', // 00:00 China time: the first instant of the season
      '2022-12-05T23:59+08:00,a,s,1,1',
      '2022-12-06T00:00+08:00,a,s,1,1',
      '2022-12-05T16:00Z,a,s,1,1',
    ].join('\n'))).toEqual([
      'orders.csv: row 2, column time: expected a time inside the season 2022-10-01 to 2022-12-05, got "2022-09-30T23:59:59+08:00"',
      'orders.csv: row 5, column time: expected a time inside the season 2022-10-01 to 2022-12-05, got "2022-12-06T00:00+08:00"',
      'orders.csv: row 6, column time: expected a time inside the season 2022-10-01 to 2022-12-05, got "2022-12-05T16:00Z"',
    ]);
  });

  it.each([
    ['2022-10-01', 'a date without a time'],
    ['2022-10-01T08:30', 'no offset'],
    ['2022-10-01 08:30+08:00', 'a space for T'],
    ['2022-02-29T08:30+08:00', 'a day that does not exist'],
    ['2022-10-01T08:60+08:00', 'minute 60'],
    ['2022-10-01T08:30+15:00', 'an offset beyond 14 hours'],
    ['2022-10-01T08:30:00.1234567890Z', 'ten fraction digits'],
    ['1664584200000', 'epoch milliseconds'],
  ])('refuses the time %j (%s)', (time) => {
    expect(problems(`${HEADER}\n${time},a,s,1,1\n`)).toEqual([
      `orders.csv: row 2, column time: expected an ISO date-time with offset, e.g. 2022-11-25T09:30+08:00, got ${JSON.stringify(time)}`,
    ]);
  });

  it('refuses quantities that are not whole numbers >= 1 and values that are not numbers > 0', () => {
    const bad = [['0', '1'], ['1.5', '1'], ['', '1'], ['3000000000', '1'], ['1', '0'], ['1', '-2'], ['1', 'Infinity'], ['1', '0x10'], ['1', ' '], ['1', 'NaN']];
    const text = [HEADER, ...bad.map(([q, v]) => `2022-10-01T08:30+08:00,a,s,${q},"${v}"`)].join('\n');
    expect(problems(text)).toEqual([
      'orders.csv: row 2, column quantity: expected a whole number >= 1, got "0"',
      'orders.csv: row 3, column quantity: expected a whole number >= 1, got "1.5"',
      'orders.csv: row 4, column quantity: expected a whole number >= 1, got an empty cell',
      'orders.csv: row 5, column quantity: expected a whole number up to 1,000,000,000 (units, at most a billion), got "3000000000"',
      'orders.csv: row 6, column unitValueCny: expected a number > 0, got "0"',
      'orders.csv: row 7, column unitValueCny: expected a number > 0, got "-2"',
      'orders.csv: row 8, column unitValueCny: expected a number > 0, got "Infinity"',
      'orders.csv: row 9, column unitValueCny: expected a number > 0, got "0x10"',
      'orders.csv: row 10, column unitValueCny: expected a number > 0, got " "',
      'orders.csv: row 11, column unitValueCny: expected a number > 0, got "NaN"',
    ]);
  });

  it('passes over other columns (a trace replays as it is); reports empty names and rows of the wrong width', () => {
    expect(read(`${HEADER},outcome\n2022-10-01T08:30+08:00,a,s,1,1,fulfilled\n`).quantity).toEqual(Int32Array.of(1));
    expect(problems(`${HEADER},qty\n2022-10-01T08:30+08:00,a,s,1,1,2\n2022-10-01T08:30+08:00,,"  ",1,1,2\n2022-10-01T08:30+08:00,a\n`)).toEqual([
      'orders.csv: row 3, column seller: expected a seller name, got an empty cell',
      'orders.csv: row 3, column sku: expected a SKU name, got "  "',
      'orders.csv: row 4: expected 6 fields as in the header, got 2',
    ]);
  });

  it('lists the first 20 problems and counts the rest', () => {
    const text = [HEADER, ...Array.from({ length: 25 }, (_, i) => `2022-10-01T08:30+08:00,a,s,-${i},1`)].join('\n');
    let error: unknown;
    try { read(text); } catch (err) { error = err; }
    expect(error).toBeInstanceOf(TableError);
    const lines = (error as TableError).message.split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[19]).toBe('orders.csv: row 21, column quantity: expected a whole number >= 1, got "-19"');
    expect(lines[20]).toBe('… and 5 more problems in orders.csv');
    expect((error as TableError).count).toBe(25);
  });
});

describe('unknownNames', () => {
  it('reports each unknown seller, and each unknown SKU of a known seller, once at the first row using it', () => {
    const table = read([
      HEADER,
      '2022-10-05T00:00+08:00,zenith,mug,1,1', // row 2, sorted after row 3
      '2022-10-01T00:00+08:00,zenith,mug,1,1',
      '2022-10-02T00:00+08:00,acme,teapot,1,1',
      '2022-10-01T00:00+08:00,acme,teapot,1,1',
      '2022-10-01T00:00+08:00,acme,mug,1,1',
      '2022-10-01T00:00+08:00,bolt,cup,1,1',
    ].join('\n'));
    expect(unknownNames(table, CATALOGUE)).toEqual([
      { file: 'orders.csv', row: 2, column: 'seller', message: 'unknown seller "zenith" (not in the catalogue skus.csv and not a synthetic seller name such as seller-12)' },
      { file: 'orders.csv', row: 4, column: 'sku', message: 'unknown SKU "teapot" of seller "acme" (not in skus.csv)' },
      { file: 'orders.csv', row: 7, column: 'sku', message: 'unknown SKU "cup" of seller "bolt" (not in skus.csv)' },
    ]);
    expect(unknownNames(table, { seller: () => true, sku: () => false })[0].message).toBe('unknown SKU "mug" of seller "zenith"');
  });
});

describe('epochMs', () => {
  it('reads date-times exactly as parseDate does (property)', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const dateTime = fc.record({
      ms: fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 11, 31) }),
      seconds: fc.boolean(),
      fraction: fc.option(fc.stringMatching(/^\d{1,9}$/)),
      zone: fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 59 })).map(([s, h, m]) => `${s}${two(h)}:${two(m)}`)),
    }).map(({ ms, seconds, fraction, zone }) => {
      const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
      return iso.slice(0, 16) + (seconds ? iso.slice(16, 19) + (fraction === null ? '' : `.${fraction}`) : '') + zone;
    });
    fc.assert(fc.property(dateTime, (s) => {
      expect(epochMs(s)).toBe(parseDate(s)!.epochMs);
    }), { numRuns: 1000 });
  });

  it('reads a leap day and refuses what parseDate refuses', () => {
    expect(epochMs('2024-02-29T00:00Z')).toBe(Date.UTC(2024, 1, 29));
    for (const s of ['2100-02-29T00:00Z', '2022-04-31T00:00Z', '2022-10-01T24:00Z', '2022-10-01T08:00:60Z', '2022-10-01T08:00+08', '2022-10-01T08:00z', '2022-10-01', '']) {
      expect(epochMs(s), s).toBeNaN();
    }
  });
});

describe('cellNumber', () => {
  it('reads plain decimals exactly as Number() does, whatever their length (property)', () => {
    const digits = fc.stringMatching(/^\d{0,20}$/);
    const decimal = fc.tuple(fc.constantFrom('', '-', '+'), digits, fc.option(digits)).map(([sign, whole, fraction]) => `${sign}${whole}${fraction === null ? '' : `.${fraction}`}`);
    fc.assert(fc.property(decimal, (text) => {
      const want = /\d/.test(text) ? Number(text) + 0 : NaN; // a minus zero reads as 0
      expect(Object.is(cellNumber(text), want), `${text}: ${cellNumber(text)} vs ${want}`).toBe(true);
    }), { numRuns: 3000 });
  });

  it('takes exponents; refuses empty, blank, padded, hex, binary, octal, infinite and non-ASCII digit text', () => {
    expect(['1e3', '-2.5E-1', '.5', '5.', '+1e+2', '0e-400', '1e-320', '0012'].map(cellNumber)).toEqual([1000, -0.25, 0.5, 5, 100, 0, 1e-320, 12]);
    expect(Object.is(cellNumber('-0'), 0) && Object.is(cellNumber('-0.0e5'), 0)).toBe(true);
    const refused = ['', '   ', ' 7 ', '7\t', '\u00a07', '0x10', '0b1', '0O7', 'Infinity', '-Infinity', '1e400', '-1e400', '1e-400', '0.0001e-330', 'NaN', '1,5', '1_0', '--1', '.', 'e5', '1e', '1e+', '٣', '１'];
    for (const text of refused) expect(cellNumber(text), text).toBeNaN();
    // A long cell that is nearly a number is refused in one pass (a backtracking pattern would take minutes).
    expect(cellNumber(`${'1'.repeat(1 << 20)}x`)).toBeNaN();
    expect(cellNumber(`1${'0'.repeat(400)}`)).toBeNaN(); // Infinity
  });
});

describe('stableOrder', () => {
  it('merges runs that overlap only a little at their ends', () => {
    const key = Float64Array.from([...Array.from({ length: 40 }, (_, i) => i / 4 + 0.5), ...Array.from({ length: 40 }, (_, i) => 10 + i)]);
    // The first run ends at 10.25, just after the second one's 10.
    expect([...stableOrder(key, key.length)].slice(38, 42)).toEqual([38, 40, 39, 41]);
  });

  it('orders positions by key, ties by position, whatever runs the keys hold (property)', () => {
    const keys = fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 100, noNaN: true })), { maxLength: 300, size: 'max' }); // long enough to merge runs
    fc.assert(fc.property(keys, fc.boolean(), (list, grouped) => {
      // Grouped: ascending runs one after another, as in a file sorted by seller and then time.
      const values = grouped ? list.map((x, i) => (i % 37) + x / 1000) : list;
      const key = Float64Array.from(values);
      const want = values.map((_, i) => i).sort((a, b) => key[a] - key[b] || a - b);
      expect([...stableOrder(key, key.length)]).toEqual(want);
    }), { numRuns: 300 });
  });
});

describe('readOrdersTable: bounds (docs/scenario-format.md, "Limits")', () => {
  const at = '2022-10-01T08:30+08:00';

  it('bounds quantity and price as the scenario\'s units and money, naming the side that is broken', () => {
    const rows = [['1000000000', '1000000000'], ['1000000001', '1'], ['1', '1000000001'], ['-0', '-0'], ['"2 "', '" 3"'], ['1e0', '1e-400']];
    expect(problems([HEADER, ...rows.map(([q, v], i) => `${at},a,s${i},${q},${v}`)].join('\n'))).toEqual([
      'orders.csv: row 3, column quantity: expected a whole number up to 1,000,000,000 (units, at most a billion), got "1000000001"',
      'orders.csv: row 4, column unitValueCny: expected a number up to 1,000,000,000 (CNY, at most a billion), got "1000000001"',
      'orders.csv: row 5, column quantity: expected a whole number >= 1, got "-0"',
      'orders.csv: row 5, column unitValueCny: expected a number > 0, got "-0"',
      'orders.csv: row 6, column quantity: expected a whole number >= 1, got "2 "',
      'orders.csv: row 6, column unitValueCny: expected a number > 0, got " 3"',
      'orders.csv: row 7, column unitValueCny: expected a number > 0, got "1e-400"',
    ]);
    const top = read(`${HEADER}\n${at},a,s,1000000000,1000000000\n${at},a,t, 1e0 ,1e-9\n`);
    expect([...top.quantity, ...top.unitValueCny]).toEqual([1e9, 1, 1e9, 1e-9]);
  });

  it('refuses names over 200 characters, and quotes long names cut in messages', () => {
    const long = 'n'.repeat(201), name = 'm'.repeat(200), cut = (c: string) => `"${c.repeat(40)}…"`;
    expect(problems(`${HEADER}\n${at},${long},mug,1,1\n${at},acme,${long},1,1\n${at},${name},${name},1,1\n`, CATALOGUE)).toEqual([
      `orders.csv: row 2, column seller: expected a seller name of at most 200 characters, got 201: ${cut('n')}`,
      `orders.csv: row 3, column sku: expected a SKU name of at most 200 characters, got 201: ${cut('n')}`,
      `orders.csv: row 4, column seller: unknown seller ${cut('m')} (not in the catalogue skus.csv and not a synthetic seller name such as seller-12)`,
    ]);
  });

  it('names an ignored column of any name in one short line', () => {
    expect(problems(`${HEADER},"note\nabout ${'x'.repeat(50)}"\n${at},a,s,1,1,"x"y\n`)).toEqual([
      `orders.csv: row 3, column "note\\nabout ${'x'.repeat(29)}…": expected a comma or the end of the line after a closing quote, got "y"`,
    ]);
  });

  it('stops at a row longer than a mebibyte, with one line for it', () => {
    expect(problems(`${HEADER}\n${at},a,"${'s'.repeat(1 << 20)}",1,1\n${at},a,s,0,1\n`)).toEqual([
      'orders.csv: row 2: expected a row of at most 1,048,576 characters, got more; the file is read no further',
    ]);
  });

  it(`stops after ${MAX_ORDERS.toLocaleString('en-US')} orders, which are held in memory all season`, () => {
    // Rows of the wrong width cost the reader least: one problem each up to the cap, then one for
    // the cap (csv.test.ts has its words), and nothing after it, though the file goes on.
    const block = 'x\n'.repeat(1 << 16);
    function* chunks() {
      yield `${HEADER}\n`;
      for (let rows = 0; rows <= MAX_ORDERS; rows += 1 << 16) yield block;
    }
    let error: unknown;
    try { readOrdersTable('orders.csv', chunks(), SEASON); } catch (err) { error = err; }
    expect(error).toBeInstanceOf(TableError);
    expect((error as TableError).count).toBe(MAX_ORDERS + 1);
  });
});
