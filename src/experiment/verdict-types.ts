// The shape of a verdict between a pre-stock and a JIT scenario (verdict.ts builds it): plain
// data that survives JSON and a worker boundary. Every difference is JIT side − pre-stock side.
import type { Mode } from '../scenario/types.ts';
import type { KpiDifference } from './summary.ts';
import type { WorseOffShare } from './worse-off.ts';

export type Side = 'a' | 'b';
/** What a difference means for those it concerns; one whose interval holds 0 is no clear difference. */
export type Outcome = 'better' | 'worse' | 'no clear difference';
export type Unit = 'parcels' | 'units' | 'hours' | 'CNY' | 'share';

export interface VerdictFigure {
  kpi: string;
  label: string;
  unit: Unit;
  /** JIT side − pre-stock side, paired by replication, with its 95% interval. */
  difference: KpiDifference;
  outcome: Outcome;
}

export interface ClassVerdict {
  className: string;
  sellers: number;
  /** The scenario this class sells JIT in (the other has it on pre-stock). */
  jitIn: Side;
  /** Class totals (fines, lost sales, costs) and profit per seller, JIT − pre-stock. */
  figures: VerdictFigure[];
  /** Share of the class's sellers whose own profit is lower under JIT; null when sellers cannot be paired. */
  worseOff: WorseOffShare | null;
  /** From the mean profit per seller: worse when it is clearly lower under JIT. */
  outcome: Outcome;
}

/** A class that sells the same way in both scenarios: not judged, its profit shown only as a side effect. */
export interface UnchangedClass {
  className: string;
  mode: Mode;
  /** Mean profit per seller, JIT-side scenario − pre-stock-side scenario; null when not reported. */
  profitMean: KpiDifference | null;
}

export type PlatformOutcome = 'better' | 'worse' | 'mixed' | 'no clear difference' | 'not reported';
export type PeakRelief = 'relieved' | 'worsened' | 'mixed' | 'no clear difference' | 'not reported';
/** The question answered: is JIT progress, or does it move the burden onto sellers? */
export type Answer =
  | 'progress' // someone clearly gains and nobody clearly loses
  | 'burden moved onto sellers' // the platform gains, some seller class clearly loses
  | 'costs sellers, mixed for the platform' // some seller class clearly loses; the platform gains on some figures, loses on others
  | 'costs sellers, no clear platform gain'
  | 'worse for platform and sellers'
  | 'burden moved onto the platform' // sellers gain, the platform clearly loses
  | 'worse for the platform'
  | 'mixed' // no seller class clearly loses; the platform gains on some figures, loses on others
  | 'no clear difference';

export interface Verdict {
  labels: { a: string; b: string };
  /** The scenario with more sellers under JIT (B on a tie). */
  jitSide: Side;
  replications: number;
  platform: {
    figures: VerdictFigure[];
    outcome: PlatformOutcome;
    /** Whether JIT relieves the peak week's queues and dock-to-stock times (season-wide ones if those are not reported). */
    peak: PeakRelief;
    /** The KPIs `peak` was judged on. */
    peakKpis: string[];
  };
  /** Classes whose mode differs between the scenarios, in class order. */
  classes: ClassVerdict[];
  unchanged: UnchangedClass[];
  /** KPIs the verdict would use that the runs do not report (missing or NaN); seller ones as "class.kpi". */
  notReported: string[];
  answer: Answer;
  /** 2–4 sentences in plain words, built from the figures above. */
  headline: string[];
}

/** Everything the headline is worded from. */
export type Judged = Omit<Verdict, 'headline'>;
