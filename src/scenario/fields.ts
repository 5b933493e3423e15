// The building blocks of the scenario schema: readable messages ("expected <what>, got <value>"),
// checked numbers, lists, strict sections that suggest the field a typo meant, dates and curves.
import { z } from 'zod';
import type { DatedValue } from './types.ts';
import { parseDate, type ParsedDate } from './time.ts';

/**
 * Sizes refused outright: beyond these a run would not fit in memory or time, or its arithmetic
 * would leave what the model represents (docs/scenario-format.md, "Limits", gives each reason).
 */
export const LIMITS = {
  sellers: 1_000_000, // ~1.5 kB each in a worker (src/experiment/memory-estimate.ts)
  seasonDays: 1096, // three years
  ordersPerDay: 100_000_000,
  /** ordersPerDay × the day curve's largest value: a day's orders and parcels are counted in 32-bit whole numbers. */
  peakOrdersPerDay: 1_000_000_000,
  /** A day multiplier: a peak day a thousand times an ordinary one is far past any sale. */
  dayMultiplier: 1000,
  totalSkus: 5_000_000, // ~147 bytes each
  firstDate: '2000-01-01',
  lastDate: '2100-12-31',
  /** A duration: at most a year, at least a minute for a log-normal's median. */
  hours: 8760,
  days: 365,
  minutes: 525_600,
  shortestHours: 1 / 60,
  /** One order's packing time: within a day. */
  handlingHours: 24,
  /** Money per unit, parcel, or deposit: season sums stay far inside 2^53. */
  cny: 1e9,
  kg: 1000,
  /** A fine, as a multiple of the order's value. */
  multiple: 1000,
  /** cogsRatio and holdingRatePerYear. */
  ratio: 10,
  packingHeadroom: 100,
  zipf: 10,
  /** Mean units an order: quantities are 32-bit whole numbers, and reorder points are exact up to 128 orders' units. */
  meanQuantity: 10,
  disruptionsPerDay: 1,
  /** Packing hours: at least a quarter hour between opening and closing. */
  openHours: 0.25,
  /** A log-normal's spread: p90 at most this multiple of the median. */
  p90OverMedian: 20,
  /** Lateness tiers, roster overrides, disruption windows. */
  listItems: 1000,
  staffPerHour: 100_000,
  units: 1_000_000_000,
  /** Packers on duty at the peak, over all sellers: each is a slot in memory. */
  packers: 10_000_000,
} as const;

// ---------------------------------------------------------------------------------------------
// Messages: every problem reads "expected <what>, got <value>".

/** How a value reads in a message: numbers as written, strings quoted, containers by kind. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : `a list of ${v.length}`;
  if (v instanceof Date) return 'a timestamp (write dates as text, YYYY-MM-DD)';
  if (v !== null && typeof v === 'object') return 'an object';
  return String(v);
}

/** A figure for a message: thousands separated, floating-point noise trimmed. */
export function formatNumber(x: number): string {
  return Number(x.toPrecision(10)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

export const expected = (what: string) => (iss: { input?: unknown }) => `expected ${what}, got ${describeValue(iss.input)}`;

type Path = (string | number)[];
export function report(ctx: z.core.$RefinementCtx, path: Path, message: string): void {
  ctx.addIssue({ code: 'custom', path, message });
}

// ---------------------------------------------------------------------------------------------
// Building blocks

/** A finite number (zod refuses NaN and ±Infinity) meeting `ok`, described as `what`. */
export function number(what: string, ok: (x: number) => boolean) {
  const error = expected(what);
  return z.number({ error }).refine(ok, { error, abort: true });
}
export const nonNegative = number('a number >= 0', (x) => x >= 0);
export const positive = number('a number > 0', (x) => x > 0);
export const share = number('a number in [0, 1]', (x) => x >= 0 && x <= 1);
export const wholeAtLeast = (min: number) => number(`a whole number >= ${min}`, (x) => Number.isInteger(x) && x >= min);
export const clockHour = number('an hour of day in [0, 24]', (x) => x >= 0 && x <= 24);
export const pickupHour = number('an hour of day in [0, 24)', (x) => x >= 0 && x < 24);

/** A number in [min, max] ((min, max] if `aboveMin`), `why` the cap's one-line reason. */
export function inRange(min: number, max: number, why: string, aboveMin = false) {
  const range = `${aboveMin ? '(' : '['}${formatNumber(min)}, ${formatNumber(max)}]`;
  return number(`a number in ${range} (${why})`, (x) => (aboveMin ? x > min : x >= min) && x <= max);
}
export const hours = inRange(0, LIMITS.hours, 'hours, at most a year');
export const positiveHours = inRange(0, LIMITS.hours, 'hours, at most a year', true);
export const days = inRange(0, LIMITS.days, 'days, at most a year');
export const positiveDays = inRange(0, LIMITS.days, 'days, at most a year', true);
export const minutesPerItem = inRange(0, 1440, 'minutes, at most a day');
export const money = inRange(0, LIMITS.cny, 'CNY, at most a billion');
export const multiple = inRange(0, LIMITS.multiple, "times the order's value");
export const wholeUpTo = (min: number, max: number, why: string) => number(`a whole number in [${formatNumber(min)}, ${formatNumber(max)}] (${why})`, (x) => Number.isInteger(x) && x >= min && x <= max);

/** A list of at most LIMITS.listItems. */
export function shortList<T extends z.ZodArray>(schema: T, what: string): T {
  return schema.max(LIMITS.listItems, { error: (iss) => `expected at most ${formatNumber(LIMITS.listItems)} ${what}, got ${Array.isArray(iss.input) ? formatNumber(iss.input.length) : describeValue(iss.input)}` });
}

export const yesNo = z.boolean({ error: expected('true or false') });

/** Refuses a size too large to simulate. */
export function atMost<T extends z.ZodNumber>(schema: T, max: number, noun: string): T {
  return schema.refine((x) => x <= max, {
    error: (iss) => `expected at most ${formatNumber(max)} ${noun}, got ${formatNumber(iss.input as number)} (too large to simulate)`,
    abort: true,
  });
}

/** A list, with `what` naming its items in the type error. */
export function list<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, { error: expected(`a list of ${what}`) });
}

/** 24 values, one per China hour 0..23. */
export function hourly<T extends z.ZodType>(item: T, what: string) {
  return list(item, what).length(24, {
    error: (iss) => `expected 24 ${what}, one per hour 0..23, got ${Array.isArray(iss.input) ? iss.input.length : describeValue(iss.input)}`,
  });
}

export function nonEmpty<T extends z.ZodArray>(schema: T, what: string): T {
  return schema.min(1, { error: () => `expected at least one ${what}, got an empty list` });
}

/** Checks that consecutive items rise; `expectedAfter` says what an item should exceed. */
export function increasing<T>(keyOf: (item: T) => number, subPath: Path, expectedAfter: (previous: T) => string, show: (item: T) => string) {
  return (items: T[], ctx: z.core.$RefinementCtx) => {
    for (let i = 1; i < items.length; i++) {
      if (!(keyOf(items[i]) > keyOf(items[i - 1]))) {
        report(ctx, [i, ...subPath], `expected ${expectedAfter(items[i - 1])}, got ${show(items[i])}`);
      }
    }
  };
}

/** Object keys as a typed record: one schema (or value) per region, per size class… */
export function keyed<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, V>;
}

/** The known field a misspelt one most likely meant: within two edits, or a third of its length. */
function closest(key: string, known: string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) {
        next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      row = next;
    }
    return row[b.length];
  };
  let best: string | undefined, bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const k of known) {
    const d = k.toLowerCase() === key.toLowerCase() ? 0 : distance(key, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

/**
 * A strict object: an unknown field is an error, since a typo must not silently leave the
 * default in place. Unknown keys come back as one message line per key, in the order of
 * the issue's `keys` (load.ts splits them into one issue each). `unknownHint` replaces the
 * suggestion where which fields are allowed depends on another one (a stocking policy).
 */
export function section<S extends z.core.$ZodLooseShape>(shape: S, unknownHint?: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys') {
        return iss.keys.map((key) => {
          if (unknownHint) return `unknown field (${unknownHint})`;
          const near = closest(key, known);
          return near ? `unknown field (did you mean ${near}?)` : `unknown field (expected one of: ${known.join(', ')})`;
        }).join('\n');
      }
      return iss.code === 'invalid_type' ? expected('an object')(iss) : undefined;
    },
  });
}

// Dates: a calendar day, or (for disruption windows) an instant with an explicit offset.
const YEARS = `between ${LIMITS.firstDate} and ${LIMITS.lastDate}`;
function calendarText(what: string, accept: (p: ParsedDate) => boolean) {
  const [first, last] = [parseDate(LIMITS.firstDate)!.year, parseDate(LIMITS.lastDate)!.year];
  return z.string({ error: expected(what) })
    .refine((s) => { const p = parseDate(s); return p !== undefined && accept(p); }, { error: expected(what), abort: true })
    .refine((s) => { const year = parseDate(s)!.year; return year >= first && year <= last; }, { error: expected(`a date ${YEARS}`), abort: true });
}
export const day = calendarText('a date YYYY-MM-DD', (p) => p.dateOnly);
export const dayOrInstant = calendarText('a date YYYY-MM-DD or a date-time with offset (YYYY-MM-DDThh:mm+08:00)', () => true);

/** Where a window ends: a date alone runs to the end of that day. */
export const endMs = (s: string) => { const p = parseDate(s)!; return p.epochMs + (p.dateOnly ? 86_400_000 : 0); };

/** Where a log-normal's values may lie: [min, max] in its unit, and why. */
export interface Span { min: number; max: number; why: string }
export const SPANS = {
  hours: { min: LIMITS.shortestHours, max: LIMITS.hours, why: 'hours, from a minute to a year' },
  handling: { min: LIMITS.shortestHours, max: LIMITS.handlingHours, why: 'hours, from a minute to a day' },
  days: { min: LIMITS.shortestHours / 24, max: LIMITS.days, why: 'days, from a minute to a year' },
  minutes: { min: 1, max: LIMITS.minutes, why: 'minutes, from a minute to a year' },
  cny: { min: 0, max: LIMITS.cny, why: 'CNY, at most a billion' },
  kg: { min: 0, max: LIMITS.kg, why: 'kg, at most a tonne' },
} as const satisfies Record<string, Span>;

/**
 * A lognormal by its median and 90th percentile, with the unit in the field names; p90 equal to
 * the median is a constant. Both lie in `span` (a median of 0 only where the span starts at 0 is
 * still refused: > 0), and p90 is at most LIMITS.p90OverMedian medians, so the mean stays within
 * 16 times the median and no draw runs off to a far tail.
 */
export function medianP90<M extends string, P extends string>(medianKey: M, p90Key: P, byDefault: Record<M | P, number>, span: Span) {
  const value = span.min > 0 ? inRange(span.min, span.max, span.why) : inRange(0, span.max, span.why, true);
  const shape = keyed<M | P, z.ZodPrefault<typeof positive>>([medianKey, p90Key], (k) => value.prefault(byDefault[k]));
  return section(shape)
    .superRefine((v, ctx) => {
      const pair = v as Record<string, number>;
      const [median, p90] = [pair[medianKey], pair[p90Key]];
      if (!(p90 >= median)) report(ctx, [p90Key], `expected ${p90Key} at or above ${medianKey} (${median}; equal means a constant), got ${p90}`);
      else if (p90 > LIMITS.p90OverMedian * median) report(ctx, [p90Key], `expected ${p90Key} at most ${LIMITS.p90OverMedian} × ${medianKey} (${formatNumber(LIMITS.p90OverMedian * median)}; a wider spread has no planning meaning), got ${p90}`);
    })
    .prefault({} as z.input<ReturnType<typeof section<typeof shape>>>);
}

/** A piecewise-linear curve through dated points, flat beyond the ends. */
export function datedCurve(value: z.ZodNumber, byDefault: DatedValue[]) {
  return nonEmpty(list(section({ date: day, value }), 'dated points {date, value}'), 'dated point')
    .superRefine(increasing<DatedValue>((p) => parseDate(p.date)!.epochMs, ['date'],
      (previous) => `a date after the previous point's (${previous.date})`, (p) => p.date))
    .prefault(byDefault);
}

/** Shares that must add up to 1, e.g. of sellers by region. */
export function sumsToOne(noun: string) {
  return (shares: Record<string, number>, ctx: z.core.$RefinementCtx) => {
    const total = Object.values(shares).reduce((a, b) => a + b, 0);
    if (Math.abs(total - 1) > 1e-6) {
      const terms = Object.entries(shares).map(([k, v]) => `${k} ${v}`).join(' + ');
      report(ctx, [], `expected ${noun} summing to 1, got ${formatNumber(total)} (${terms})`);
    }
  };
}
