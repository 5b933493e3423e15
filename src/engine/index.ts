// The engine's public face: a generic discrete-event kernel that knows nothing of sellers or fines.
export { Simulation, type Handler, type RunOptions, type RunOutcome, type SimulationOptions, type StopReason } from './simulation.ts';
export { Process, Timeout, type ProcessBody, type Waitable } from './process.ts';
export { Resource, type ResourceOptions } from './resource.ts';
export { Roster } from './roster.ts';
export { Store, type StoreOptions } from './store.ts';
export { RandomStream, streamKey } from './random.ts';
export { AliasTable, zipfWeights } from './alias.ts';
export { lognormalFromMedianP90, lognormalMean, lognormalVariance } from './lognormal.ts';
export { PiecewiseRate, PoissonArrivals } from './nhpp.ts';
export { Tally } from './tally.ts';
export { TimeWeighted } from './time-weighted.ts';
export { Histogram } from './histogram.ts';
export { HourlySeries, LevelSeries } from './hourly-series.ts';
export { confidenceInterval, pairedDifference } from './confidence.ts';
export { normalQuantile, studentTQuantile } from './quantiles.ts';
export { erlangC, mg1, mmc } from './queueing-theory.ts';
