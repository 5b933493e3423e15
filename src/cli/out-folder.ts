// An output folder written all or nothing (README, "The command"): every file goes into a
// temporary folder beside --out, which then takes the place of the old one; a run killed midway
// leaves the old set or the new one, never a mix, and the next run clears what it left. A link at
// --out (or on the way to it) is followed: the swap happens beside the folder it names, and the link
// stays. A folder that cannot be swapped (files of the user's in it, a mount point) is updated file
// by file from a temporary folder inside it. checkOut makes the same checks before a run, so a bad
// --out is said before hours of replications, not after (docs/results.md, "Output folders").
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, realpathSync, renameSync, rmdirSync, rmSync, statfsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { testPause, writeFile } from './write-faults.ts';

/** An output folder that cannot be written: the path and a plain reason. */
export class OutError extends Error {}

/** Kernel file systems (proc, sysfs, cgroup2, debugfs, securityfs) hold no regular folders. */
const KERNEL_FILE_SYSTEMS = new Set([0x9fa0, 0x62656572, 0x63677270, 0x64626720, 0x73636673]);

const REASONS: Record<string, string> = {
  EROFS: 'the file system is read-only',
  EACCES: 'no permission to write there',
  EPERM: 'no permission to write there',
  ENOTDIR: 'part of the path is a file, not a folder',
  EEXIST: 'a file exists there',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOENT: 'the folder does not exist',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files open',
};

/** What went wrong with a file-system call, in words (the code when it is not one we know). */
export function plainReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  return (code && REASONS[code]) ?? (err instanceof Error ? err.message : String(err));
}

const leftover = (name: string) => new RegExp(`^\\.jitsim-tmp-(\\d+)-${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(new|old)$`);
const tmpName = (name: string, kind: 'new' | 'old') => `.jitsim-tmp-${process.pid}-${name}-${kind}`;

function alive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Clears what a killed run left beside `dir` (or beside the first of its folders still to be made)
 * and inside it: its new set is removed; its old set goes back in place if it was killed between
 * moving the old set aside and the new one in. A live run's are kept.
 */
export function recoverOut(dir: string): void {
  let abs = resolve(dir);
  while (!existsSync(dirname(abs))) abs = dirname(abs);
  const parent = dirname(abs), pattern = leftover(basename(abs));
  for (const entry of readdirSync(parent).sort().reverse()) {  // "old" before "new"
    const m = pattern.exec(entry);
    if (!m || alive(Number(m[1]))) continue;
    if (m[2] === 'old' && !existsSync(abs)) renameSync(join(parent, entry), abs);
    else rmSync(join(parent, entry), { recursive: true, force: true });
  }
  if (abs !== resolve(dir) || !statSync(abs, { throwIfNoEntry: false })?.isDirectory()) return;
  for (const entry of readdirSync(abs)) {  // a set moved in file by file is made inside
    const m = pattern.exec(entry);
    if (m && m[2] === 'new' && !alive(Number(m[1]))) rmSync(join(abs, entry), { recursive: true, force: true });
  }
}

/** True when something, a broken link included, has the name `path`. */
function named(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The path a broken chain of links from `link` ends at, the one that does not exist. */
function missingEnd(link: string): string {
  let path = link;
  for (let hop = 0; hop < 64 && named(path) && lstatSync(path).isSymbolicLink(); hop++) path = resolve(dirname(path), readlinkSync(path));
  return path;
}

/**
 * Where the folder `dir` really is, every link followed, so that the swap happens beside it and a
 * link stays a link; refuses, before anything is written, a path that is not or cannot become a
 * regular folder: through a file, to a broken link or a loop of links, on a kernel file system.
 */
export function realOut(dir: string): string {
  const abs = resolve(dir);
  let existing = abs;
  while (!named(existing)) existing = dirname(existing);
  const refuse = (reason: string): never => { throw new OutError(`--out ${dir}: ${reason}`); };
  const part = existing === abs ? '' : `${existing} `;
  let real = existing;
  try {
    real = realpathSync(existing);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') refuse(`${part}is a link in a loop of links, which never reaches a folder`);
    if (code === 'ENOENT' || code === 'ENOTDIR') refuse(`${part}is a link to ${missingEnd(existing)}, which does not exist`);
    refuse(`${part}is a link that cannot be followed: ${plainReason(err)}`);
  }
  if (!statSync(real).isDirectory()) {
    if (lstatSync(existing).isSymbolicLink()) refuse(`${part}is a link to ${real}, a file, not a folder`);
    refuse(part ? `${part}is a file, not a folder` : 'a file exists there, not a folder');
  }
  if (KERNEL_FILE_SYSTEMS.has(statfsSync(real).type)) refuse('not a regular folder (a kernel file system)');
  return join(real, relative(existing, abs));
}

/** Folders being written now, cleared if the process exits before they are in place. */
const pending = new Set<() => void>();
let guarded = false;

function guardExit(): void {
  if (guarded) return;
  guarded = true;
  process.on('exit', () => { for (const clear of pending) clear(); });
  // The write is synchronous, so a SIGTERM is handled only once it has ended; then exit as killed.
  process.on('SIGTERM', () => process.exit(143));
}

/**
 * True when the folder at `abs` can be swapped whole: it holds only files named in `own` (an earlier
 * run's set, or their `.tmp-PID` leftovers) and the command is not running inside it.
 */
function swappable(abs: string, own: string[]): boolean {
  if (!existsSync(abs)) return true;
  const cwd = resolve('.');
  if (cwd === abs || cwd.startsWith(abs + '/')) return false;
  return readdirSync(abs).every((entry) => own.includes(entry.replace(/\.tmp-\d+$/, '')));
}

/**
 * True when the folder `abs` is a mount point (a Docker volume, a tmpfs): on another device than the
 * folder holding it, so it cannot be renamed, nor a folder renamed into it from beside it.
 */
export function mountPoint(abs: string): boolean {
  return statSync(abs).dev !== statSync(dirname(abs)).dev;
}

/** True when the new set is to be made inside the existing folder `abs` and moved in file by file. */
function inPlace(abs: string, own: string[]): boolean {
  return existsSync(abs) && (!swappable(abs, own) || mountPoint(abs));
}

/** What renaming a mount point its device did not show (a bind mount on its folder's device) gives: EBUSY, or EXDEV on some systems. */
const MOUNTED = new Set(['EBUSY', 'EXDEV']);

/** The end of every write refusal: what is left as it was. */
const keptNote = (abs: string) => `nothing written, ${existsSync(abs) ? 'the files already there are kept' : 'no folder made'}`;

/**
 * Makes, before a run, every check writeFolder makes that can be made then, so that a bad --out is
 * refused before hours of replications rather than after them: realOut's refusals, then a real
 * write, a temporary folder made and removed where the new set would be made (beside --out, inside
 * it, or in the nearest folder that exists when --out and its parents are still to be made). Nothing
 * is made at --out. `own` is every file the command may write there.
 */
export function checkOut(dir: string, own: string[]): void {
  const abs = realOut(dir);
  let where = dirname(abs), name = basename(abs);
  if (inPlace(abs, own)) where = abs;
  else while (!existsSync(where)) [where, name] = [dirname(where), basename(where)];
  const probe = join(where, tmpName(name, 'new'));  // named as writeFolder's, so recoverOut clears it
  try {
    recoverOut(abs);
    mkdirSync(probe);
    rmdirSync(probe);
  } catch (err) {
    throw new OutError(`--out ${dir}: cannot write ${dir}: ${plainReason(err)}; ${keptNote(abs)}`);
  }
}

/**
 * Writes `files` (name → text) as the folder `dir`, all or nothing; an OutError names the path and
 * why. A folder that holds files of the user's beside an earlier set (anything not in `own`), or is a
 * mount point, is not swapped but updated file by file from the complete new set, made in a
 * temporary folder inside it, each file renamed into place.
 */
export function writeFolder(dir: string, files: [string, string][], own: string[]): void {
  const abs = realOut(dir), parent = dirname(abs), name = basename(abs);
  const aside = join(parent, tmpName(name, 'old'));
  let fresh = '', writing = dir;
  guardExit();
  const clear = () => {
    if (fresh) rmSync(fresh, { recursive: true, force: true });
    if (existsSync(aside) && !existsSync(abs)) renameSync(aside, abs);
  };
  /** The complete new set, in the temporary folder `folder`. */
  const make = (folder: string) => {
    fresh = folder;
    mkdirSync(fresh);
    for (const [file, text] of files) {
      writing = join(dir, file);
      writeFile(join(fresh, file), text);
      testPause();
    }
    writing = dir;
  };
  const moveIn = () => {
    make(join(abs, tmpName(name, 'new')));
    for (const [file] of files) renameSync(join(fresh, file), join(abs, file));
    // An earlier set's file this one lacks (kpis-window.csv, an interrupted plan's roster.yaml) would mix the sets.
    for (const file of own) if (!files.some(([f]) => f === file)) rmSync(join(abs, file), { force: true });
    rmSync(fresh, { recursive: true, force: true });
  };
  pending.add(clear);
  try {
    recoverOut(abs);
    if (inPlace(abs, own)) return moveIn();
    mkdirSync(parent, { recursive: true });
    make(join(parent, tmpName(name, 'new')));
    const hadOld = existsSync(abs);
    try {
      if (hadOld) renameSync(abs, aside);
    } catch (err) {
      if (!MOUNTED.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
      rmSync(fresh, { recursive: true, force: true });  // a mount point its device did not show
      return moveIn();
    }
    testPause();
    renameSync(fresh, abs);
    testPause();
    if (hadOld) rmSync(aside, { recursive: true, force: true });
  } catch (err) {
    try { clear(); } catch { /* the reason below is what matters */ }
    throw new OutError(`--out ${dir}: cannot write ${writing}: ${plainReason(err)}; ${keptNote(abs)}`);
  } finally {
    pending.delete(clear);
  }
}
