// Records the golden outputs (test/golden/outputs.json, and platform.json for the web test). Run it only in a commit meant to change
// results, and say in that commit's message what moved and why: npm run golden
import { writeFileSync } from 'node:fs';
import { caseName, goldenCase, goldenFile, platformCase, platformFile, SEEDS, shippedScenarios, type GoldenCase } from './outputs.ts';

const out: Record<string, GoldenCase> = {};
for (const file of shippedScenarios()) {
  for (const seed of SEEDS) {
    out[caseName(file, seed)] = goldenCase(file, seed);
    process.stderr.write(`${caseName(file, seed)}\n`);
  }
}
writeFileSync(goldenFile, JSON.stringify(out, null, 1) + '\n');
console.log(`${Object.keys(out).length} cases written to ${goldenFile}`);
writeFileSync(platformFile, JSON.stringify(await platformCase(), null, 1) + '\n');
console.log(`the web test's platform case written to ${platformFile}`);
