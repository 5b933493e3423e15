// Faults injected into the output folder's writing, for the fault tests only (test/cli-faults.test.ts):
// JITSIM_TEST_PAUSE_MS pauses after each file and each step of the swap, so a test can kill the
// command at a known moment; JITSIM_TEST_DISK_BYTES makes the disk "full" after that many bytes;
// JITSIM_TEST_FS_ERROR=CODE (EROFS, ENOTDIR, EEXIST…) fails the first file with that code, for
// faults no test can cause for real on every machine (docs/results.md, "Output folders").
import { writeFileSync } from 'node:fs';

const pauseMs = Number(process.env.JITSIM_TEST_PAUSE_MS ?? 0);
const diskBytes = process.env.JITSIM_TEST_DISK_BYTES === undefined ? Infinity : Number(process.env.JITSIM_TEST_DISK_BYTES);
const fsError = process.env.JITSIM_TEST_FS_ERROR;
let written = 0;

/** Blocks for JITSIM_TEST_PAUSE_MS (nothing without it). */
export function testPause(): void {
  if (pauseMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pauseMs);
}

/** An error as Node's file-system calls throw it. */
const fault = (code: string, what: string, path: string) => Object.assign(new Error(`${code}: ${what}, write '${path}'`), { code, path });

/**
 * writeFileSync, failing with JITSIM_TEST_FS_ERROR's code before writing, or with ENOSPC past
 * JITSIM_TEST_DISK_BYTES (after writing what fits, as a full disk does).
 */
export function writeFile(path: string, text: string): void {
  if (fsError) throw fault(fsError, 'injected by JITSIM_TEST_FS_ERROR', path);
  const bytes = Buffer.byteLength(text);
  if (written + bytes > diskBytes) {
    writeFileSync(path, Buffer.from(text).subarray(0, Math.max(0, diskBytes - written)));
    written = diskBytes;
    throw fault('ENOSPC', 'no space left on device', path);
  }
  writeFileSync(path, text);
  written += bytes;
}
