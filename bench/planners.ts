// The planners' wall time (issue 12's targets): the 30-policy stocking plan of small-seller.yaml
// as the command runs it (`jitsim plan stocking`, 10 replications, with and without disruptions:
// 600 runs on every core; target under 30 s), against a baseline in the same session: the same
// 600 runs of the one scenario as plain replications on the same pool (what the planner adds on
// top of simulating). Then the staffing plan of black-friday-2022.yaml as the command runs it
// (`jitsim plan staffing`, 4 replications recorded, the search, 4 fresh replications validated;
// target under 5 minutes), its stages timed, against its own recording stage: 4 plain replications
// of the whole model on the same pool in the same session.
// Writes bench/results/planners.json. Usage: npm run bench:planners [-- --reps 10] [-- --no-stocking]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { defaultWorkers, runPool } from '../src/worker/pool.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--reps');
const reps = i >= 0 ? Number(process.argv[i + 1]) : 10;
const file = 'scenarios/small-seller.yaml';

function stockingPlan(): { seconds: number; runs: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [resolve(root, 'bin/jitsim.mjs'), 'plan', 'stocking', resolve(root, file), '--reps', String(reps), '--quiet', '--json', '--out', join(tmpdir(), `jitsim-bench-plan-${process.pid}`)], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`plan stocking failed: ${r.stderr}`);
  return { seconds, runs: JSON.parse(r.stdout).jobs };
}

async function baseline(runs: number): Promise<number> {
  const scenario = readScenarioFile(resolve(root, file));
  const t0 = performance.now();
  await runPool({ scenario, seed: 1, replications: runs });
  return (performance.now() - t0) / 1000;
}

function staffingPlan(): { seconds: number; doc: { seconds: Record<string, number>; evaluations: number; minimalityTrials: number; staffHours: { total: { planned: number; scenario: number } } } } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [resolve(root, 'bin/jitsim.mjs'), 'plan', 'staffing', resolve(root, staffingFile), '--quiet', '--json', '--out', join(tmpdir(), `jitsim-bench-staffing-${process.pid}`)], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`plan staffing failed: ${r.stderr}`);
  return { seconds, doc: JSON.parse(r.stdout) };
}

const staffingFile = 'scenarios/black-friday-2022.yaml';
const withStocking = !process.argv.includes('--no-stocking');
// Alternate the two, twice, to cancel drift in a shared machine's speed.
const plan: number[] = [], plain: number[] = [];
let runs = 0;
for (let round = 0; round < (withStocking ? 2 : 0); round++) {
  const p = stockingPlan();
  runs = p.runs;
  plan.push(p.seconds);
  plain.push(await baseline(runs));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const staffing = staffingPlan();
const stages = staffing.doc.seconds;
const previous = (() => { try { return JSON.parse(readFileSync(resolve(root, 'bench/results/planners.json'), 'utf8')); } catch { return {}; } })();
const stocking = withStocking ? {
  /** When the stocking figures were measured (kept from the last run when --no-stocking). */
  stockingDate: new Date().toISOString(),
  stockingScenario: file,
  stockingPolicies: 30,
  stockingReplications: reps,
  stockingRuns: runs,
  stockingSeconds: +Math.min(...plan).toFixed(2),
  stockingSecondsEachRound: plan.map((x) => +x.toFixed(2)),
  plainRunsSecondsEachRound: plain.map((x) => +x.toFixed(2)),
  /** Planner wall time over the same number of plain replications (both on every core, same session). */
  stockingOverPlainRuns: +(median(plan) / median(plain)).toFixed(3),
} : { stockingDate: previous.stockingDate ?? previous.date, ...Object.fromEntries(Object.entries(previous).filter(([k]) => k.startsWith('stocking') || k === 'plainRunsSecondsEachRound')) };
const result = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  workers: defaultWorkers(),
  ...stocking,
  staffingScenario: staffingFile,
  staffingReplications: 4,
  staffingValidationReplications: 4,
  staffingSeconds: +staffing.seconds.toFixed(1),
  /** The command's stages: recording 4 replications, the search, validating 4 fresh ones. */
  staffingStageSeconds: stages,
  staffingEvaluations: staffing.doc.evaluations,
  staffingMinimalityTrials: staffing.doc.minimalityTrials,
  /** The whole plan over its recording stage (4 plain replications of the model on the same pool, same session). */
  staffingOverRecording: +(staffing.seconds / stages.record).toFixed(2),
  staffHoursPlannedOverScenario: +(staffing.doc.staffHours.total.planned / staffing.doc.staffHours.total.scenario).toFixed(3),
};
mkdirSync(resolve(root, 'bench/results'), { recursive: true });
writeFileSync(resolve(root, 'bench/results/planners.json'), JSON.stringify(result, null, 2) + '\n');
if (withStocking) {
  console.log(`stocking plan of ${file}: 30 policies × ${reps} replications × 2 settings = ${runs} runs in ${stocking.stockingSeconds} s (rounds ${(stocking.stockingSecondsEachRound as number[]).join(', ')} s); ` +
    `the same number of plain runs ${(stocking.plainRunsSecondsEachRound as number[]).join(', ')} s: x${stocking.stockingOverPlainRuns}`);
}
console.log(`staffing plan of ${staffingFile}: ${result.staffingSeconds} s (record ${stages.record} s, search ${stages.plan} s, validate ${stages.validate} s): x${result.staffingOverRecording} its recording stage; ` +
  `${result.staffingEvaluations} candidates, ${result.staffingMinimalityTrials} cuts tried; staff-hours x${result.staffHoursPlannedOverScenario} the scenario's`);
console.log('Written to bench/results/planners.json');
