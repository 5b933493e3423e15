// Which parameters the form shows, by section: the ones planners touch most (demand and its
// peaks, seller mix and stocking, disruption windows, staff by hour with surges, fines and
// deposit). A function of the scenario, since lists have as many rows as the file has items.
import { STOCKING_STARTS } from '../src/scenario/schema.ts';
import { REGIONS, SIZE_CLASSES, type Scenario } from '../src/scenario/types.ts';

export type Control =
  | { kind: 'number' | 'date' | 'yesNo'; label: string; path: string }
  /** Regions as tick boxes; 24 staff numbers, one per hour of the day. */
  | { kind: 'regions' | 'hours'; label: string; path: string }
  /** A choice among `options`; choosing writes `write(option)` at `writes` (a whole section). */
  | { kind: 'choice'; label: string; path: string; options: string[]; writes: string; write: (option: string) => unknown }
  /** A list with a row per item, add and remove; `fresh` gives the item Add appends to the scenario now. */
  | { kind: 'list'; label: string; path: string; noun: string; minItems: number; item: (path: string) => Control[]; fresh: (s: Scenario) => unknown; compact?: boolean }
  | { kind: 'group'; label: string; path: string; controls: Control[] };

export interface Section { title: string; controls: Control[] }

const CLASS_LABELS = { large: 'Large sellers', medium: 'Medium sellers', small: 'Small sellers' } as const;
const STAGE_LABELS = { receiving: 'Receiving', qc: 'QC' } as const;

/** The day after a YYYY-MM-DD date (or an ISO date-time's day). */
export function nextDay(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A new surge: it starts the day after the station's last one ends, staffed like any day until edited. */
export function freshSurge(s: Scenario, stage: 'receiving' | 'qc', byHour = s.warehouse[stage].staff.byHour) {
  const last = s.warehouse[stage].staff.overrides.at(-1);
  const from = last ? nextDay(last.to) : s.season.start;
  return { from, to: from, byHour: [...byHour] };
}

export function formSections(s: Scenario): Section[] {
  const num = (label: string, path: string): Control => ({ kind: 'number', label, path });
  const date = (label: string, path: string): Control => ({ kind: 'date', label, path });

  const sellerClass = (c: (typeof SIZE_CLASSES)[number]): Control => {
    const at = `sellers.classes.${c}`;
    const stocking = s.sellers.classes[c].stocking;
    const starts = STOCKING_STARTS[c];
    return {
      kind: 'group', label: CLASS_LABELS[c], path: at, controls: [
        { kind: 'choice', label: 'Mode (jit: ship each order in 24 h; prestock: stock the warehouse shelf first)', path: `${at}.mode`, options: ['jit', 'prestock'], writes: `${at}.mode`, write: (mode) => mode },
        num('Share', `${at}.share`),
        {
          kind: 'choice', label: 'Stocking', path: `${at}.stocking.policy`, options: ['serviceLevel', 'sS', 'makeToOrder'], writes: `${at}.stocking`,
          // A policy chosen anew starts from the class's calibrated values for it.
          write: (policy) => (policy === 'serviceLevel' || policy === 'sS' ? { policy, ...starts[policy] } : { policy }),
        },
        ...(stocking.policy === 'serviceLevel'
          ? [num('Cycle service level (share of cycles without a stockout)', `${at}.stocking.cycleServiceLevel`), num('Cycle stock (days)', `${at}.stocking.cycleDays`)]
          : stocking.policy === 'sS'
            ? [num('Reorder at (days of demand)', `${at}.stocking.reorderDays`), num('Order up to (days)', `${at}.stocking.orderUpToDays`)]
            : []),
        { kind: 'yesNo', label: 'Pause a listing when out of stock', path: `${at}.pauseListingWhenOut` },
      ],
    };
  };

  const roster = (stage: 'receiving' | 'qc'): Control => {
    const at = `warehouse.${stage}.staff`;
    return {
      kind: 'group', label: `${STAGE_LABELS[stage]} staff on duty by hour (China time)`, path: at, controls: [
        { kind: 'hours', label: 'Any day', path: `${at}.byHour` },
        {
          kind: 'list', label: 'Surges: dated totals that replace the roster above', path: `${at}.overrides`, noun: 'surge', minItems: 0,
          item: (p) => [date('From', `${p}.from`), date('To', `${p}.to`), { kind: 'hours', label: 'Staff', path: `${p}.byHour` }],
          fresh: (s) => freshSurge(s, stage),
        },
      ],
    };
  };

  return [
    {
      title: 'Season and demand', controls: [
        date('Season starts', 'season.start'),
        date('Season ends', 'season.end'),
        num('Orders per day (before multipliers)', 'demand.ordersPerDay'),
        {
          kind: 'list', label: 'Day multiplier (linear between dated points)', path: 'demand.dayMultiplier', noun: 'point', minItems: 1, compact: true,
          item: (p) => [date('Date', `${p}.date`), num('Multiplier', `${p}.value`)],
          fresh: (s) => ({ date: nextDay(s.demand.dayMultiplier.at(-1)!.date), value: 1 }),
        },
      ],
    },
    {
      title: 'Sellers', controls: [
        num('Sellers', 'sellers.count'),
        { kind: 'group', label: 'Seller mix and stocking policy', path: 'sellers.classes', controls: SIZE_CLASSES.map(sellerClass) },
        { kind: 'group', label: 'Share of sellers by region', path: 'sellers.regions', controls: REGIONS.map((r) => num(r, `sellers.regions.${r}`)) },
      ],
    },
    {
      title: 'Factory disruptions', controls: [{
        kind: 'list', label: 'Lockdown windows', path: 'factories.disruptions', noun: 'window', minItems: 0,
        item: (p) => [
          { kind: 'regions', label: 'Regions', path: `${p}.regions` },
          date('From', `${p}.from`), date('To', `${p}.to`),
          num('Share of factories stopped', `${p}.affectedShare`),
          num('Restart after (h)', `${p}.restartHours`),
          { kind: 'yesNo', label: 'Courier suspended', path: `${p}.courierSuspended` },
        ],
        fresh: (s) => ({ regions: ['guangzhou'], from: s.season.start, to: s.season.start, affectedShare: 0.2, restartHours: 24, courierSuspended: false }),
      }],
    },
    { title: 'Warehouse staff', controls: [roster('receiving'), roster('qc')] },
    {
      title: 'Pre-stock and new products', controls: [
        num('First stocking batch of a new product, at most (units)', 'prestock.initialCap'),
        num('Platform approval of a batch, median (h)', 'prestock.approvalHours.medianHours'),
        num('Platform approval of a batch, p90 (h)', 'prestock.approvalHours.p90Hours'),
        num('Season end: return shelf stock beyond (days of demand)', 'prestock.returnAboveDays'),
        num('Share of SKUs launched during the season', 'newProducts.share'),
        num('JIT vetting of a new product, median (h)', 'newProducts.vettingHours.medianHours'),
        num('JIT vetting of a new product, p90 (h)', 'newProducts.vettingHours.p90Hours'),
      ],
    },
    {
      title: 'Fines, deadlines and deposit', controls: [
        {
          kind: 'list', label: 'Lateness tiers (fine = multiple × order value)', path: 'rules.lateness', noun: 'tier', minItems: 0, compact: true,
          item: (p) => [num('Late by more than (h)', `${p}.afterHours`), num('Multiple', `${p}.multiple`)],
          fresh: (s) => {
            const last = s.rules.lateness.at(-1);
            return { afterHours: (last?.afterHours ?? 0) + 24, multiple: last?.multiple ?? 1 };
          },
        },
        num('Stockout: cancel after (h)', 'rules.failAfterHours'),
        num('Stockout multiple', 'rules.stockoutMultiple'),
        num('Pre-stock: empty-listing multiple (0: no fine)', 'rules.prestockStockoutMultiple'),
        num('Quality multiple', 'rules.qualityMultiple'),
        num('Deposit (CNY)', 'rules.depositCny'),
        num('Top-up grace (h)', 'rules.topUpGraceHours'),
        { kind: 'yesNo', label: 'Force majeure: waive fines that lockdowns caused', path: 'rules.forceMajeure' },
      ],
    },
  ];
}
