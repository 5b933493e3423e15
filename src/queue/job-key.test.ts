// Job names on the queue: equal inputs give equal names whatever the key order; any input that
// changes the result changes the name. Stored results decode to exactly what was stored.
import { describe, expect, it } from 'vitest';
import { tiny } from '../../test/helpers/tiny.ts';
import { runJit } from '../model/jit.ts';
import { canonicalJson, codeFingerprint, jobId, scenarioHash, type JobName } from './job-key.ts';
import { decodeResult, encodeResult } from './result-codec.ts';

describe('job names', () => {
  const name: JobName = { code: codeFingerprint(), scenario: scenarioHash(tiny()), seed: 1, replication: 0, warmUpHours: null, recordInflow: false, keep: 'kpis' };

  it('do not depend on the order of a scenario\'s keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    const s = tiny();
    const reordered = Object.fromEntries(Object.entries(s).reverse());
    expect(scenarioHash(reordered)).toBe(scenarioHash(s));
  });

  it('change with everything a result depends on', () => {
    const ids = new Set([
      jobId(name),
      jobId({ ...name, seed: 2 }),
      jobId({ ...name, replication: 1 }),
      jobId({ ...name, warmUpHours: 24 }),
      jobId({ ...name, recordInflow: true }),
      jobId({ ...name, keep: 'all' }),
      jobId({ ...name, code: '0'.repeat(16) }),
      jobId({ ...name, scenario: scenarioHash(tiny((s) => { s.demand.ordersPerDay += 1; })) }),
    ]);
    expect(ids.size).toBe(8);
    expect(jobId({ ...name })).toBe(jobId(name));
    expect(jobId(name)).toMatch(/^rep-[0-9a-f]{40}$/);
  });

  it('the code fingerprint is 16 hex digits, the same at every call', () => {
    expect(codeFingerprint()).toMatch(/^[0-9a-f]{16}$/);
    expect(codeFingerprint()).toBe(codeFingerprint());
  });
});

describe('stored results', () => {
  const result = runJit(tiny(), { seed: 3, replication: 0 });

  it('decode to the run byte for byte, NaN and -0 included', () => {
    const back = decodeResult(encodeResult(result, 'all'));
    expect(back).toEqual(result);
    // The series' own bytes: a decoded array may view a larger buffer (v8.deserialize's), so not `.buffer` whole.
    const bytesOf = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const key = Object.keys(result.hourly)[0];
    expect(bytesOf(back.hourly[key])).toEqual(bytesOf(result.hourly[key]));
    const odd = { ...result, kpis: { ...result.kpis, x: NaN, y: -0 } };
    const kept = decodeResult(encodeResult(odd, 'kpis'));
    expect(Number.isNaN(kept.kpis.x)).toBe(true);
    expect(Object.is(kept.kpis.y, -0)).toBe(true);
  });

  it('keep kpis stores only the KPIs, per class and fines by cause: a few kB', () => {
    const bytes = encodeResult(result, 'kpis');
    expect(Object.keys(decodeResult(bytes)).sort()).toEqual(['byClass', 'fineCauses', 'kpis']);
    expect(bytes.length).toBeLessThan(encodeResult(result, 'all').length / 10);
  });
});
