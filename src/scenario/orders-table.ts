// Reading orders.csv: a seller's own order history to replay, as typed columns in time order, with
// every bad cell reported as one line naming its row and column. Built for millions of rows.
import { csvTable, ownCopy } from './csv.ts';
import { LIMITS, SPANS } from './fields.ts';
import { describeCell, numberIn, TableIssues, wholeIn, type TableIssue } from './table-issues.ts';
import { epochMs } from './iso-time.ts';
import { stableOrder } from './stable-order.ts';
import { horizonHours, parseDate } from './time.ts';

export interface OrdersTable {
  file: string;
  /** Orders in time order (ties keep file order). */
  count: number;
  /** Hours from the season start (see time.ts: hours from 00:00 China time on season.start). */
  time: Float64Array;
  /** Index into sellers. */
  seller: Int32Array;
  /** Index into skus. */
  sku: Int32Array;
  quantity: Int32Array;
  unitValueCny: Float64Array;
  /** Seller names in order of first appearance. */
  sellers: string[];
  /** SKUs in order of first appearance: name and index of its seller (a SKU name is scoped by its seller). */
  skus: { seller: number; name: string }[];
  /** The 1-based row in the file of each order (after sorting), for later messages such as "unknown seller"; a double, as a file may have more lines than an int32 counts. */
  row: Float64Array;
}

/** The sellers and SKUs that exist; a hint, if given, says in brackets where names come from. */
export interface KnownNames {
  seller(name: string): boolean;
  sku(seller: string, sku: string): boolean;
  /** E.g. 'not in the catalogue skus.csv and not a synthetic seller name such as seller-12'. */
  sellerHint?: string;
  skuHint?: string;
}

/**
 * The most orders a file may replay: unlike synthetic orders, drawn as the season goes, replayed
 * ones are all held in memory (36 bytes each in these columns, and a copy in each worker). As many
 * as a trace holds unless told otherwise (`--trace-limit`, 10 million rows): a season of the
 * default platform places about 8 million.
 */
export const MAX_ORDERS = 10_000_000;

/** Other columns are passed over: a trace's orders.csv.gz replays as it is. */
const COLUMNS = {
  required: ['time', 'seller', 'sku', 'quantity', 'unitValueCny'],
  othersIgnored: true,
  rows: { max: MAX_ORDERS, what: 'orders (replayed orders are held in memory all season)' },
} as const;
const TIME_SHAPE = 'an ISO date-time with offset, e.g. 2022-11-25T09:30+08:00';
// As the scenario's fields (docs/scenario-format.md, "Limits"): units as prestock.initialCap (held as
// 32-bit whole numbers in the replay), a price as demand.unitValue.
const UNITS_WHY = 'units, at most a billion';
const QUANTITY = wholeIn(1, LIMITS.units, UNITS_WHY);
const VALUE = numberIn(SPANS.cny);
const MS_PER_HOUR = 3_600_000;

/**
 * Reads orders.csv (header row, then one order per row; columns in any order) for a season of
 * China dates. With `known`, names it does not know are problems too, at the first row using them,
 * so that one message lists everything wrong with the file. Throws a TableError listing the problems.
 */
export function readOrdersTable(file: string, chunks: Iterable<string>, season: { start: string; end: string }, known?: KnownNames): OrdersTable {
  const horizon = horizonHours(season); // also refuses a season start that is not a date
  const startMs = parseDate(season.start)!.epochMs;
  const inSeason = `a time inside the season ${season.start} to ${season.end}`;
  const issues = new TableIssues(file);
  const { at, rows } = csvTable(chunks, COLUMNS, issues);
  const names = new Names(issues, known);
  const out = new OrderColumns();
  const [iTime, iSeller, iSku, iQuantity, iValue] = COLUMNS.required.map((c) => at[c]);
  for (const { fields, row } of rows) {
    const before = issues.count;
    let hours = NaN;
    if (iTime >= 0) {
      const text = fields[iTime];
      const ms = epochMs(text);
      hours = (ms - startMs) / MS_PER_HOUR; // as hoursFromStart computes it, to the bit
      if (Number.isNaN(ms)) issues.expected(row, 'time', TIME_SHAPE, text);
      else if (!(hours >= 0 && hours < horizon)) issues.expected(row, 'time', inSeason, text);
    }
    const seller = iSeller >= 0 && issues.name(row, 'seller', fields[iSeller], 'a seller name') ? names.seller(fields[iSeller], row) : -1;
    const skuNamed = iSku >= 0 && issues.name(row, 'sku', fields[iSku], 'a SKU name');
    const sku = seller >= 0 && skuNamed ? names.sku(seller, fields[iSku], row) : -1;
    const quantity = iQuantity >= 0 ? issues.number(row, 'quantity', fields[iQuantity], QUANTITY) : NaN;
    const value = iValue >= 0 ? issues.number(row, 'unitValueCny', fields[iValue], VALUE) : NaN;
    if (issues.count === before) out.push(hours, seller, sku, quantity, value, row);
  }
  issues.throwIfAny();
  return { file, sellers: names.sellers, skus: names.skus, ...out.inTimeOrder() };
}

/** One issue per seller or SKU name the orders use that `known` does not know (reported at the first row using it). */
export function unknownNames(orders: OrdersTable, known: KnownNames): TableIssue[] {
  const sellerRow = firstRows(orders.sellers.length, orders.seller, orders.row);
  const skuRow = firstRows(orders.skus.length, orders.sku, orders.row);
  const issues: TableIssue[] = [];
  const sellerKnown = orders.sellers.map((name, s) => {
    const ok = known.seller(name);
    if (!ok) issues.push({ file: orders.file, row: sellerRow[s], column: 'seller', message: unknownSeller(name, known) });
    return ok;
  });
  orders.skus.forEach(({ seller, name }, k) => {
    // An unknown seller's SKUs are unknown too: one problem, one line.
    if (sellerKnown[seller] && !known.sku(orders.sellers[seller], name)) {
      issues.push({ file: orders.file, row: skuRow[k], column: 'sku', message: unknownSku(orders.sellers[seller], name, known) });
    }
  });
  return issues.sort((a, b) => a.row - b.row);
}

const unknownSeller = (name: string, known: KnownNames) => `unknown seller ${describeCell(name)}${known.sellerHint ? ` (${known.sellerHint})` : ''}`;
const unknownSku = (seller: string, name: string, known: KnownNames) => `unknown SKU ${describeCell(name)} of seller ${describeCell(seller)}${known.skuHint ? ` (${known.skuHint})` : ''}`;

/** The smallest row using each of `n` names, given each order's name index and row. */
function firstRows(n: number, of: Int32Array, row: Float64Array): Float64Array {
  const first = new Float64Array(n).fill(Infinity);
  for (let i = 0; i < of.length; i++) if (row[i] < first[of[i]]) first[of[i]] = row[i];
  return first;
}

/** Seller and SKU names as indices in order of first appearance, checked against `known` when new. */
class Names {
  readonly sellers: string[] = [];
  readonly skus: { seller: number; name: string }[] = [];
  private readonly sellerIndex = new Map<string, number>();
  private readonly sellerKnown: boolean[] = [];
  /** SKU names across sellers, numbered, so that a SKU is a pair of numbers. */
  private readonly skuNames = new Map<string, number>();
  private readonly skuNameList: string[] = [];
  private readonly skuIndex = new PairIndex();

  constructor(private readonly issues: TableIssues, private readonly known: KnownNames | undefined) {}

  seller(text: string, row: number): number {
    const found = this.sellerIndex.get(text);
    if (found !== undefined) return found;
    const name = ownCopy(text);
    const known = this.known === undefined || this.known.seller(name);
    if (!known) this.issues.add(row, 'seller', unknownSeller(name, this.known!));
    this.sellerIndex.set(name, this.sellers.length);
    this.sellers.push(name);
    this.sellerKnown.push(known);
    return this.sellers.length - 1;
  }

  sku(seller: number, text: string, row: number): number {
    let nameId = this.skuNames.get(text);
    if (nameId === undefined) {
      nameId = this.skuNameList.push(ownCopy(text)) - 1;
      this.skuNames.set(this.skuNameList[nameId], nameId);
    }
    const sku = this.skuIndex.getOrAdd(seller, nameId, this.skus.length);
    if (sku < this.skus.length) return sku;
    const name = this.skuNameList[nameId];
    if (this.known !== undefined && this.sellerKnown[seller] && !this.known.sku(this.sellers[seller], name)) {
      this.issues.add(row, 'sku', unknownSku(this.sellers[seller], name, this.known));
    }
    this.skus.push({ seller, name });
    return sku;
  }
}

/**
 * Numbers for pairs of numbers: an open-addressing hash table in typed arrays. A Map of SKUs per
 * seller would do, but costs a cache miss or two per row when the rows hop between many sellers.
 */
class PairIndex {
  private keys = new Int32Array(2048).fill(-1); // a, b of each slot; -1 = empty
  private values = new Int32Array(1024);
  private size = 0;

  /** The number of (a, b), given `next` (and keeping it) if the pair is new. */
  getOrAdd(a: number, b: number, next: number): number {
    let i = this.slot(a, b);
    if (this.keys[2 * i] !== -1) return this.values[i];
    if (2 * (this.size + 1) > this.values.length) {
      this.grow();
      i = this.slot(a, b);
    }
    this.keys[2 * i] = a;
    this.keys[2 * i + 1] = b;
    this.values[i] = next;
    this.size++;
    return next;
  }

  /** The slot holding (a, b), or the empty one where it would go. */
  private slot(a: number, b: number): number {
    const mask = this.values.length - 1;
    let h = Math.imul(a, 0x9e3779b1) ^ b;
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
    for (let i = (h ^ (h >>> 13)) & mask; ; i = (i + 1) & mask) {
      const k = this.keys[2 * i];
      if (k === -1 || (k === a && this.keys[2 * i + 1] === b)) return i;
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(2 * keys.length).fill(-1);
    this.values = new Int32Array(2 * values.length);
    for (let i = 0; i < values.length; i++) {
      if (keys[2 * i] === -1) continue;
      const j = this.slot(keys[2 * i], keys[2 * i + 1]);
      this.keys[2 * j] = keys[2 * i];
      this.keys[2 * j + 1] = keys[2 * i + 1];
      this.values[j] = values[i];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Columns that grow by doubling, then come out in time order

class OrderColumns {
  private count = 0;
  private inOrder = true;
  private time = new Float64Array(1024);
  private seller = new Int32Array(1024);
  private sku = new Int32Array(1024);
  private quantity = new Int32Array(1024);
  private unitValueCny = new Float64Array(1024);
  private row = new Float64Array(1024);

  push(time: number, seller: number, sku: number, quantity: number, unitValueCny: number, row: number): void {
    const i = this.count;
    if (i === this.time.length) this.grow(2 * i);
    if (i > 0 && time < this.time[i - 1]) this.inOrder = false;
    this.time[i] = time;
    this.seller[i] = seller;
    this.sku[i] = sku;
    this.quantity[i] = quantity;
    this.unitValueCny[i] = unitValueCny;
    this.row[i] = row;
    this.count = i + 1;
  }

  /** The columns cut to length, reordered by time only if the file was not in time order. */
  inTimeOrder() {
    const { count } = this;
    if (this.inOrder) {
      const cut = <T extends Float64Array | Int32Array>(a: T) => a.slice(0, count) as T;
      return { count, time: cut(this.time), seller: cut(this.seller), sku: cut(this.sku), quantity: cut(this.quantity), unitValueCny: cut(this.unitValueCny), row: cut(this.row) };
    }
    const order = stableOrder(this.time, count);
    const pick = <T extends Float64Array | Int32Array>(a: T) => {
      const b = new (a.constructor as new (n: number) => T)(count);
      for (let i = 0; i < count; i++) b[i] = a[order[i]];
      return b;
    };
    return { count, time: pick(this.time), seller: pick(this.seller), sku: pick(this.sku), quantity: pick(this.quantity), unitValueCny: pick(this.unitValueCny), row: pick(this.row) };
  }

  private grow(capacity: number): void {
    const grown = <T extends Float64Array | Int32Array>(a: T) => {
      const b = new (a.constructor as new (n: number) => T)(capacity);
      b.set(a);
      return b;
    };
    this.time = grown(this.time);
    this.seller = grown(this.seller);
    this.sku = grown(this.sku);
    this.quantity = grown(this.quantity);
    this.unitValueCny = grown(this.unitValueCny);
    this.row = grown(this.row);
  }
}
