// The form's staff tools without a browser: a band of hours set to N, +N and +% (whole staff,
// rounded half up, never below 0), a spreadsheet row read for pasting (and every bad cell named by
// its column), and the names, captions and copy targets of each station's rows.
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../src/scenario/schema.ts';
import {
  addPercent, addToBand, bandBetween, bandHours, bandName, pasteInto, readAmount, readPastedRow, setBand, WHOLE_DAY,
} from '../web/staff-hours.ts';
import { cellName, copyTargets, rowAt, rowCaption, rowPath, staffOf } from '../web/staff-rows.ts';

/** n staff from hour `from` up to `to` (wrapping past midnight), 0 elsewhere: the docs' shifts. */
const shift = (n: number, from: number, to: number) => Array.from({ length: 24 }, (_, h) => ((to > from ? h >= from && h < to : h >= from || h < to) ? n : 0));
const ramp = Array.from({ length: 24 }, (_, h) => h); // 0, 1, …, 23

describe('a band of hours', () => {
  it('runs from its start up to its end, past midnight when the end comes first', () => {
    expect(bandHours({ from: 6, to: 9 })).toEqual([6, 7, 8]);
    expect(bandHours({ from: 22, to: 2 })).toEqual([22, 23, 0, 1]);
    expect(bandHours(WHOLE_DAY)).toHaveLength(24);
    expect(bandHours({ from: 6, to: 6 })).toHaveLength(24);
    expect(bandHours({ from: 23, to: 24 })).toEqual([23]);
  });

  it('is named as the docs write shifts, and a shift-click takes both cells whichever comes first', () => {
    expect(bandName({ from: 6, to: 24 })).toBe('6:00–24:00');
    expect(bandName(WHOLE_DAY)).toBe('all day');
    expect(bandBetween(14, 10)).toEqual({ from: 10, to: 15 });
    expect(bandBetween(3, 3)).toEqual({ from: 3, to: 4 });
  });

  it('set to N changes the band’s hours and no other', () => {
    const row = setBand(ramp, { from: 22, to: 2 }, 5);
    expect(row).toEqual([5, 5, ...ramp.slice(2, 22), 5, 5]);
    expect(setBand(ramp, { from: 10, to: 12 }, 0).slice(9, 13)).toEqual([9, 0, 0, 12]);
    expect(ramp[0]).toBe(0); // the row given is left alone
  });
});

describe('surge arithmetic', () => {
  it('+N adds to the band and never goes below 0', () => {
    expect(addToBand(shift(90, 6, 24), WHOLE_DAY, 10)).toEqual(shift(100, 6, 24).map((v) => v || 10));
    expect(addToBand(ramp, { from: 0, to: 5 }, -3)).toEqual([0, 0, 0, 0, 1, ...ramp.slice(5)]);
  });

  it('+% of the peak-week surges gives whole staff: 90 → 108 receiving, 300 → 360 QC', () => {
    expect(addPercent(shift(90, 6, 24), WHOLE_DAY, 20)).toEqual(shift(108, 6, 24));
    expect(addPercent(shift(300, 6, 2), WHOLE_DAY, 20)).toEqual(shift(360, 6, 2));
    // Only the evening band: 18:00–24:00 of 90 becomes 108, the rest stays 90.
    expect(addPercent(shift(90, 6, 24), { from: 18, to: 24 }, 20)).toEqual([...shift(90, 6, 18).slice(0, 18), 108, 108, 108, 108, 108, 108]);
  });

  it('rounds half up to whole people, exactly at the half, and never below 0', () => {
    const at = (staff: number, percent: number) => addPercent([staff, ...Array(23).fill(0)], { from: 0, to: 1 }, percent)[0];
    expect(at(25, 10)).toBe(28); // 27.5
    expect(at(25, -34)).toBe(17); // 16.5 (25 × 0.66 is 16.499999999999996 in floating point)
    expect(at(15, -90)).toBe(2); // 1.5 (1.4999999999999996 in floating point)
    expect(at(5, 30)).toBe(7); // 6.5
    expect(at(3, -50)).toBe(2); // 1.5
    expect(at(7, -50)).toBe(4); // 3.5
    expect(at(10, 4)).toBe(10); // 10.4
    expect(at(10, 6)).toBe(11); // 10.6
    expect(at(1, 49)).toBe(1); // 1.49
    expect(at(45, 10)).toBe(50); // 49.5
    expect(at(8, 12.5)).toBe(9); // 9.0
    expect(at(12, -100)).toBe(0);
    expect(at(0, 50)).toBe(0);
  });

  it('reads the number a tool is given, refusing what it cannot mean', () => {
    expect(readAmount(' 20 ', 'percent')).toEqual({ value: 20 });
    expect(readAmount('-12.5', 'percent')).toEqual({ value: -12.5 });
    expect(readAmount('-150', 'percent')).toEqual({ error: 'expected a percentage of at least −100, got “-150”' });
    expect(readAmount('-5', 'add')).toEqual({ value: -5 });
    expect(readAmount('2.5', 'add')).toHaveProperty('error');
    expect(readAmount('12abc', 'set')).toEqual({ error: 'expected a whole number of staff >= 0, got “12abc”' });
    expect(readAmount('-1', 'set')).toHaveProperty('error');
    expect(readAmount('', 'set')).toEqual({ error: 'give a number of staff' });
  });
});

describe('a row pasted from a spreadsheet', () => {
  it('reads 24 values split by tabs, commas or spaces', () => {
    const tabbed = `${ramp.join('\t')}\r\n`; // a spreadsheet's copy ends its row with a line break
    expect(readPastedRow(tabbed, 0)).toEqual({ values: ramp });
    expect(readPastedRow(ramp.join(', '), 0)).toEqual({ values: ramp });
    expect(readPastedRow(`  ${ramp.join('  ')} `, 0)).toEqual({ values: ramp });
  });

  it('fewer values fill from the focused cell on, the rest of the row kept', () => {
    const pasted = readPastedRow('7\t8\t9', 20);
    expect(pasted).toEqual({ values: [7, 8, 9] });
    expect(pasteInto(ramp, 20, [7, 8, 9])).toEqual([...ramp.slice(0, 20), 7, 8, 9, 23]);
  });

  it('names the column of the first bad cell, and clamps nothing', () => {
    expect(readPastedRow('4\t5\tabc\t6', 8)).toEqual({ error: 'column 3 (10:00): expected a whole number of staff >= 0, got “abc”' });
    expect(readPastedRow('4,-2,6', 0)).toEqual({ error: 'column 2 (1:00): expected a whole number of staff >= 0, got “-2”' });
    expect(readPastedRow('4,2.5,6', 0)).toEqual({ error: 'column 2 (1:00): expected a whole number of staff >= 0, got “2.5”' });
    expect(readPastedRow('4\t\t6', 0)).toEqual({ error: 'column 2 (1:00) is empty: expected a whole number of staff >= 0' });
    expect(readPastedRow('1 2 3 4', 22)).toEqual({ error: '4 values from 22:00 run past 23:00: at most 2 fit' });
    expect(readPastedRow([...ramp, 24].join('\t'), 0)).toEqual({ error: '25 values from 0:00 run past 23:00: at most 24 fit' });
    expect(readPastedRow('1\t2\n3\t4', 0)).toEqual({ error: 'paste one row of staff, not 2 rows' });
    expect(readPastedRow(' \n', 0)).toEqual({ error: 'nothing to paste' });
  });

  it('a row copied with empty trailing cells is read without them', () => {
    expect(readPastedRow('1\t2\t3\t\t', 0)).toEqual({ values: [1, 2, 3] });
  });
});

describe('the rows of staff, named', () => {
  const s = defaultScenario();

  it('finds a row from its path and back', () => {
    for (const path of ['warehouse.receiving.staff.byHour', 'warehouse.qc.staff.overrides[0].byHour', 'warehouse.qc.staff.overrides[12].byHour']) {
      expect(rowPath(rowAt(path)!)).toBe(path);
    }
    expect(rowAt('warehouse.qc.staff.overrides[0].from')).toBeUndefined();
    expect(staffOf(s, { station: 'qc', surge: 0 })).toEqual(shift(300, 6, 2));
    expect(staffOf(s, { station: 'qc', surge: 3 })).toBeUndefined();
  });

  it('each cell names its station and roster or surge; a surge’s caption says its staff replace the roster', () => {
    expect(cellName({ station: 'receiving', surge: 0 }, 14)).toBe('Receiving staff, surge 1, 14:00');
    expect(cellName({ station: 'qc' }, 0)).toBe('QC staff, any day, 0:00');
    expect(rowCaption(s, { station: 'receiving' })).toMatch(/^Receiving staff on duty, any day/);
    expect(rowCaption(s, { station: 'qc', surge: 0 })).toBe('QC staff on the surge dates 2022-11-24 to 2022-11-30 — totals: they replace the roster on those dates');
  });

  it('a row may be copied to every other row and to a new surge of either station', () => {
    expect(copyTargets(s, { station: 'receiving' }).map((t) => t.label)).toEqual([
      'Receiving staff, surge 1 (2022-11-24 to 2022-11-30)',
      'QC staff, any day',
      'QC staff, surge 1 (2022-11-24 to 2022-11-30)',
      'a new Receiving surge',
      'a new QC surge',
    ]);
  });
});
