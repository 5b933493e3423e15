// The property suite's second half (test/scenario-properties.test.ts), run in a child process so that
// both cores load generated files at once: `node --import tsx test/helpers/scenario-half.ts SEED RUNS`
// prints {"valid":…,"refused":…} on success; a failing file's fast-check report (seed and path, which
// replay it) goes to stderr with exit code 1.
import { loadGenerated } from './scenario-checks.ts';

const [seed, runs] = process.argv.slice(2).map(Number);
try {
  const { valid, refused } = loadGenerated(seed, runs);
  process.stdout.write(JSON.stringify({ valid, refused }));
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exitCode = 1;
}
