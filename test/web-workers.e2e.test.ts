// Parallel replications in the page (web/run-replications.ts): small-seller, 3 replications, seed
// 4, with one Web Worker and with two; the exact KPI means are the same both ways and equal to
// Node's, and two workers really ran (each constructed and sent a replication).
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { summarise } from '../src/experiment/summary.ts';
import { runJit } from '../src/model/jit.ts';
import { openApp, root, type App, runOnPage } from './web-app.ts';

let app: App, page: Page;
beforeAll(async () => {
  app = await openApp(7);
  page = app.page;
  // Counts the page's simulation workers and the messages each is sent (a replication is one).
  await page.addInitScript(() => {
    const Native = window.Worker;
    const made: number[] = [];
    (window as unknown as { simWorkers: number[] }).simWorkers = made;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        const k = made.push(0) - 1;
        const post = this.postMessage.bind(this) as (...args: unknown[]) => void;
        this.postMessage = ((...args: unknown[]) => { made[k]++; post(...args); }) as Worker['postMessage'];
      }
    };
  });
  await page.reload();
}, 120_000);
afterAll(async () => { await app?.close(); });

const workersMade = () => page.evaluate(() => [...(window as unknown as { simWorkers: number[] }).simWorkers]);

/** Runs small-seller, seed 4, 3 replications on `workers` workers: the KPI means, the status line and the workers this run made. */
async function runOn(workers: number) {
  const before = (await workersMade()).length;
  await page.fill('#workers', String(workers));
  const seen = await runOnPage(page, 50_000);
  return {
    seen,
    kpis: JSON.parse((await page.getAttribute('#kpis', 'data-kpis'))!) as Record<string, number | null>,
    status: (await page.textContent('#status')) ?? '',
    made: (await workersMade()).slice(before),
  };
}

describe('web app, parallel workers', () => {
  it('offers one worker a core by default, at most 8', async () => {
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    expect(await page.inputValue('#workers')).toBe(String(Math.max(1, Math.min(8, cores))));
  });

  it('gives the same KPI means with 1 worker and 2, equal to Node’s, and 2 workers really run', async () => {
    await page.selectOption('#scenario', 'small-seller.yaml');
    await page.fill('#seed', '4');
    await page.fill('#reps', '3');
    const one = await runOn(1);
    expect(one.status).toMatch(/^3 replication\(s\) in .* on 1 parallel worker$/);
    // While it ran, the status said the estimate (web/run-plan.ts).
    expect(one.seen.some((line) => /^\d of 3 replications done, 1 running at a time; about \d+ s estimated in all$/.test(line))).toBe(true);
    expect(one.made.length).toBe(1);
    const two = await runOn(2);
    expect(two.status).toMatch(/^3 replication\(s\) in .* on 2 parallel workers$/);
    expect(two.made.length).toBe(2);
    for (const sent of two.made) expect(sent).toBeGreaterThan(0); // each worker was given a replication
    await page.setViewportSize({ width: 1440, height: 900 });
    mkdirSync(`${root}test-artifacts`, { recursive: true });
    await page.screenshot({ path: `${root}test-artifacts/web-workers.png` });

    expect(two.kpis).toEqual(one.kpis);
    const scenario = readScenarioFile(`${root}scenarios/small-seller.yaml`);
    const node = summarise([0, 1, 2].map((r) => runJit(scenario, { seed: 4, replication: r })));
    const means = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(node.kpis).map(([k, v]) => [k, v.mean]))));
    expect(Object.keys(one.kpis).sort()).toEqual(Object.keys(means).sort());
    for (const key of Object.keys(means)) expect(one.kpis[key], key).toBe(means[key]);
  }, 120_000);
});
