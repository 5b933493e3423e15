// The verdict in 2–4 plain sentences: what JIT does to the platform's peak and listing times,
// what it does to the sellers most often worse off, and the answer. Which side gains follows
// from the signs and intervals; a difference whose interval holds 0 is "no clear difference".
import { formatNumber, percent, readableUnit, signed } from './number-format.ts';
import type { ClassVerdict, Judged, Unit, VerdictFigure } from './verdict-types.ts';

/** At most this many seller classes get a sentence of their own; the table has them all. */
const CLASS_SENTENCES = 2;

export function headline(v: Judged): string[] {
  const out: string[] = [];
  const platform = platformSentence(v);
  if (platform) out.push(platform);
  // The classes with most sellers worse off first (sort is stable: class order on ties).
  const ranked = [...v.classes].sort((x, y) => (y.worseOff?.interval.mean ?? -1) - (x.worseOff?.interval.mean ?? -1));
  ranked.slice(0, CLASS_SENTENCES).forEach((c, i) => out.push(classSentence(c, i === 0)));
  out.push(conclusion(v));
  return out;
}

function platformSentence(v: Judged): string | null {
  const figs = v.platform.figures;
  const peak = figs.filter((f) => v.platform.peakKpis.includes(f.kpi));
  const queues = peak.filter((f) => f.unit === 'parcels');
  const candidates = queues.length > 0 ? queues : peak;
  // The clearest queue change speaks for the peak, with the clearest one the other way if any;
  // with none clear, the first reported says so.
  const clear = candidates.filter((f) => f.outcome !== 'no clear difference').sort((x, y) => Math.abs(y.difference.mean) - Math.abs(x.difference.mean));
  const peakFigure = clear[0] ?? candidates[0];
  const against = peakFigure && clear.find((f) => f.outcome !== peakFigure.outcome);
  const listing = figs.find((f) => f.kpi === 'listingLeadTimeP50Hours');
  const first = peakFigure && changeClause(peakFigure), second = listing && listingClause(listing);
  if (!first && !second) return null;
  if (!first || !second) return `Platform: ${(first ?? second)!.withSubject}${against ? ` but ${changeClause(against).bare}` : ''}.`;
  if (against) return `Platform: ${first.withSubject} but ${changeClause(against).bare}; ${second.withSubject}.`;
  return `Platform: ${first.clear && second.clear ? `${first.withSubject} and ${second.bare}` : `${first.withSubject}; ${second.withSubject}`}.`;
}

interface Clause { clear: boolean; withSubject: string; bare: string }

function clause(f: VerdictFigure, lower: string, higher: string, unclear: string): Clause {
  const d = f.difference;
  if (d.low <= 0 && d.high >= 0) {
    const text = `no clear difference in ${unclear} (${signedAmount(d.mean, f.unit)} ${interval(d.low, d.high, f.unit, d.mean)})`;
    return { clear: false, withSubject: text, bare: text };
  }
  const bare = d.high < 0 ? `${lower.replace('#', amount(-d.mean, f.unit))} ${interval(-d.high, -d.low, f.unit, d.mean)}`
    : `${higher.replace('#', amount(d.mean, f.unit))} ${interval(d.low, d.high, f.unit, d.mean)}`;
  return { clear: true, withSubject: `JIT ${bare}`, bare };
}

function changeClause(f: VerdictFigure): Clause {
  return clause(f, `lowers the ${f.label} by #`, `raises the ${f.label} by #`, `the ${f.label}`);
}

function listingClause(f: VerdictFigure): Clause {
  return clause(f, 'lists new products # sooner (P50)', 'lists new products # later (P50)', 'how soon new products are listed (P50)');
}

function classSentence(c: ClassVerdict, first: boolean): string {
  const profit = c.figures.find((f) => f.kpi === 'sellerProfitP50Cny') ?? c.figures.find((f) => f.kpi === 'sellerProfitMeanCny');
  const which = profit?.kpi === 'sellerProfitP50Cny' ? 'median' : 'mean';
  const parts: string[] = [];
  const w = c.worseOff?.interval;
  if (w) parts.push(`${percent(w.mean)} [${percent(w.low)}, ${percent(w.high)}] of ${c.className} sellers are worse off under JIT`);
  if (profit) {
    const d = profit.difference;
    const whose = w ? 'their' : `${c.className} sellers'`;
    parts.push(d.low <= 0 && d.high >= 0
      ? `${whose} ${which} profit shows no clear difference (${signedAmount(d.mean, 'CNY')} ${interval(d.low, d.high, 'CNY', d.mean)})`
      : `${whose} ${which} profit changes by ${signedAmount(d.mean, 'CNY')} ${interval(d.low, d.high, 'CNY', d.mean)}`);
  }
  const text = parts.length > 0 ? parts.join('; ') : `no profit figures reported for ${c.className} sellers`;
  return `${first ? 'Sellers: ' : ''}${first ? text : text[0].toUpperCase() + text.slice(1)}.`;
}

function conclusion(v: Judged): string {
  const names = (o: string) => and(v.classes.filter((c) => c.outcome === o).map((c) => c.className));
  switch (v.answer) {
    case 'burden moved onto sellers': return `So JIT relieves the platform and moves the burden onto ${names('worse')} sellers.`;
    case 'costs sellers, mixed for the platform': return `So JIT costs ${names('worse')} sellers, while the platform ${platformTally(v)}.`;
    case 'costs sellers, no clear platform gain':
      return v.platform.outcome === 'not reported' ? `So JIT costs ${names('worse')} sellers; the platform's figures are not reported.`
        : `So JIT costs ${names('worse')} sellers without clearly relieving the platform.`;
    case 'worse for platform and sellers': return `So JIT is worse for the platform and for ${names('worse')} sellers.`;
    case 'burden moved onto the platform': return `So JIT helps ${names('better')} sellers at the platform's expense.`;
    case 'worse for the platform': return 'So JIT burdens the platform, with no clear difference in sellers\' mean profit.';
    case 'mixed': return `So JIT is mixed for the platform, which ${platformTally(v)}; no seller class is clearly worse off.`;
    case 'progress':
      return v.platform.outcome === 'better' ? 'So JIT is progress: the platform gains and no seller class is clearly worse off.'
        : `So JIT is progress for ${names('better')} sellers, with no clear difference for the platform.`;
    case 'no clear difference': return `So no clear difference either way over ${v.replications} replications.`;
  }
}

/** "gains on 10 figures and loses on 2 (the receiving queue peaks)": the losses named when few. */
function platformTally(v: Judged): string {
  const figs = v.platform.figures;
  const better = figs.filter((f) => f.outcome === 'better').length, worse = figs.filter((f) => f.outcome === 'worse');
  const named = worse.length <= 2 ? ` (${and(worse.map((f) => f.label))})` : '';
  return `gains on ${better} ${better === 1 ? 'figure' : 'figures'} and loses on ${worse.length}${named}`;
}

function and(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function amount(x: number, unit: Unit): string {
  const r = readableUnit(unit, x);
  return `${formatNumber(x * r.scale)} ${r.unit}`;
}

function signedAmount(x: number, unit: Unit): string {
  const r = readableUnit(unit, x);
  return `${signed(x * r.scale)} ${r.unit}`;
}

/** The interval in the unit its mean reads in, so "2.92 days [2.7, 3.1]" never mixes days and hours. */
function interval(low: number, high: number, unit: Unit, mean: number): string {
  const r = readableUnit(unit, mean);
  return `[${formatNumber(low * r.scale)}, ${formatNumber(high * r.scale)}]`;
}
