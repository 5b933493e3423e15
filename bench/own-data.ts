// What a seller's own data costs (issue targets: replaying the season's orders from a CSV at most
// 1.5x the synthetic run, --trace at most 2x), in one session, rounds alternating: one replication
// of black-friday-2022 (1:scale) synthetic; the same with its trace written (gzip) as the command
// does; and its orders, written once as a plain orders.csv, replayed as the whole platform's demand
// (`ordersReplace: platform`), the CSV's reading and checking counted in. Writes
// bench/results/own-data.json.
// Usage: npm run bench:own-data [-- --scale 1 --rounds 3]
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { assembleTrace, planTrace } from '../src/cli/trace.ts';
import { runJit } from '../src/model/jit.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { parseDate } from '../src/scenario/time.ts';
import { asciiBytes, chinaDateTimeWriter, CsvBytes } from '../src/experiment/csv-bytes.ts';
import { traceToFiles } from '../src/worker/trace-files.ts';
import { option } from './option.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scale = Number(option('scale', '1'));
const rounds = Number(option('rounds', '3'));

const dir = mkdtempSync(join(tmpdir(), 'jitsim-bench-own-'));
const base = join(dir, 'platform.yaml');
writeFileSync(base, [
  `extends: ${resolve(root, 'scenarios/black-friday-2022.yaml')}`,
  `sellers: { count: ${Math.round(30_000 / scale)} }`,
  `demand: { ordersPerDay: ${60_000 / scale} }`,
].join('\n') + '\n');
const synthetic = readScenarioFile(base);
const tracePath = join(dir, 'trace', 'orders.csv.gz');
const replayFile = join(dir, 'replay.yaml');
writeFileSync(replayFile, `extends: platform.yaml\ndemand: { orders: orders.csv, ordersReplace: platform }\n`);
writeOrdersCsv(synthetic, join(dir, 'orders.csv'));

/** The run's orders as a seller's export would have them: time, seller, sku, quantity, unitValueCny. */
function writeOrdersCsv(scenario: Scenario, path: string): void {
  const fd = openSync(path, 'w');
  writeSync(fd, 'time,seller,sku,quantity,unitValueCny\n');
  runJit(scenario, {
    seed: 1, replication: 0,
    trace: (world) => {
      const out = new CsvBytes((bytes) => { writeSync(fd, bytes); });
      const dateTime = chinaDateTimeWriter(parseDate(scenario.season.start)!.epochMs);
      return {
        order(s) {
          dateTime(out, s.placedAt); out.comma(); out.bytes(asciiBytes(world.names.sellerName(s.seller))); out.comma();
          out.bytes(asciiBytes(world.names.skuName(s.sku))); out.comma(); out.whole(s.quantity); out.comma(); out.fixed4(s.valueCny / s.quantity); out.endRow();
        },
        seller() {},
        end() { out.end(); },
      };
    },
  });
  closeSync(fd);
}

const seconds = (f: () => void) => { const t0 = performance.now(); f(); return (performance.now() - t0) / 1000; };
const run = (scenario: Scenario) => runJit(scenario, { seed: 1, replication: 0 });

const times = { synthetic: [] as number[], trace: [] as number[], replay: [] as number[], replayRead: [] as number[] };
let orders = 0, replayed = 0;
for (let r = 0; r < rounds; r++) {
  let result = run(synthetic);
  times.synthetic.push(seconds(() => { result = run(synthetic); }));
  orders = result.kpis.ordersPlaced;
  times.trace.push(seconds(() => {
    const plan = planTrace(base, synthetic, tracePath, 1, 1e9);
    const files = traceToFiles(plan.parts(0), 0);
    runJit(synthetic, { seed: 1, replication: 0, trace: files.trace });
    files.close();
    assembleTrace(plan, synthetic, [0]);
  }));
  let scenario!: Scenario;
  times.replayRead.push(seconds(() => { scenario = readScenarioFile(replayFile); }));
  times.replay.push(seconds(() => { replayed = run(scenario).kpis.ordersPlaced; }) + times.replayRead[r]);
  console.log(`round ${r + 1}: synthetic ${times.synthetic[r].toFixed(1)} s, with trace ${times.trace[r].toFixed(1)} s, replay ${times.replay[r].toFixed(1)} s (reading ${times.replayRead[r].toFixed(1)} s)`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratio = (xs: number[]) => median(xs.map((x, i) => x / times.synthetic[i]));
const out = {
  scenario: `black-friday-2022 at 1:${scale}`, replications: 1, rounds,
  ordersPlaced: orders, ordersReplayed: replayed, traceBytes: statSync(tracePath).size, ordersCsvBytes: statSync(join(dir, 'orders.csv')).size,
  seconds: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])),
  perRound: times.synthetic.map((x, i) => ({ trace: times.trace[i] / x, replay: times.replay[i] / x })),
  traceVsSynthetic: ratio(times.trace), traceTarget: 2,
  replayVsSynthetic: ratio(times.replay), replayTarget: 1.5,
  node: process.version, date: new Date().toISOString().slice(0, 10),
};
mkdirSync(resolve(root, 'bench/results'), { recursive: true });
writeFileSync(resolve(root, 'bench/results/own-data.json'), JSON.stringify(out, null, 2) + '\n');
console.log(JSON.stringify(out, null, 2));
rmSync(dir, { recursive: true, force: true });
