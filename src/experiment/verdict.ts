// The verdict of comparing a pre-stock scenario with a JIT one: does JIT relieve the platform,
// or does it move the burden onto sellers? Every figure is JIT side − pre-stock side, paired by
// replication on common random numbers; plain data, so the web app can show it as well.
import type { RunResult } from '../model/result.ts';
import { compareKpis } from './summary.ts';
import { headline } from './verdict-headline.ts';
import type { Answer, ClassVerdict, Judged, Outcome, PeakRelief, PlatformOutcome, Side, UnchangedClass, Unit, Verdict, VerdictFigure } from './verdict-types.ts';
import { worseOffShare } from './worse-off.ts';

export type * from './verdict-types.ts';

interface FigureSpec { kpi: string; label: string; unit: Unit; better: 'lower' | 'higher' }

const PEAK_WEEK: FigureSpec[] = [
  { kpi: 'peakWeekReceivingQueuePeakParcels', label: 'peak-week receiving queue peak', unit: 'parcels', better: 'lower' },
  { kpi: 'peakWeekQcQueuePeakParcels', label: 'peak-week QC queue peak', unit: 'parcels', better: 'lower' },
  { kpi: 'peakWeekDockToStockP50Hours', label: 'peak-week dock-to-stock P50', unit: 'hours', better: 'lower' },
  { kpi: 'peakWeekDockToStockP95Hours', label: 'peak-week dock-to-stock P95', unit: 'hours', better: 'lower' },
];
const SEASON_PEAK: FigureSpec[] = [
  { kpi: 'receivingQueuePeakParcels', label: 'season receiving queue peak', unit: 'parcels', better: 'lower' },
  { kpi: 'qcQueuePeakParcels', label: 'season QC queue peak', unit: 'parcels', better: 'lower' },
  { kpi: 'dockToStockP95Hours', label: 'season dock-to-stock P95', unit: 'hours', better: 'lower' },
];
/** For the platform lower is better throughout: shorter queues and waits, less shelf space, fewer sales lost before listing. */
const PLATFORM: FigureSpec[] = [
  ...PEAK_WEEK,
  ...SEASON_PEAK,
  { kpi: 'shelfOccupancyPeakUnits', label: 'shelf occupancy peak', unit: 'units', better: 'lower' },
  { kpi: 'shelfOccupancyMeanUnits', label: 'shelf occupancy mean', unit: 'units', better: 'lower' },
  { kpi: 'listingLeadTimeP50Hours', label: 'listing lead time P50', unit: 'hours', better: 'lower' },
  { kpi: 'listingLeadTimeP95Hours', label: 'listing lead time P95', unit: 'hours', better: 'lower' },
  { kpi: 'lostSalesUnlistedCny', label: 'sales lost before listing', unit: 'CNY', better: 'lower' },
];
const SELLERS: FigureSpec[] = [
  { kpi: 'finesTotalCny', label: 'fines, class total', unit: 'CNY', better: 'lower' },
  { kpi: 'lostSalesCny', label: 'lost sales, class total', unit: 'CNY', better: 'lower' },
  { kpi: 'shippingCostCny', label: 'shipping cost, class total', unit: 'CNY', better: 'lower' },
  { kpi: 'holdingCostCny', label: 'holding cost, class total', unit: 'CNY', better: 'lower' },
  { kpi: 'returnCostCny', label: 'return cost, class total', unit: 'CNY', better: 'lower' },
  { kpi: 'sellersSuspendedShare', label: 'sellers suspended', unit: 'share', better: 'lower' },
  { kpi: 'sellerProfitMeanCny', label: 'profit per seller, mean', unit: 'CNY', better: 'higher' },
  { kpi: 'sellerProfitP5Cny', label: 'profit per seller, P5', unit: 'CNY', better: 'higher' },
  { kpi: 'sellerProfitP50Cny', label: 'profit per seller, P50', unit: 'CNY', better: 'higher' },
  { kpi: 'sellerProfitP95Cny', label: 'profit per seller, P95', unit: 'CNY', better: 'higher' },
];

/**
 * Judges B against A when some seller class sells JIT in one and pre-stock in the other; null
 * when every class sells the same way in both (nothing to judge). Replication i of A pairs with
 * replication i of B, as compare runs them.
 */
export function verdict(a: RunResult[], b: RunResult[], labels: { a: string; b: string }): Verdict | null {
  const n = Math.min(a.length, b.length);
  if (n === 0) throw new RangeError('verdict: no paired replications');
  a = a.slice(0, n); b = b.slice(0, n);
  const modesA = a[0].modeByClass, modesB = b[0].modeByClass;
  // A class with no sellers sells nothing in either mode: nothing to judge there.
  const hasSellers = (c: string) => (a[0].byClass[c]?.sellers ?? 1) > 0 || (b[0].byClass[c]?.sellers ?? 1) > 0;
  const classNames = Object.keys(modesA).filter((c) => c in modesB && hasSellers(c));
  if (!classNames.some((c) => modesA[c] !== modesB[c])) return null;

  const jitSide: Side = sellersUnderJit(a[0]) > sellersUnderJit(b[0]) ? 'a' : 'b';
  const [jit, pre] = jitSide === 'a' ? [a, b] : [b, a];
  const notReported: string[] = [];

  const platformFigures = figures(jit, pre, (r) => r.kpis, PLATFORM, notReported, '');
  const peakWeek = platformFigures.filter((f) => PEAK_WEEK.some((s) => s.kpi === f.kpi));
  const peakFigures = peakWeek.length > 0 ? peakWeek : platformFigures.filter((f) => SEASON_PEAK.some((s) => s.kpi === f.kpi));
  const peak = peakRelief(overall(peakFigures));

  const classes: ClassVerdict[] = [], unchanged: UnchangedClass[] = [];
  for (const c of classNames) {
    if (modesA[c] === modesB[c]) {
      const profit = figures(jit, pre, (r) => r.byClass[c] ?? {}, SELLERS.filter((s) => s.kpi === 'sellerProfitMeanCny'), [], '');
      unchanged.push({ className: c, mode: modesA[c], profitMean: profit[0]?.difference ?? null });
      continue;
    }
    const jitIn: Side = modesA[c] === 'jit' ? 'a' : 'b';
    const [underJit, underPre] = jitIn === 'a' ? [a, b] : [b, a];
    const classFigures = figures(underJit, underPre, (r) => r.byClass[c] ?? {}, SELLERS, notReported, `${c}.`);
    const profit = classFigures.find((f) => f.kpi === 'sellerProfitMeanCny');
    classes.push({
      className: c,
      sellers: underJit[0].byClass[c]?.sellers ?? NaN,
      jitIn,
      figures: classFigures,
      worseOff: worseOffShare(underJit, underPre, c),
      outcome: profit?.outcome ?? 'no clear difference',
    });
  }

  const judged: Judged = {
    labels: { ...labels }, jitSide, replications: n,
    platform: { figures: platformFigures, outcome: overall(platformFigures), peak, peakKpis: peakFigures.map((f) => f.kpi) },
    classes, unchanged, notReported,
    answer: answer(overall(platformFigures), classes),
  };
  return { ...judged, headline: headline(judged) };
}

/** Sellers in classes selling JIT: the scenario with more of them is the JIT side. */
function sellersUnderJit(r: RunResult): number {
  let count = 0;
  for (const [c, mode] of Object.entries(r.modeByClass)) if (mode === 'jit') count += r.byClass[c]?.sellers ?? 0;
  return count;
}

/** The specs' differences under JIT − under pre-stock; a KPI missing or NaN throughout is noted and skipped. */
function figures(jit: RunResult[], pre: RunResult[], of: (r: RunResult) => Record<string, number>, specs: FigureSpec[], notReported: string[], prefix: string): VerdictFigure[] {
  const picked = (r: RunResult) => Object.fromEntries(specs.filter((s) => s.kpi in of(r)).map((s) => [s.kpi, of(r)[s.kpi]]));
  const diff = compareKpis(pre, jit, picked);
  const out: VerdictFigure[] = [];
  for (const s of specs) {
    const d = diff[s.kpi];
    if (!d || d.n === 0) { notReported.push(prefix + s.kpi); continue; }
    const clearly = d.high < 0 ? 'lower' : d.low > 0 ? 'higher' : null;
    const outcome: Outcome = clearly === null ? 'no clear difference' : clearly === s.better ? 'better' : 'worse';
    out.push({ kpi: s.kpi, label: s.label, unit: s.unit, difference: d, outcome });
  }
  return out;
}

/** Better when something is clearly better and nothing clearly worse; mixed when both. */
function overall(figs: VerdictFigure[]): PlatformOutcome {
  if (figs.length === 0) return 'not reported';
  const better = figs.some((f) => f.outcome === 'better'), worse = figs.some((f) => f.outcome === 'worse');
  return better && worse ? 'mixed' : better ? 'better' : worse ? 'worse' : 'no clear difference';
}

function peakRelief(o: PlatformOutcome): PeakRelief {
  return o === 'better' ? 'relieved' : o === 'worse' ? 'worsened' : o;
}

function answer(platform: PlatformOutcome, classes: ClassVerdict[]): Answer {
  const sellersWorse = classes.some((c) => c.outcome === 'worse'), sellersBetter = classes.some((c) => c.outcome === 'better');
  if (sellersWorse) {
    return platform === 'better' ? 'burden moved onto sellers' : platform === 'worse' ? 'worse for platform and sellers'
      : platform === 'mixed' ? 'costs sellers, mixed for the platform' : 'costs sellers, no clear platform gain';
  }
  if (platform === 'worse') return sellersBetter ? 'burden moved onto the platform' : 'worse for the platform';
  if (platform === 'mixed') return 'mixed';
  return platform === 'better' || sellersBetter ? 'progress' : 'no clear difference';
}
