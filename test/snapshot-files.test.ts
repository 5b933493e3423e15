// State files through the command: a run saved at an instant and started again from the file
// writes the same bytes as the run that never stopped; a damaged file, one saved from another
// scenario, one that is no state file at all, and a run that asks for another seed are refused
// with one line naming the file and what is wrong.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { jitsim } from './helpers/own-data.ts';

const scenarios = new URL('../scenarios/', import.meta.url).pathname;
const OUTPUTS = ['kpis.csv', 'kpis-by-class.csv', 'hourly.csv', 'daily.csv', 'histograms.json'];

describe('--save-state-at and start.fromState', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jitsim-state-'));
  const base = join(dir, 'peak.yaml');
  writeFileSync(base, [
    `extends: ${scenarios}jit-for-large-sellers.yaml`,
    'season: { start: 2022-11-10, end: 2022-12-01 }',
    'sellers: { count: 200 }',
    'demand: { ordersPerDay: 400 }',
  ].join('\n') + '\n');
  const resume = (name: string, file: string, extra = '') => {
    writeFileSync(join(dir, name), `extends: peak.yaml\nstart: { fromState: ${file} }\n${extra}`);
    return join(dir, name);
  };
  const run = (file: string, out: string, ...args: string[]) => jitsim(['run', file, '-q', '-w', '2', '--out', join(dir, out), ...args]);

  it('goes on from the saved instant to the same bytes as the uninterrupted run, with 2 workers', async () => {
    expect((await run(base, 'whole', '-r', '2')).status).toBe(0);
    const saving = await run(base, 'saving', '-r', '2', '--save-state-at', '2022-11-25T08:30+08:00', join(dir, 'state.jsonl.gz'));
    expect(saving.status).toBe(0);
    const resumed = await run(resume('resume.yaml', 'state.jsonl.gz'), 'resumed'); // all the file's replications
    expect(resumed.stderr).toBe('');
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toContain('2 of 2 replications');
    for (const f of OUTPUTS) {
      const whole = readFileSync(join(dir, 'whole', f), 'utf8');
      expect(readFileSync(join(dir, 'saving', f), 'utf8'), f).toBe(whole);
      expect(readFileSync(join(dir, 'resumed', f), 'utf8'), f).toBe(whole);
    }
    const summary = JSON.parse(readFileSync(join(dir, 'resumed', 'summary.json'), 'utf8'));
    expect(summary.startedFrom.at).toBe('2022-11-25T08:30:00.000+08:00');
  });

  it('refuses damaged, foreign and non-state files, and a seed other than the saved one', async () => {
    const state = readFileSync(join(dir, 'state.jsonl.gz'));
    writeFileSync(join(dir, 'cut.jsonl.gz'), state.subarray(0, state.length >> 1));
    writeFileSync(join(dir, 'other.jsonl.gz'), gzipSync('{"orders": 12}\n'));
    const cases: [string, string[], RegExp][] = [
      [resume('cut.yaml', 'cut.jsonl.gz'), [], /cut\.yaml: start\.fromState: .*cut\.jsonl\.gz: damaged: not a whole gzip file/],
      [resume('other.yaml', 'other.jsonl.gz'), [], /start\.fromState: .*other\.jsonl\.gz: not a jitsim state file/],
      [resume('foreign.yaml', 'state.jsonl.gz', 'sellers: { count: 201 }\n'), [], /saved from another scenario: sellers\.count was 200 when it was saved, is 201 now/],
      [resume('seed.yaml', 'state.jsonl.gz'), ['-s', '7'], /--seed: expected the seed the state was saved with \(1\), got 7/],
      [resume('reps.yaml', 'state.jsonl.gz'), ['-r', '3'], /--reps: expected at most the 2 replications .* holds, got 3/],
    ];
    for (const [file, args, message] of cases) {
      const r = await run(file, 'refused', ...args);
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});
