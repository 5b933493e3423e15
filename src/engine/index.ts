// The engine's public face: a generic discrete-event kernel that knows nothing of sellers or fines.
// kernel/: the clock, event calendar, processes, resources with rosters, stores, waiting lines.
export { type Handler, type Scheduler } from './kernel/scheduler.ts';
export { saveFields, restoreFields } from './kernel/fields.ts';
export { Simulation, type RunOptions, type RunOutcome, type SimulationOptions, type SimulationState, type StopReason } from './kernel/simulation.ts';
export { Process, Timeout, type ProcessBody, type Waitable } from './kernel/process.ts';
export { Resource, type ResourceOptions, type ResourceState } from './kernel/resource.ts';
export { Roster } from './kernel/roster.ts';
export { Store, type StoreOptions } from './kernel/store.ts';
export { WaitingLine, unrollRing, type WaitingLineState } from './kernel/waiting-line.ts';
// random/: named streams, distributions, alias tables, non-homogeneous Poisson arrivals, exact math.
export { RandomStream, streamKey, type RandomStreamState } from './random/random.ts';
export { AliasTable, zipfWeights } from './random/alias.ts';
export { lognormalFromMedianP90, lognormalMean, lognormalVariance } from './random/lognormal.ts';
export { PiecewiseRate, PoissonArrivals } from './random/nhpp.ts';
export { exp, exp10, expm1, log, log10, log1p, pow } from './random/math.ts';
// stats/: tallies, time-weighted levels, histograms, hourly series, confidence intervals, theory.
export { Tally } from './stats/tally.ts';
export { TimeWeighted } from './stats/time-weighted.ts';
export { Histogram, type HistogramKind, type HistogramSnapshot } from './stats/histogram.ts';
export { HourlySeries, LevelSeries } from './stats/hourly-series.ts';
export { PeriodHistograms, periodCount, periodCountBelow, periodQuantile, periodShareBelow, type PeriodHistogramsSnapshot } from './stats/period-histograms.ts';
export { confidenceInterval, pairedDifference, type ConfidenceInterval, type PairedDifference } from './stats/confidence.ts';
export { normalQuantile, studentTQuantile } from './stats/quantiles.ts';
export { erlangC, mg1, mmc, mmcTimeInSystemTail } from './stats/queueing-theory.ts';
