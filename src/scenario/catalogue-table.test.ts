// skus.csv: a seller's catalogue as typed columns grouped by seller, and every problem with it as one
// line naming file, row and column.
import { describe, expect, it } from 'vitest';
import { readCatalogueTable } from './catalogue-table.ts';
import { LIMITS } from './fields.ts';
import { TableError } from './table-issues.ts';
import { errorLines } from '../../test/helpers/error-lines.ts';

const FULL = 'seller,sku,class,unitValueCny,unitWeightKg,region,leadTimeMedianHours,leadTimeP90Hours,openingStock,reorderPoint,orderUpTo';

const read = (text: string) => readCatalogueTable('skus.csv', [text]);

/** The error lines of reading `text`. */
function problems(text: string): string[] {
  return errorLines(() => read(text), TableError, 'skus.csv');
}

describe('readCatalogueTable: good files', () => {
  it('reads every column, groups SKUs by seller in file order, and marks cells not given, in any chunks', () => {
    const text = [
      FULL,
      'acme,mug,large,19.5,0.4,shenzhen,48,96,10,5,20',
      'bolt,bolt-1,small,3,0.05,,,,,,',
      'acme,cup,large,5,0.2,,24,24,0,,',
      'bolt,"bolt, 2",small,7.25,1.5,foshan,,,,0,1',
    ].join('\n');
    const table = read(text);
    for (let i = 0; i <= text.length; i++) expect(readCatalogueTable('skus.csv', [text.slice(0, i), text.slice(i)]), `cut at ${i}`).toEqual(table);
    expect(table.file).toBe('skus.csv');
    expect(table.sellers).toEqual([
      // A row that leaves the region empty does not disagree with one that gives it.
      { name: 'acme', sizeClass: 'large', region: 'shenzhen', firstSku: 0, skuCount: 2 },
      { name: 'bolt', sizeClass: 'small', region: 'foshan', firstSku: 2, skuCount: 2 },
    ]);
    expect(table.skuName).toEqual(['mug', 'cup', 'bolt-1', 'bolt, 2']);
    expect([...table.skuSeller]).toEqual([0, 0, 1, 1]);
    expect([...table.unitValueCny]).toEqual([19.5, 5, 3, 7.25]);
    expect([...table.unitWeightKg]).toEqual([0.4, 0.2, 0.05, 1.5]);
    expect([...table.leadTimeMedianHours]).toEqual([48, 24, NaN, NaN]);
    expect([...table.leadTimeP90Hours]).toEqual([96, 24, NaN, NaN]);
    expect([...table.openingStock]).toEqual([10, 0, -1, -1]);
    expect([...table.reorderPoint]).toEqual([5, -1, -1, 0]);
    expect([...table.orderUpTo]).toEqual([20, -1, -1, 1]);
    expect(table.skuSeller).toBeInstanceOf(Int32Array);
    expect(table.leadTimeP90Hours).toBeInstanceOf(Float64Array);
  });

  it('takes the required columns alone, in any order, with the scenario defaults for the rest', () => {
    const table = read('\uFEFFunitWeightKg,class,sku,unitValueCny,seller\r\n1,medium,a,2,s\r\n');
    expect(table.sellers).toEqual([{ name: 's', sizeClass: 'medium', region: null, firstSku: 0, skuCount: 1 }]);
    expect([...table.unitValueCny, ...table.unitWeightKg]).toEqual([2, 1]);
    expect([...table.leadTimeMedianHours, ...table.leadTimeP90Hours]).toEqual([NaN, NaN]);
    expect([...table.openingStock, ...table.reorderPoint, ...table.orderUpTo]).toEqual([-1, -1, -1]);
  });

  it('lets two sellers use the same SKU name', () => {
    const table = read('seller,sku,class,unitValueCny,unitWeightKg\na,mug,small,1,1\nb,mug,small,1,1\n');
    expect(table.skuName).toEqual(['mug', 'mug']);
    expect([...table.skuSeller]).toEqual([0, 1]);
  });
});

describe('readCatalogueTable: problems', () => {
  it('says what is wrong with each bad row in one line naming file, row and column', () => {
    const text = [
      'seller,sku,class,unitValueCny,unitWeightKg,region,leadTimeMedianHours,leadTimeP90Hours,reorderPoint,orderUpTo',
      'acme,mug,large,19.5,0.4,shenzhen,48,96,5,20',
      'acme,cup,small,5,0.2,,,,,',
      'acme,plate,medium,5,0.2,,,,,', // disagrees too, but the first disagreement says it
      'acme,mug,large,5,0.2,,,,,',
      'bolt,mug,small,5,0.2,,48,24,,',
      'bolt,cup,small,5,0.2,,48,,,',
      'bolt,pan,small,5,0.2,,,,5,',
      'bolt,pot,small,5,0.2,,,,5,5',
      'bolt,lid,small,5,0.2,guangzhou,,,,',
      'bolt,jar,small,5,0.2,dongguan,,,,',
      'cato,x,huge,0x10,0,mars,,,1.5,2',
    ].join('\n');
    expect(problems(text).join('\n')).toBe([
      'skus.csv: row 3, column class: expected "large" as on row 2 for seller "acme" (one class per seller), got "small"',
      'skus.csv: row 5, column sku: expected each SKU once per seller, got "mug" of seller "acme" again (first on row 2)',
      'skus.csv: row 6, column leadTimeP90Hours: expected a number >= leadTimeMedianHours (48), got "24"',
      'skus.csv: row 7, column leadTimeP90Hours: expected a value too, since leadTimeMedianHours is given (both or neither), got an empty cell',
      'skus.csv: row 8, column orderUpTo: expected a value too, since reorderPoint is given (both or neither), got an empty cell',
      'skus.csv: row 9, column orderUpTo: expected a whole number > reorderPoint (5), got "5"',
      'skus.csv: row 11, column region: expected "guangzhou" as on row 10 for seller "bolt" (one region per seller), got "dongguan"',
      'skus.csv: row 12, column class: expected one of large, medium, small, got "huge"',
      'skus.csv: row 12, column unitValueCny: expected a number > 0, got "0x10"',
      'skus.csv: row 12, column unitWeightKg: expected a number > 0, got "0"',
      'skus.csv: row 12, column region: expected one of shenzhen, guangzhou, dongguan, foshan, restOfGuangdong, neighbouringProvinces or an empty cell, got "mars"',
      'skus.csv: row 12, column reorderPoint: expected a whole number >= 0, got "1.5"',
    ].join('\n'));
  });

  it('wants both columns of a pair or neither in the header', () => {
    expect(problems('seller,sku,class,unitValueCny,unitWeightKg,leadTimeMedianHours,orderUpTo\na,b,small,1,1,48,3\n')).toEqual([
      'skus.csv: row 1, column leadTimeP90Hours: missing from the header; expected it with leadTimeMedianHours (both or neither)',
      'skus.csv: row 1, column reorderPoint: missing from the header; expected it with orderUpTo (both or neither)',
    ]);
  });

  it('reports a missing required column once, not on every row', () => {
    expect(problems('seller,sku,class,unitValueCny\na,b,small,1\na,c,small,1\n')).toEqual([
      'skus.csv: row 1, column unitWeightKg: missing from the header; expected the columns seller, sku, class, unitValueCny, unitWeightKg, and optionally region, leadTimeMedianHours, leadTimeP90Hours, openingStock, reorderPoint, orderUpTo',
    ]);
  });

  it('refuses stock that is not a whole number >= 0, lead times under a minute, and empty names', () => {
    expect(problems(`${FULL}\na,b,small,1,1,,0,1,-1,,\n,"",small,1,1,,,,Infinity,,\n`)).toEqual([
      'skus.csv: row 2, column leadTimeMedianHours: expected a number >= 0.016667 (hours, from a minute to a year), got "0"',
      'skus.csv: row 2, column openingStock: expected a whole number >= 0, got "-1"',
      'skus.csv: row 3, column seller: expected a seller name, got an empty cell',
      'skus.csv: row 3, column sku: expected a SKU name, got an empty cell',
      'skus.csv: row 3, column openingStock: expected a whole number >= 0, got "Infinity"',
    ]);
  });
});

describe('readCatalogueTable: bounds (docs/scenario-format.md, "Limits")', () => {
  const STOCK_CAP = 'a whole number up to 1,000,000,000 (units, at most a billion)';

  it('bounds every number as the scenario field it stands for, naming the side that is broken', () => {
    const text = [
      FULL,
      'a,top,small,1000000000,1000,,438,8760,1000000000,999999999,1000000000', // every cell at its upper limit
      'a,low,small,1e-9,1e-9,,0.016666666666666666,0.3333333333333333,0,0,1', // and at its lower one (1/60 h, 20/60 h)
      'a,b,small,1000000001,1000.5,,8761,8761,1000000001,,',
      'a,c,small,1e400,-0,,0.01,0.01,,1e9,1000000001',
      'a,d,small,"1e-400",1,,1,20.5,1e-400,,',
    ].join('\n');
    const good = read(text.split('\n').slice(0, 3).join('\n'));
    expect([...good.unitValueCny, ...good.unitWeightKg, ...good.leadTimeMedianHours, ...good.leadTimeP90Hours]).toEqual([1e9, 1e-9, 1000, 1e-9, 438, 1 / 60, 8760, 20 / 60]);
    expect([...good.openingStock, ...good.reorderPoint, ...good.orderUpTo]).toEqual([1e9, 0, 999_999_999, 0, 1e9, 1]);
    expect(problems(text)).toEqual([
      'skus.csv: row 4, column unitValueCny: expected a number up to 1,000,000,000 (CNY, at most a billion), got "1000000001"',
      'skus.csv: row 4, column unitWeightKg: expected a number up to 1,000 (kg, at most a tonne), got "1000.5"',
      'skus.csv: row 4, column leadTimeMedianHours: expected a number up to 8,760 (hours, from a minute to a year), got "8761"',
      'skus.csv: row 4, column leadTimeP90Hours: expected a number up to 8,760 (hours, from a minute to a year), got "8761"',
      `skus.csv: row 4, column openingStock: expected ${STOCK_CAP}, got "1000000001"`,
      'skus.csv: row 5, column unitValueCny: expected a number > 0, got "1e400"',
      'skus.csv: row 5, column unitWeightKg: expected a number > 0, got "-0"',
      'skus.csv: row 5, column leadTimeMedianHours: expected a number >= 0.016667 (hours, from a minute to a year), got "0.01"',
      'skus.csv: row 5, column leadTimeP90Hours: expected a number >= 0.016667 (hours, from a minute to a year), got "0.01"',
      `skus.csv: row 5, column orderUpTo: expected ${STOCK_CAP}, got "1000000001"`,
      // 1e-400 is beyond a double: refused, not read as 0 (or as a stock of 0).
      'skus.csv: row 6, column unitValueCny: expected a number > 0, got "1e-400"',
      'skus.csv: row 6, column openingStock: expected a whole number >= 0, got "1e-400"',
      'skus.csv: row 6, column leadTimeP90Hours: expected a number at most 20 × leadTimeMedianHours (20; a wider spread has no planning meaning), got "20.5"',
    ]);
  });

  it('reads numbers only as plain decimal text: no hex, blanks kept by quotes, Infinity or NaN; -0 as 0', () => {
    const rows = ['0x10', '" 2 "', '"2\u00a0"', '1_0', 'Infinity', 'NaN', '+', '1e', '٣'].map((stock, i) => `a,s${i},small,1,1,,,,${stock},,`);
    expect(problems([FULL, ...rows].join('\n'))).toEqual([
      'skus.csv: row 2, column openingStock: expected a whole number >= 0, got "0x10"',
      'skus.csv: row 3, column openingStock: expected a whole number >= 0, got " 2 "',
      'skus.csv: row 4, column openingStock: expected a whole number >= 0, got "2\u00a0"',
      'skus.csv: row 5, column openingStock: expected a whole number >= 0, got "1_0"',
      'skus.csv: row 6, column openingStock: expected a whole number >= 0, got "Infinity"',
      'skus.csv: row 7, column openingStock: expected a whole number >= 0, got "NaN"',
      'skus.csv: row 8, column openingStock: expected a whole number >= 0, got "+"',
      'skus.csv: row 9, column openingStock: expected a whole number >= 0, got "1e"',
      'skus.csv: row 10, column openingStock: expected a whole number >= 0, got "٣"',
    ]);
    // Unquoted blanks are the CSV's, trimmed before the cell is read; a minus zero is zero.
    const table = read(`${FULL}\na,s,small, 2 ,\t1,,,,-0,-0,+1\n`);
    expect([table.unitValueCny[0], table.unitWeightKg[0], table.openingStock[0], table.reorderPoint[0], table.orderUpTo[0]]).toEqual([2, 1, 0, 0, 1]);
  });

  it('refuses names over 200 characters and quotes long names cut in any message', () => {
    const long = 'n'.repeat(201), cut = `"${'n'.repeat(40)}…"`;
    expect(problems(`${FULL}\n${long},s,small,1,1,,,,,,\na,${long},small,1,1,,,,,,\n`)).toEqual([
      `skus.csv: row 2, column seller: expected a seller name of at most 200 characters, got 201: ${cut}`,
      `skus.csv: row 3, column sku: expected a SKU name of at most 200 characters, got 201: ${cut}`,
    ]);
    const name = 'm'.repeat(200);
    expect(problems(`${FULL}\n${name},${name},small,1,1,,,,,,\n${name},${name},small,1,1,,,,,,\n${name},x,large,1,1,,,,,,\n`)).toEqual([
      `skus.csv: row 3, column sku: expected each SKU once per seller, got "${'m'.repeat(40)}…" of seller "${'m'.repeat(40)}…" again (first on row 2)`,
      `skus.csv: row 4, column class: expected "small" as on row 2 for seller "${'m'.repeat(40)}…" (one class per seller), got "large"`,
    ]);
  });

  it('stops at a row longer than a mebibyte, with one line for it (csv.test.ts has the cases)', () => {
    expect(problems(`${FULL}\na,s,small,"${'9'.repeat(1 << 20)}",1,,,,,,\na,t,small,x,1,,,,,,\n`)).toEqual([
      'skus.csv: row 2: expected a row of at most 1,048,576 characters, got more; the file is read no further',
    ]);
  });

  it(`stops after ${LIMITS.totalSkus.toLocaleString('en-US')} SKU rows, as the platform's SKUs in all`, () => {
    // Rows of the wrong width cost the reader least: one problem each up to the cap, then one for
    // the cap (csv.test.ts has its words), and nothing after it, though the file goes on.
    const block = 'x\n'.repeat(1 << 16);
    function* chunks() {
      yield `${FULL}\n`;
      for (let rows = 0; rows <= LIMITS.totalSkus; rows += 1 << 16) yield block;
    }
    let error: unknown;
    try { readCatalogueTable('skus.csv', chunks()); } catch (err) { error = err; }
    expect(error).toBeInstanceOf(TableError);
    const { count, message } = error as TableError;
    expect(count).toBe(LIMITS.totalSkus + 1);
    expect(message.split('\n').at(-1)).toBe(`… and ${LIMITS.totalSkus + 1 - 20} more problems in skus.csv`);
  });
});
