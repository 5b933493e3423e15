// Only regular files are read as scenarios, `extends` bases, data and state files
// (docs/scenario-format.md, "Limits on a file"): a FIFO would block the read for ever and a
// device never end, so each is opened without blocking and refused by its kind, in one line.
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { sizeProblem } from '../scenario/text-limits.ts';

/** Opens `path` for reading if it is a regular file (after symbolic links); returns the descriptor. */
export function openRegularFile(path: string, maxBytes = Infinity): number {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw refusal('ENOTREG', `is ${kindOf(stats)}, not a regular file`);
    const tooBig = sizeProblem(stats.size, maxBytes);
    if (tooBig) throw refusal('EFBIG', tooBig);
    return fd;
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/** The bytes of the regular file at `path`, refused if larger than `maxBytes`. */
export function readRegularFile(path: string, maxBytes = Infinity): Buffer {
  const fd = openRegularFile(path, maxBytes);
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

/** An error readFailure() (src/scenario/load.ts) words by its message. */
function refusal(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}
