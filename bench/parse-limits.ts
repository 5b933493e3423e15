// How the loader's time grows with a scenario's number of fields (issue 16: 10k unknown fields took
// 6.9 s to report, 20k 17.8 s, super-linear): the texts of test/helpers/many-keys.ts, many unknown
// fields and many objects replaced through `extends`, parsed at 5k, 10k, 20k and 40k fields in one
// process, each the median of `--rounds` after a warm-up. Target: linear, the time growing as the
// fields to a power of at most 1.3 from 5k to 40k (1 is linear, 2 quadratic: 17.8 s / 6.9 s was 1.37);
// the times are of the same session, so the machine's speed cancels. Writes
// bench/results/parse-limits.json.
// Usage: npm run bench:parse-limits [-- --rounds 5]
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario, ScenarioError } from '../src/scenario/load.ts';
import { replacedThroughExtends, unknownFields } from '../test/helpers/many-keys.ts';
import { option } from './option.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rounds = Number(option('rounds', '5'));
const SIZES = [5_000, 10_000, 20_000, 40_000];
/** The most the time may grow as a power of the fields: t(40k) / t(5k) at most 8^1.3, about 15×. */
const TARGET = 1.3;

/** Parses `text` (a base read as `base`), checks it reports all `n` fields, and returns the milliseconds taken. */
function timedParse(n: number, text: string, base: string): number {
  (globalThis as { gc?: () => void }).gc?.(); // with --expose-gc: no garbage of the last round collected in this one
  const t0 = performance.now();
  let message = '';
  try {
    parseScenario(text, 'a.yaml', () => base);
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    message = err.message;
  }
  const ms = performance.now() - t0;
  if (!message.endsWith(`… and ${n - 20} more problems`)) throw new Error(`${n} fields: expected ${n} problems, got ${message.split('\n').at(-1)}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

const CASES = {
  unknownFields: (n: number) => ({ text: unknownFields(n), base: '{}' }),
  replacedThroughExtends: (n: number) => { const { child, base } = replacedThroughExtends(n); return { text: child, base }; },
};

const cases = Object.fromEntries(Object.entries(CASES).map(([name, make]) => {
  const ms = SIZES.map((n) => {
    const { text, base } = make(n);
    timedParse(n, text, base); // warm-up
    return median(Array.from({ length: rounds }, () => timedParse(n, text, base)));
  });
  const ratios = ms.slice(1).map((t, i) => round(t / ms[i], 2));
  const power = round(Math.log(ms.at(-1)! / ms[0]) / Math.log(SIZES.at(-1)! / SIZES[0]), 2);
  console.log(`${name}: ${SIZES.map((n, i) => `${n / 1000}k ${round(ms[i])} ms`).join(', ')}; each doubling ×${ratios.join(', ×')}; time ∝ fields^${power}`);
  return [name, { fields: SIZES, ms: ms.map((t) => round(t)), doublingRatios: ratios, power, linear: power <= TARGET }];
}));

const out = {
  what: 'the loader reporting n unknown fields, and n objects replaced through extends (test/helpers/many-keys.ts)',
  rounds, powerTarget: TARGET, cases,
  linear: Object.values(cases).every((c) => c.linear),
  /** The machine's load over the last minute as the run ended: a shared machine's times swing with it. */
  loadAverage: round(loadavg()[0], 2),
  node: process.version, date: new Date().toISOString().slice(0, 10),
};
mkdirSync(resolve(root, 'bench/results'), { recursive: true });
writeFileSync(resolve(root, 'bench/results/parse-limits.json'), JSON.stringify(out, null, 2) + '\n');
console.log(out.linear ? `linear: time ∝ fields to a power of at most ${TARGET}` : `NOT linear: time ∝ fields to a power above ${TARGET}`);
