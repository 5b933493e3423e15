// `--warmup auto` through the command: a season that opens with a 10-day courier lockdown (orders
// pile up, then ship 5x late when SF returns) has a transient MSER-5 must see, and the run it
// reports is the same as one given that warm-up date by hand.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jitsim } from './helpers/own-data.ts';

const scenarios = new URL('../scenarios/', import.meta.url).pathname;

describe('--warmup auto', () => {
  it('drops the lockdown and its backlog, whole batches of 5 days, and matches the same date given by hand', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jitsim-warmup-'));
    const file = join(dir, 'lockdown.yaml');
    writeFileSync(file, [
      `extends: ${scenarios}october-baseline.yaml`,
      'season: { start: 2022-10-01, end: 2022-11-19 }',
      'sellers: { count: 150 }',
      'demand: { ordersPerDay: 300 }',
      'factories:',
      '  disruptions: [{ regions: [shenzhen, guangzhou, dongguan, foshan, restOfGuangdong, neighbouringProvinces], from: 2022-10-01, to: 2022-10-10, affectedShare: 1, restartHours: 0, courierSuspended: true }]',
    ].join('\n') + '\n');
    const auto = await jitsim(['run', file, '-r', '3', '-s', '2', '-q', '--warmup', 'auto', '--out', join(dir, 'auto')]);
    expect(auto.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'auto', 'summary.json'), 'utf8'));
    const found = summary.warmupAuto;
    expect(found).toMatchObject({ method: 'MSER-5', series: 'finesPerOrderCny', unreliable: false });
    // The fines of the stopped days are assessed when SF returns (day 10): no truncation may stop short of that batch.
    for (const days of found.perReplicationDays) {
      expect(days % 5).toBe(0);
      expect(days).toBeGreaterThanOrEqual(15);
      expect(days).toBeLessThanOrEqual(25);
    }
    expect(found.days).toBe(Math.max(...found.perReplicationDays));
    const from = new Date(Date.UTC(2022, 9, 1 + found.days)).toISOString().slice(0, 10);
    expect(summary.warmup).toBe(from);
    expect(auto.stdout).toContain(`Warm-up (auto, MSER-5 on daily finesPerOrderCny): ${found.days} days: statistics from ${from}`);

    const byHand = await jitsim(['run', file, '-r', '3', '-s', '2', '-q', '--warmup', from, '--out', join(dir, 'by-hand')]);
    expect(byHand.status).toBe(0);
    expect(readFileSync(join(dir, 'auto', 'kpis.csv'), 'utf8')).toBe(readFileSync(join(dir, 'by-hand', 'kpis.csv'), 'utf8'));
  });
});
