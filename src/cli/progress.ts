// The progress bars on stderr (only when stderr is a terminal): replications done, simulated
// days, events per second and time left; or, for a planner's many short runs, runs done.
import cliProgress from 'cli-progress';

export interface Progress {
  day(replication: number, days: number, events: number): void;
  replicationDone(): void;
  stop(): void;
}

export function progressBar(replications: number, daysPerReplication: number, enabled: boolean): Progress {
  if (!enabled) return { day() {}, replicationDone() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: ' {bar} {percentage}% | replications {reps}/{total_reps} | {days} simulated days | {rate} events/s | {eta_formatted} left',
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  const daysNow = new Map<number, number>(), eventsNow = new Map<number, number>();
  let doneDays = 0, doneEvents = 0, reps = 0;
  bar.start(replications * daysPerReplication, 0, { reps: 0, total_reps: replications, days: 0, rate: 0 });
  const update = () => {
    let days = doneDays, events = doneEvents;
    for (const d of daysNow.values()) days += d;
    for (const e of eventsNow.values()) events += e;
    const seconds = (performance.now() - started) / 1000;
    bar.update(days, { reps, days, rate: Math.round(events / Math.max(seconds, 1e-3)).toLocaleString('en') });
  };
  return {
    day(replication, days, events) {
      daysNow.set(replication, days);
      eventsNow.set(replication, events);
      update();
    },
    replicationDone() {
      reps++;
      update();
    },
    stop() {
      bar.stop();
    },
  };
}

/** A planner's bar: runs done of `total` and time left. */
export function runsBar(total: number, enabled: boolean): { increment(): void; stop(): void } {
  if (!enabled) return { increment() {}, stop() {} };
  const bar = new cliProgress.SingleBar({ stream: process.stderr, format: ' {bar} {percentage}% | runs {value}/{total} | {eta_formatted} left', hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  return { increment: () => bar.increment(), stop: () => bar.stop() };
}

/** A bar for one stage of a longer job: `label` value/total and time left. */
export function stageBar(label: string, total: number, enabled: boolean): { update(value: number): void; stop(): void } {
  if (!enabled) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar({ stream: process.stderr, format: ` {bar} {percentage}% | ${label} | {eta_formatted} left`, hideCursor: true, etaBuffer: 20 }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  return { update: (value) => bar.update(value), stop: () => bar.stop() };
}
