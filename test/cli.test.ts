// The jitsim command, spawned as a user would run it: run, compare, validate, scenarios, exit
// codes, files written and parseable, stable CSV headers, workers, and Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSmallPeak } from './helpers/small-peak.ts';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const bin = new URL('../bin/jitsim.mjs', import.meta.url).pathname;
const scenarios = new URL('../scenarios/', import.meta.url).pathname;
const jitsim = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

const tmp = () => mkdtempSync(join(tmpdir(), 'jitsim-'));

describe('jitsim basics', () => {
  it('--version prints the package version and exits 0', () => {
    const r = jitsim('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('--help describes the tool and its commands and exits 0', () => {
    const r = jitsim('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: jitsim/);
    for (const c of ['run', 'compare', 'validate', 'scenarios']) expect(r.stdout).toContain(c);
  });

  it('usage errors exit 2 with one line and no stack trace', () => {
    const r = jitsim('--frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("error: unknown option '--frobnicate'");
    const reps = jitsim('run', `${scenarios}small-seller.yaml`, '--reps', '0');
    expect(reps.status).toBe(2);
    expect(reps.stderr).toContain('expected a whole number from 1 to 10000, got "0"');
    expect(jitsim('run').status).toBe(2);
  });

  it('a warm-up date outside the season is invalid input: exit 1, one line', () => {
    const r = jitsim('run', `${scenarios}small-seller.yaml`, '--warmup', '2023-01-01', '--out', tmp());
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`${scenarios}small-seller.yaml: --warmup: expected a date inside the season 2022-10-01 to 2022-12-05, got 2023-01-01`);
  });

  it('scenarios lists every shipped scenario with its question', () => {
    const r = jitsim('scenarios');
    expect(r.status).toBe(0);
    for (const f of readdirSync(scenarios).filter((n) => n.endsWith('.yaml'))) expect(r.stdout).toMatch(new RegExp(`${f}\\s+\\S.*\\?`));
  });
});

describe('jitsim validate', () => {
  it('prints the resolved scenario with every default filled, exit 0', () => {
    const r = jitsim('validate', `${scenarios}small-seller.yaml`);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.sellers.count).toBe(1);
    expect(s.rules.depositCny).toBe(5000); // a default the file does not state
  });

  it('prints one line per error naming file, path and expectation, exit 1', () => {
    const dir = tmp();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'demand:\n  ordersPerDay: -5\n  hourProfle: [1]\n');
    const r = jitsim('validate', file);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain(`${file}: demand.ordersPerDay: expected a number >= 0, got -5`);
    expect(lines.some((l) => l.startsWith(`${file}: demand.hourProfle: unknown field`))).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(jitsim('validate', join(dir, 'missing.yaml')).stderr.trim()).toBe(`${join(dir, 'missing.yaml')}: file not found`);
  });
});

describe('jitsim run', () => {
  it('writes parseable files with stable headers, identical with 1 and 2 workers', () => {
    const one = tmp(), two = tmp();
    const a = jitsim('run', `${scenarios}small-seller.yaml`, '--reps', '4', '--seed', '9', '--workers', '1', '--out', one);
    const b = jitsim('run', `${scenarios}small-seller.yaml`, '--reps', '4', '--seed', '9', '--workers', '2', '--out', two);
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    expect(a.stdout).toContain('4 of 4 replications, seed 9');
    for (const f of ['summary.json', 'kpis.csv', 'kpis-by-class.csv', 'hourly.csv', 'histograms.json']) {
      expect(readFileSync(join(two, f), 'utf8')).toBe(readFileSync(join(one, f), 'utf8'));
    }
    // By seller class: small-seller.yaml has one small seller, so one class, and the table says so.
    const byClass = readFileSync(join(one, 'kpis-by-class.csv'), 'utf8').trim().split('\n');
    expect(byClass[0]).toBe('class,kpi,mean,half_width_95,low_95,high_95,replications');
    expect(byClass.find((row) => row.startsWith('small,sellers,'))).toBe('small,sellers,1,0,1,1,4');
    expect(byClass.find((row) => row.startsWith('large,sellers,'))).toBe('large,sellers,0,0,0,0,4');
    expect(a.stdout).toMatch(/by seller class \(mean\) +small\n/);
    expect(a.stdout).toMatch(/fines \/ class GMV +[\d.]+%/);
    const summary = JSON.parse(readFileSync(join(one, 'summary.json'), 'utf8'));
    expect(summary.replications).toBe(4);
    expect(summary.interrupted).toBe(false);
    expect(summary.kpis.ordersPlaced.n).toBe(4);
    expect(summary.kpis.ordersPlaced.low).toBeLessThan(summary.kpis.ordersPlaced.mean);
    const kpis = readFileSync(join(one, 'kpis.csv'), 'utf8').split('\n');
    expect(kpis[0]).toBe('kpi,mean,half_width_95,low_95,high_95,replications');
    const hourly = readFileSync(join(one, 'hourly.csv'), 'utf8').trim().split('\n');
    expect(hourly[0].startsWith('hour,date,hour_of_day,ordersPlaced_mean,ordersPlaced_p5,ordersPlaced_p95,parcelsArriving_mean')).toBe(true);
    expect(hourly.length).toBe(1 + 66 * 24);
    expect(hourly[1].startsWith('0,2022-10-01,0,')).toBe(true);
    const histograms = JSON.parse(readFileSync(join(one, 'histograms.json'), 'utf8'));
    expect(histograms.shipDelayHours.counts.length).toBe(histograms.shipDelayHours.bins);
  });

  it('--json prints the summary as JSON', () => {
    const r = jitsim('run', `${scenarios}small-seller.yaml`, '--reps', '2', '--json', '--out', tmp());
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).kpis.ordersPlaced.n).toBe(2);
  });

  it('Ctrl-C after the first replications writes a valid partial summary and exits 130', async () => {
    const dir = tmp(), out = join(dir, 'out');
    const file = join(dir, 'mid.yaml'); // ~1 s a replication
    writeFileSync(file, `extends: ${scenarios}black-friday-2022.yaml\ndemand: { ordersPerDay: 6000 }\nsellers: { count: 3000 }\n`);
    const child = spawn(process.execPath, [bin, 'run', file, '--reps', '60', '--workers', '1', '--out', out, '-q']);
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    await new Promise((r) => setTimeout(r, 9000));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('interrupted');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.interrupted).toBe(true);
    expect(summary.replications).toBeGreaterThanOrEqual(1);
    expect(summary.replications).toBeLessThan(60);
    expect(summary.kpis.ordersPlaced.n).toBe(summary.replications);
    expect(readdirSync(out).filter((f) => f.includes('.tmp-'))).toEqual([]); // nothing half-written
  }, 60_000);
});

describe('jitsim compare', () => {
  it('prints paired differences with significance and writes the difference files', () => {
    const dir = tmp(), out = join(dir, 'out');
    const b = join(dir, 'b.yaml');
    writeFileSync(b, `extends: ${scenarios}small-seller.yaml\nsellers: { classes: { small: { stocking: { reorderDays: 2, orderUpToDays: 4 } } } }\n`);
    const r = jitsim('compare', `${scenarios}small-seller.yaml`, b, '--reps', '5', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('5 paired replications');
    expect(r.stdout).toContain('B − A');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.replications).toBe(5);
    // Common random numbers: the same demand in A and B, so orders placed do not differ at all.
    expect(summary.difference.ordersPlaced.mean).toBe(0);
    // Holding more stock cuts stockout cancellations, clearly.
    expect(summary.difference.ordersCancelled.mean).toBeGreaterThan(0); // B's thin (s, S) runs out more often than A's service level
    expect(summary.difference.ordersCancelled.significant).toBe(true);
    expect(existsSync(join(out, 'hourly.csv'))).toBe(true);
    expect(readFileSync(join(out, 'kpis.csv'), 'utf8').split('\n')[0]).toBe('kpi,mean,half_width_95,low_95,high_95,replications');
  });

  it('adds the verdict when a class changes mode: printed after the table and stored in summary.json', () => {
    const dir = tmp(), out = join(dir, 'out');
    const b = join(dir, 'prestock.yaml');
    writeFileSync(b, `extends: ${scenarios}small-seller.yaml\nmode: prestock\n`);
    const r = jitsim('compare', `${scenarios}small-seller.yaml`, b, '--reps', '3', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Verdict: is JIT progress, or does it move the burden onto sellers?');
    expect(r.stdout.indexOf('Verdict')).toBeGreaterThan(r.stdout.indexOf('B − A'));
    expect(r.stdout).toMatch(/for small sellers \(1\)/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.verdict.jitSide).toBe('a');
    expect(summary.verdict.classes.map((c: { className: string }) => c.className)).toEqual(['small']);
    expect(summary.verdict.headline.length).toBeGreaterThanOrEqual(2);
    // The same one seller in both modes: its worse-off share per replication is 0 or 1.
    for (const x of summary.verdict.classes[0].worseOff.perReplication) expect([0, 1]).toContain(x);
    // Same mode on both sides: no verdict.
    const same = jitsim('compare', `${scenarios}small-seller.yaml`, `${scenarios}small-seller.yaml`, '--reps', '2', '--out', join(dir, 'same'));
    expect(same.stdout).not.toContain('Verdict');
    expect(JSON.parse(readFileSync(join(dir, 'same', 'summary.json'), 'utf8')).verdict).toBeNull();
  });

  it('with --window, adds the table of differences over those days, in summary.json too', () => {
    const dir = tmp(), out = join(dir, 'out');
    const r = jitsim('compare', `${scenarios}small-seller.yaml`, `${scenarios}small-seller.yaml`, '--reps', '2', '--window', '2022-11-24..2022-11-30', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('from 2022-11-24 to 2022-11-30 (7 days):');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.window.days).toBe(7);
    expect(summary.window.difference.ordersPlaced.mean).toBe(0); // the same scenario twice
    expect(existsSync(join(out, 'kpis-window.csv'))).toBe(true);
    // A date range is the same days of both seasons: seasons that start apart are refused.
    const late = join(dir, 'late.yaml');
    writeFileSync(late, `extends: ${scenarios}small-seller.yaml\nseason: { start: 2022-10-02, end: 2022-12-05 }\n`);
    const refused = jitsim('compare', `${scenarios}small-seller.yaml`, late, '--reps', '1', '--window', '2022-11-24..2022-11-30');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${late}: --window: expected a season starting on A's first day (2022-10-01) to compare a date range, got 2022-10-02`);
  });
});

describe('jitsim run --window', () => {
  it('prints and writes the KPIs over the days asked for, and the daily series', () => {
    const dir = tmp(), out = join(dir, 'out');
    const r = jitsim('run', `${scenarios}small-seller.yaml`, '--reps', '2', '--window', '2022-11-24..2022-11-30', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('from 2022-11-24 to 2022-11-30 (7 days):');
    expect(r.stdout).toMatch(/parcels stocked within 24 h, share/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect([summary.window.from, summary.window.to, summary.window.days]).toEqual(['2022-11-24', '2022-11-30', 7]);
    const daily = readFileSync(join(out, 'daily.csv'), 'utf8').trim().split('\n');
    expect(daily).toHaveLength(67); // a header and the season's 66 days
    expect(daily[0]).toMatch(/^day,date,ordersPlaced_mean,ordersPlaced_p5,ordersPlaced_p95,/);
    expect(daily[1]).toMatch(/^0,2022-10-01,/);
    const window = readFileSync(join(out, 'kpis-window.csv'), 'utf8');
    expect(window).toMatch(/^kpi,mean,/);
    // The week's orders are the sum of its days in daily.csv.
    const placed = daily.slice(55, 62).map((line) => Number(line.split(',')[2])).reduce((a, b) => a + b, 0);
    expect(summary.window.kpis.ordersPlaced.mean).toBeCloseTo(placed, 6);
  });

  it('refuses a range outside the season with one line naming the option', () => {
    const r = jitsim('run', `${scenarios}small-seller.yaml`, '--reps', '1', '--window', '2022-11-24..2023-01-10');
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`${scenarios}small-seller.yaml: --window: expected dates inside the season 2022-10-01 to 2022-12-05, got 2022-11-24..2023-01-10`]);
  });
});

describe('jitsim plan stocking', () => {
  it('rates 30 policies with and without disruptions, marks the best, and is the same with 1 or 2 workers', () => {
    const one = tmp(), two = tmp();
    // The peak month only, to keep the test short: 60 variants × 2 replications each time.
    const file = join(one, 'seller.yaml');
    writeFileSync(file, `extends: ${scenarios}small-seller.yaml\nseason: { start: 2022-11-01, end: 2022-12-05 }\n`);
    const a = jitsim('plan', 'stocking', file, '--reps', '2', '--workers', '1', '--out', one);
    expect(a.status).toBe(0);
    expect(a.stdout).toContain('with the scenario\'s disruptions:');
    expect(a.stdout).toContain('without disruptions:');
    expect(a.stdout).toMatch(/\* best expected profit/);
    const plan = JSON.parse(readFileSync(join(one, 'stocking-plan.json'), 'utf8'));
    expect(plan.plans.map((p: { disruptions: boolean }) => p.disruptions)).toEqual([true, false]);
    for (const p of plan.plans) {
      expect(p.policies).toHaveLength(30);
      expect(p.policies.filter((o: { best: boolean }) => o.best)).toHaveLength(1);
      const best = p.policies.find((o: { best: boolean }) => o.best);
      for (const o of p.policies) expect(o.profit.mean).toBeLessThanOrEqual(best.profit.mean);
      expect(best.onFrontier).toBe(true);
    }
    expect(readFileSync(join(one, 'stocking-plan.csv'), 'utf8').trim().split('\n')).toHaveLength(61);
    const b = jitsim('plan', 'stocking', file, '--reps', '2', '--workers', '2', '--out', two);
    expect(b.status).toBe(0);
    expect(JSON.parse(readFileSync(join(two, 'stocking-plan.json'), 'utf8')).plans).toEqual(plan.plans);
  });
});

describe('jitsim plan staffing', () => {
  it('plans a roster per day, writes JSON, CSV and a roster file that extends the scenario, the same with 1 or 2 workers', () => {
    const one = tmp(), two = tmp();
    // The peak fortnight of a 1:100 platform (300 sellers), to keep the test short.
    const file = writeSmallPeak(one);
    const a = jitsim('plan', 'staffing', file, '--reps', '2', '--validate-reps', '2', '--workers', '1', '--out', one);
    expect(a.stderr).toMatch(/^Estimate: about \d+ s and [\d.]+ MB for 4 replications on 1 worker thread\n$/); // 2 recorded, 2 validating
    expect(a.status).toBe(0);
    expect(a.stdout).toMatch(/smallest rosters for 95\.0% of each day's parcels stocked within 24 h, 95\.0% confidence; 2 replications/);
    expect(a.stdout).toMatch(/staff-hours: receiving [\d,]+ against 234 /); // 13 days × 18 h × 1
    expect(a.stdout).toContain('validated on 2 fresh replications');
    expect(a.stdout).toContain("hours on duty each day (China time, the scenario's): receiving 06:00-24:00, QC 00:00-02:00 06:00-24:00");
    const plan = JSON.parse(readFileSync(join(one, 'staffing-plan.json'), 'utf8'));
    expect(plan.days).toHaveLength(13);
    expect(plan.days[0].date).toBe('2022-11-20');
    for (const d of plan.days) {
      expect(d.lowerBound).toBeGreaterThanOrEqual(0.95);
      expect(d.shares).toHaveLength(2);
    }
    expect(plan.days[12].validated.mean).toBeNull(); // the last day is cut off by the season's end
    const csv = readFileSync(join(one, 'staffing-plan.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(14);
    expect(csv[0]).toMatch(/^day,date,peak_week,receiving_staff,receiving_scenario,/);
    // The roster file is a scenario `jitsim` accepts: the plan's staff as dated overrides.
    const roster = readFileSync(join(one, 'roster.yaml'), 'utf8');
    expect(roster).toContain('extends: peak.yaml');
    const resolved = jitsim('validate', join(one, 'roster.yaml'));
    expect(resolved.status).toBe(0);
    const rostered = JSON.parse(resolved.stdout);
    const first = rostered.warehouse.qc.staff.overrides[0];
    expect(first.from).toBe('2022-11-20');
    expect(first.byHour[12]).toBe(plan.days[0].qc);
    expect(first.byHour[3]).toBe(0); // the scenario's closed hours stay closed
    const b = jitsim('plan', 'staffing', file, '--reps', '2', '--validate-reps', '0', '--workers', '2', '--quiet', '--out', two);
    expect(b.status).toBe(0);
    const planB = JSON.parse(readFileSync(join(two, 'staffing-plan.json'), 'utf8'));
    expect(planB.days.map((d: { receiving: number; qc: number; shares: number[] }) => [d.receiving, d.qc, d.shares])).toEqual(plan.days.map((d: { receiving: number; qc: number; shares: number[] }) => [d.receiving, d.qc, d.shares]));
  });

  it('refuses a share outside (0, 1) and one replication, exit 2, one line', () => {
    const share = jitsim('plan', 'staffing', `${scenarios}small-seller.yaml`, '--share', '1.5');
    expect(share.status).toBe(2);
    expect(share.stderr.trim()).toBe("error: option '--share <S>' argument '1.5' is invalid. expected a share strictly between 0 and 1, got 1.5");
    const reps = jitsim('plan', 'staffing', `${scenarios}small-seller.yaml`, '--reps', '1');
    expect(reps.status).toBe(2);
    expect(reps.stderr).toContain('expected a whole number from 2 to 10000, got "1"');
  });
});

describe('jitsim sweep', () => {
  it('runs every grid point on the same replications: a point equals jitsim run of that scenario, the same with 1 or 2 workers', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'seller.yaml'), `extends: ${scenarios}small-seller.yaml\nseason: { start: 2022-11-01, end: 2022-12-05 }\n`);
    writeFileSync(join(dir, 'sweep.yaml'), 'scenario: seller.yaml\nreplications: 2\nseed: 4\ngrid:\n  sellers.classes.small.stocking.cycleDays: [7, 21]\n');
    const a = jitsim('sweep', join(dir, 'sweep.yaml'), '--workers', '1', '--out', join(dir, 'one'));
    expect(a.stderr).toMatch(/^Estimate: about \d+ s and [\d.]+ MB for 4 replications on 1 worker thread\n$/);
    expect(a.status).toBe(0);
    expect(a.stdout).toMatch(/sweep\.yaml: 2 grid points × 2 replications of .*seller\.yaml, seed 4/);
    const doc = JSON.parse(readFileSync(join(dir, 'one', 'sweep.json'), 'utf8'));
    expect(doc.results.map((r: { overrides: object }) => r.overrides)).toEqual([{ 'sellers.classes.small.stocking.cycleDays': 7 }, { 'sellers.classes.small.stocking.cycleDays': 21 }]);
    const csv = readFileSync(join(dir, 'one', 'sweep.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[0]).toMatch(/^point,sellers\.classes\.small\.stocking\.cycleDays,replications,ordersPlaced_mean,/);
    // The second point is this scenario; run alone, it gives the same KPIs to the last digit.
    writeFileSync(join(dir, 'point2.yaml'), 'extends: seller.yaml\nsellers: { classes: { small: { stocking: { policy: serviceLevel, cycleServiceLevel: 0.95, cycleDays: 21 } } } }\n');
    const run = jitsim('run', join(dir, 'point2.yaml'), '--reps', '2', '--seed', '4', '--quiet', '--out', join(dir, 'run'));
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'run', 'summary.json'), 'utf8')).kpis).toEqual(doc.results[1].kpis);
    const b = jitsim('sweep', join(dir, 'sweep.yaml'), '--workers', '2', '--quiet', '--out', join(dir, 'two'));
    expect(b.status).toBe(0);
    expect(readFileSync(join(dir, 'two', 'sweep.csv'), 'utf8')).toBe(readFileSync(join(dir, 'one', 'sweep.csv'), 'utf8'));
  });

  it('refuses a grid point the schema refuses, before running anything: exit 1, one line', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'sweep.yaml'), `scenario: ${scenarios}small-seller.yaml\nreplications: 2\ngrid:\n  demand.ordersPerDay: [100, -5]\n`);
    const r = jitsim('sweep', join(dir, 'sweep.yaml'), '--out', join(dir, 'out'));
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`${join(dir, 'sweep.yaml')} (grid point 2: demand.ordersPerDay = -5): demand.ordersPerDay: expected a number >= 0, got -5`]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
