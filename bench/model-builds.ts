// Two builds of the model in one process, for bench/model.ts: the working tree, and an older commit
// checked out as a detached git worktree inside the repo (so its imports of npm packages resolve to
// the repo's node_modules). Only each build's stable entry points are loaded.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Build {
  runJit(scenario: unknown, options: { seed: number; replication: number; onDay?: (daysDone: number, events: number) => boolean | void }):
    { kpis: Record<string, number>; events: number; horizonHours: number };
  readScenarioFile(path: string): unknown;
}

export const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** `<root>/.bench-before` as a clean detached worktree at `ref`, made or remade as needed; its path. */
export function prepareWorktree(root: string, ref: string, dirName = '.bench-before'): string {
  const dir = resolve(root, dirName);
  const commit = git(root, 'rev-parse', '--verify', `${ref}^{commit}`);
  if (existsSync(dir)) {
    let head = '';
    let dirty = '';
    try {
      if (resolve(git(dir, 'rev-parse', '--show-toplevel')) !== dir) throw new Error('not a worktree');
      head = git(dir, 'rev-parse', 'HEAD');
      dirty = git(dir, 'status', '--porcelain');
    } catch {
      throw new Error(`${dir} exists but is not a git worktree: remove it and run again`);
    }
    if (head === commit && !dirty) return dir;
    console.error(head === commit
      ? `bench/model: ${dirName} has local changes; recreating it at ${commit.slice(0, 7)}`
      : `bench/model: ${dirName} is at ${head.slice(0, 7)}, not ${commit.slice(0, 7)} (${ref}); recreating it`);
    git(root, 'worktree', 'remove', '--force', dir);
  }
  git(root, 'worktree', 'prune');
  git(root, 'worktree', 'add', '--detach', dir, commit);
  console.error(`bench/model: created worktree ${dirName} at ${commit.slice(0, 7)}`);
  return dir;
}

/** The model's stable entry points from the sources under `dir`. */
export async function loadBuild(dir: string): Promise<Build> {
  const load = (path: string) => import(pathToFileURL(resolve(dir, path)).href);
  const [{ runJit }, { readScenarioFile }] = await Promise.all([load('src/model/jit.ts'), load('src/cli/read-scenario.ts')]);
  return { runJit, readScenarioFile };
}
