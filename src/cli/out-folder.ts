// An output folder written all or nothing (README, "The command"): every file goes into a
// temporary folder beside --out, which then takes the place of the old one; a run killed midway
// leaves the old set or the new one, never a mix, and the next run clears what it left.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statfsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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
 * Clears what a killed run left beside `dir`: its new set is removed; its old set goes back in
 * place if it was killed between moving the old set aside and the new one in. A live run's are kept.
 */
export function recoverOut(dir: string): void {
  const abs = resolve(dir), parent = dirname(abs), pattern = leftover(basename(abs));
  if (!existsSync(parent)) return;
  for (const entry of readdirSync(parent).sort().reverse()) {  // "old" before "new"
    const m = pattern.exec(entry);
    if (!m || alive(Number(m[1]))) continue;
    if (m[2] === 'old' && !existsSync(abs)) renameSync(join(parent, entry), abs);
    else rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

/** Refuses a path that is not, or cannot become, a regular folder, before anything is written. */
function checkPath(dir: string, abs: string): void {
  let existing = abs;
  while (!existsSync(existing)) existing = dirname(existing);
  const refuse = (reason: string) => { throw new OutError(`--out ${dir}: ${reason}`); };
  if (!statSync(existing).isDirectory()) refuse(existing === abs ? 'a file exists there, not a folder' : `${existing} is a file, not a folder`);
  if (KERNEL_FILE_SYSTEMS.has(statfsSync(existing).type)) refuse('not a regular folder (a kernel file system)');
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
 * Writes `files` (name → text) as the folder `dir`, all or nothing; an OutError names the path and
 * why. A folder that holds files of the user's beside an earlier set (anything not in `own`) is
 * not swapped but updated file by file from the complete new set, each file renamed into place.
 */
export function writeFolder(dir: string, files: [string, string][], own: string[]): void {
  const abs = resolve(dir), parent = dirname(abs), name = basename(abs);
  const fresh = join(parent, tmpName(name, 'new')), aside = join(parent, tmpName(name, 'old'));
  checkPath(dir, abs);
  guardExit();
  const clear = () => {
    rmSync(fresh, { recursive: true, force: true });
    if (existsSync(aside) && !existsSync(abs)) renameSync(aside, abs);
  };
  let writing = dir;
  pending.add(clear);
  try {
    mkdirSync(parent, { recursive: true });
    recoverOut(abs);
    mkdirSync(fresh);
    for (const [file, text] of files) {
      writing = join(dir, file);
      writeFile(join(fresh, file), text);
      testPause();
    }
    writing = dir;
    if (!swappable(abs, own)) {
      for (const [file] of files) renameSync(join(fresh, file), join(abs, file));
      // An earlier set's file this one lacks (kpis-window.csv, an interrupted plan's roster.yaml) would mix the sets.
      for (const file of own) if (!files.some(([f]) => f === file)) rmSync(join(abs, file), { force: true });
      rmSync(fresh, { recursive: true, force: true });
      return;
    }
    const hadOld = existsSync(abs);
    if (hadOld) renameSync(abs, aside);
    testPause();
    renameSync(fresh, abs);
    testPause();
    if (hadOld) rmSync(aside, { recursive: true, force: true });
  } catch (err) {
    try { clear(); } catch { /* the reason below is what matters */ }
    const kept = existsSync(abs) ? 'the files already there are kept' : 'no folder made';
    throw new OutError(`--out ${dir}: cannot write ${writing}: ${plainReason(err)}; nothing written, ${kept}`);
  } finally {
    pending.delete(clear);
  }
}
