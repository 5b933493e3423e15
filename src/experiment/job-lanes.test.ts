// The lane runner shared by the Node pool and the page's workers: results by job index whatever
// the order lanes finish in, abort drops running jobs and keeps finished ones, a failure stops all.
import { describe, expect, it } from 'vitest';
import { laneCount, runLanes, type LaneRunner } from './job-lanes.ts';

/** A job that resolves (or rejects) only when the test says so, so the order of finishing is chosen. */
interface Pending { index: number; lane: number; resolve(v: string): void; reject(e: Error): void }

function controlledLanes(count: number) {
  const started: Pending[] = [];
  const lanes = Array.from({ length: count }, (_, lane): LaneRunner<string, string> =>
    (job, index) => new Promise<string>((resolve, reject) => { started.push({ index, lane, resolve: (v) => resolve(`${job}:${v}`), reject }); }));
  return { started, lanes };
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

describe('runLanes', () => {
  it('hands each result over with its job index, whichever lane finishes first', async () => {
    const { started, lanes } = controlledLanes(2);
    const heard: [number, string][] = [];
    const done = runLanes(['a', 'b', 'c', 'd'], lanes, { onResult: (i, r) => heard.push([i, r]) });
    await tick();
    expect(started.map((p) => [p.index, p.lane])).toEqual([[0, 0], [1, 1]]);
    started[1].resolve('x'); // lane 1 finishes job 1 first and takes job 2
    await tick();
    expect(started.map((p) => [p.index, p.lane])).toEqual([[0, 0], [1, 1], [2, 1]]);
    started[2].resolve('y'); // lane 1 again first: it takes job 3, so lane 0 finds none left
    await tick();
    started[0].resolve('z');
    await tick();
    started[3].resolve('w');
    await expect(done).resolves.toEqual({ completed: 4, interrupted: false });
    expect(heard).toEqual([[1, 'b:x'], [2, 'c:y'], [0, 'a:z'], [3, 'd:w']]);
    expect(started.map((p) => [p.index, p.lane])).toEqual([[0, 0], [1, 1], [2, 1], [3, 1]]);
  });

  it('gives the same results by index with 1 lane as with 3', async () => {
    const jobs = [5, 3, 8, 1, 4, 7, 2];
    const collect = async (count: number) => {
      const results: number[] = [];
      // Lane speed differs by lane, so the finishing order differs between the two runs.
      const lanes = Array.from({ length: count }, (_, lane): LaneRunner<number, number> =>
        (job) => new Promise((r) => setTimeout(() => r(job * job), job * (lane + 1))));
      const outcome = await runLanes(jobs, lanes, { onResult: (i, r) => { results[i] = r; } });
      return { outcome, results };
    };
    const one = await collect(1), three = await collect(3);
    expect(one.results).toEqual([25, 9, 64, 1, 16, 49, 4]);
    expect(three.results).toEqual(one.results);
    expect(three.outcome).toEqual({ completed: 7, interrupted: false });
  });

  it('on abort drops the running jobs, keeps the finished ones and starts no more', async () => {
    const { started, lanes } = controlledLanes(2);
    const heard: number[] = [];
    const abort = new AbortController();
    const done = runLanes(['a', 'b', 'c', 'd', 'e'], lanes, { onResult: (i) => heard.push(i), signal: abort.signal });
    await tick();
    started[0].resolve('x');
    await tick();
    expect(started.map((p) => p.index)).toEqual([0, 1, 2]);
    abort.abort();
    await expect(done).resolves.toEqual({ completed: 1, interrupted: true });
    started[1].resolve('late'); // a dropped job that answers anyway is not heard
    started[2].resolve('late');
    await tick();
    expect(heard).toEqual([0]);
    expect(started).toHaveLength(3);
  });

  it('runs nothing when the signal is already aborted', async () => {
    const { started, lanes } = controlledLanes(2);
    const abort = new AbortController();
    abort.abort();
    await expect(runLanes(['a'], lanes, { onResult: () => {}, signal: abort.signal })).resolves.toEqual({ completed: 0, interrupted: true });
    expect(started).toHaveLength(0);
  });

  it('re-throws the first failure and stops the other lanes', async () => {
    const { started, lanes } = controlledLanes(2);
    const heard: number[] = [];
    const done = runLanes(['a', 'b', 'c', 'd'], lanes, { onResult: (i) => heard.push(i) });
    await tick();
    started[1].reject(new Error('replication 1 ran out of memory'));
    await expect(done).rejects.toThrow('replication 1 ran out of memory');
    started[0].resolve('late');
    await tick();
    expect(heard).toEqual([]);
    expect(started.map((p) => p.index)).toEqual([0, 1]);
  });
});

describe('laneCount', () => {
  it('is one lane a core, at most 8, never more than the jobs, at least one', () => {
    expect(laneCount(2, 10)).toBe(2);
    expect(laneCount(16, 10)).toBe(8);
    expect(laneCount(16, 3)).toBe(3);
    expect(laneCount(0, 5)).toBe(1);
    expect(laneCount(4, 0)).toBe(1);
  });
});
