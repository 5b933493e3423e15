// The worker API's result crosses a thread boundary by transfer: every typed array in it is
// listed for transfer, so posting it moves the buffers (the sender's arrays are left empty)
// and the receiver gets the same numbers.
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../cli/read-scenario.ts';
import { runJit } from '../model/jit.ts';
import type { RunResult } from '../model/result.ts';
import { transferables } from './api.ts';

/** Every ArrayBuffer reachable from a value through objects, arrays and typed arrays. */
function buffersIn(value: unknown, found = new Set<ArrayBuffer>()): Set<ArrayBuffer> {
  if (ArrayBuffer.isView(value)) found.add(value.buffer as ArrayBuffer);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) buffersIn(v, found);
  return found;
}

describe('worker results by transfer', () => {
  const scenario = readScenarioFile(new URL('../../scenarios/small-seller.yaml', import.meta.url).pathname);

  it('lists every buffer of the result, and posting it moves them rather than copying', async () => {
    const result = runJit(scenario, { seed: 3, replication: 0 });
    const listed = transferables(result);
    expect(new Set(listed)).toEqual(buffersIn(result));
    expect(listed.length).toBeGreaterThan(20);
    const expected = structuredClone(result);
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<RunResult>((resolve) => { port2.onmessage = (event) => resolve(event.data as RunResult); });
    port1.postMessage(result, listed);
    const got = await received;
    port1.close();
    port2.close();
    expect(result.hourly.receivingQueueEnd.byteLength).toBe(0); // moved: the sender's copy is detached
    expect(got).toEqual(expected);
  });
});
