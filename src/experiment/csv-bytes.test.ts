// The byte writer behind traces writes exactly what the string formatting it replaced wrote:
// numbers as String(Math.round(x × 1e4) / 1e4), date-times as toISOString's, names as given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiBytes, chinaDateTimeWriter, CsvBytes } from './csv-bytes.ts';

/** What `write` puts in a row, as text. */
function written(write: (out: CsvBytes) => void): string {
  const blocks: string[] = [];
  const out = new CsvBytes((b) => blocks.push(new TextDecoder().decode(b)), 8192);
  write(out);
  out.end();
  return blocks.join('');
}

describe('CsvBytes', () => {
  it('writes numbers to 4 decimals as String(Math.round(x × 1e4) / 1e4) does', () => {
    for (const x of [0, -0, 1, 10, 24, 0.5, 8.5048, 24.0167, -15650, -0.00004, 1e9 + 0.12345, 123456789012.5, 2 ** 60, -(2 ** 60)]) {
      expect(written((o) => o.fixed4(x)), String(x)).toBe(String(Math.round(x * 1e4) / 1e4));
    }
    fc.assert(fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => written((o) => o.fixed4(x)) === String(Math.round(x * 1e4) / 1e4)), { seed: 14, numRuns: 5000 });
    expect(written((o) => o.fixed4(NaN))).toBe('');
  });

  it('writes whole numbers, names and rows, handing on blocks of whole rows', () => {
    expect(written((o) => { o.whole(0); o.comma(); o.whole(1234567); o.comma(); o.bytes(asciiBytes('seller-12')); o.endRow(); })).toBe('0,1234567,seller-12\n');
    const blocks: number[] = [];
    const out = new CsvBytes((b) => blocks.push(b.length), 5000);
    for (let i = 0; i < 1000; i++) { out.bytes(asciiBytes('0123456789')); out.endRow(); }
    out.end();
    expect(blocks.reduce((a, b) => a + b, 0)).toBe(11_000);
    expect(blocks.every((n) => n % 11 === 0)).toBe(true);
  });

  it('writes China date-times as toISOString\'s shape with +08:00', () => {
    const start = Date.UTC(2022, 9, 1) - 8 * 3_600_000;
    const write = chinaDateTimeWriter(start);
    const iso = (h: number) => new Date(start + 8 * 3_600_000 + Math.round(h * 3_600_000)).toISOString().slice(0, 23) + '+08:00';
    for (const h of [0, 8.5, 23.999999, 24, 1208.25, 1583.9999]) expect(written((o) => write(o, h))).toBe(iso(h));
    fc.assert(fc.property(fc.double({ min: 0, max: 24 * 1096, noNaN: true }), (h) => written((o) => write(o, h)) === iso(h)), { seed: 14, numRuns: 3000 });
  });
});
