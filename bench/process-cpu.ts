// CPU time used by all the descendants of a process (Linux /proc), to tell how many cores a
// browser run kept busy: Chromium's Web Workers are threads of its renderer processes.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime, in seconds, of every process below `pid` (not `pid` itself), at this moment. */
export function childrenCpuSeconds(pid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) in its parentheses.
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch { /* the process ended meanwhile */ }
  }
  let ticks = 0;
  const inTree = (p: number): boolean => {
    for (let q = stats.get(p)?.ppid ?? 0, hops = 0; q > 1 && hops < 64; q = stats.get(q)?.ppid ?? 0, hops++) if (q === pid) return true;
    return false;
  };
  for (const [p, s] of stats) if (inTree(p)) ticks += s.ticks;
  return ticks / TICKS_PER_SECOND;
}
