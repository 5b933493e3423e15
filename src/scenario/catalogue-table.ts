// Reading skus.csv: a seller's catalogue, one row per SKU (value, weight, and optionally its lead
// time and stocking), grouped by seller, with every bad cell reported as one line naming row and column.
import { csvTable, ownCopy } from './csv.ts';
import { formatNumber, LIMITS, SPANS } from './fields.ts';
import { describeCell, numberIn, TableIssues, wholeIn, type NumberRule } from './table-issues.ts';
import { REGIONS, SIZE_CLASSES, type Region, type SizeClass } from './types.ts';

export interface CatalogueTable {
  file: string;
  /** Sellers in order of first appearance, with their class and region (region null = not given). */
  sellers: { name: string; sizeClass: SizeClass; region: Region | null; firstSku: number; skuCount: number }[];
  /** SKUs grouped by seller (a seller's SKUs are consecutive, in file order within the seller). NaN / -1 = not given. */
  skuName: string[];
  skuSeller: Int32Array;
  unitValueCny: Float64Array;
  unitWeightKg: Float64Array;
  leadTimeMedianHours: Float64Array; // NaN = scenario default
  leadTimeP90Hours: Float64Array;    // NaN = scenario default
  openingStock: Int32Array;          // -1 = the policy's order-up-to level
  reorderPoint: Int32Array;          // -1 = the class policy
  orderUpTo: Int32Array;             // -1 = the class policy
}

const COLUMNS = {
  required: ['seller', 'sku', 'class', 'unitValueCny', 'unitWeightKg'],
  optional: ['region', 'leadTimeMedianHours', 'leadTimeP90Hours', 'openingStock', 'reorderPoint', 'orderUpTo'],
  rows: { max: LIMITS.totalSkus, what: 'SKU rows (the SKUs a platform may have in all)' },
} as const;
type Column = (typeof COLUMNS.required)[number] | (typeof COLUMNS.optional)[number];

/** Optional columns that make sense only together: both or neither, in the header and in each row. */
const PAIRS = [['leadTimeMedianHours', 'leadTimeP90Hours'], ['reorderPoint', 'orderUpTo']] as const;

// Each column is bounded as the scenario field it stands for (docs/scenario-format.md, "Limits"):
// unit value and weight as demand.unitValue and .unitWeight, lead times as factories.leadTime,
// stock levels as prestock.initialCap.
const VALUE = numberIn(SPANS.cny), WEIGHT = numberIn(SPANS.kg), HOURS = numberIn(SPANS.hours);
const STOCK = wholeIn(0, LIMITS.units, 'units, at most a billion');

/** A seller's class or region: the first row that gives it, and whether a row disagreed yet. */
interface Stated { value: string | null; row: number; disagreed: boolean }

/** A seller as its rows describe it so far. */
interface SellerRows {
  name: string;
  sizeClass: Stated;
  region: Stated;
  /** Row of each SKU name, to name the earlier one of a duplicate. */
  skuRows: Map<string, number>;
  /** The seller's good rows, as indices into the columns being collected. */
  entries: number[];
}

/** The good rows' cells, in file order. */
interface Collected { name: string[]; value: number[]; weight: number[]; median: number[]; p90: number[]; opening: number[]; reorder: number[]; upTo: number[] }

/** Reads skus.csv (header row, columns in any order); throws a TableError listing the problems. */
export function readCatalogueTable(file: string, chunks: Iterable<string>): CatalogueTable {
  const issues = new TableIssues(file);
  const { at, headerRow, rows } = csvTable(chunks, COLUMNS, issues);
  const pairs = PAIRS.filter(([a, b]) => {
    if ((at[a] >= 0) !== (at[b] >= 0)) {
      const [missing, given] = at[a] >= 0 ? [b, a] : [a, b];
      issues.add(headerRow, missing, `missing from the header; expected it with ${given} (both or neither)`);
    }
    return at[a] >= 0 && at[b] >= 0;
  });
  const sellers = new Map<string, SellerRows>();
  const got: Collected = { name: [], value: [], weight: [], median: [], p90: [], opening: [], reorder: [], upTo: [] };

  for (const { fields, row } of rows) {
    const before = issues.count;
    // A column the header lacks reads as undefined: if required, it is reported once, there, not on every row.
    const cell = (c: Column): string | undefined => (at[c] >= 0 ? fields[at[c]] : undefined);
    const sellerText = cell('seller'), skuText = cell('sku'), classText = cell('class'), valueText = cell('unitValueCny'), weightText = cell('unitWeightKg');
    const sellerNamed = sellerText !== undefined && issues.name(row, 'seller', sellerText, 'a seller name');
    const skuNamed = skuText !== undefined && issues.name(row, 'sku', skuText, 'a SKU name');
    const sizeClass = classText === undefined ? null : oneOf(SIZE_CLASSES, classText, row, 'class', issues);
    const value = valueText === undefined ? NaN : issues.number(row, 'unitValueCny', valueText, VALUE);
    const weight = weightText === undefined ? NaN : issues.number(row, 'unitWeightKg', weightText, WEIGHT);
    // An optional cell left blank, or in a column left out, takes the scenario's default.
    const optional = (c: Column) => cell(c) ?? '';
    const optionalNumber = (c: Column, rule: NumberRule, absent: number) => (isBlank(optional(c)) ? absent : issues.number(row, c, optional(c), rule));
    const region = isBlank(optional('region')) ? null : oneOf(REGIONS, optional('region'), row, 'region', issues, ' or an empty cell');
    const median = optionalNumber('leadTimeMedianHours', HOURS, NaN);
    const p90 = optionalNumber('leadTimeP90Hours', HOURS, NaN);
    const opening = optionalNumber('openingStock', STOCK, -1);
    const reorder = optionalNumber('reorderPoint', STOCK, -1);
    const upTo = optionalNumber('orderUpTo', STOCK, -1);
    for (const [a, b] of pairs) {
      if (isBlank(optional(a)) !== isBlank(optional(b))) {
        const [missing, given] = isBlank(optional(a)) ? [a, b] : [b, a];
        issues.expected(row, missing, `a value too, since ${given} is given (both or neither)`, optional(missing));
      }
    }
    if (p90 < median) issues.expected(row, 'leadTimeP90Hours', `a number >= leadTimeMedianHours (${median})`, optional('leadTimeP90Hours'));
    else if (p90 > LIMITS.p90OverMedian * median) issues.expected(row, 'leadTimeP90Hours', `a number at most ${LIMITS.p90OverMedian} × leadTimeMedianHours (${formatNumber(LIMITS.p90OverMedian * median)}; a wider spread has no planning meaning)`, optional('leadTimeP90Hours'));
    if (upTo >= 0 && reorder >= 0 && upTo <= reorder) issues.expected(row, 'orderUpTo', `a whole number > reorderPoint (${reorder})`, optional('orderUpTo'));

    if (!sellerNamed) continue;
    let seller = sellers.get(sellerText!);
    if (seller === undefined) {
      const none = () => ({ value: null, row: 0, disagreed: false });
      seller = { name: ownCopy(sellerText!), sizeClass: none(), region: none(), skuRows: new Map(), entries: [] };
      sellers.set(seller.name, seller);
    }
    agree(seller.sizeClass, sizeClass, row, 'class', seller.name, issues);
    agree(seller.region, region, row, 'region', seller.name, issues);
    if (!skuNamed) continue;
    const sku = ownCopy(skuText!);
    const earlier = seller.skuRows.get(sku);
    if (earlier === undefined) seller.skuRows.set(sku, row);
    else issues.add(row, 'sku', `expected each SKU once per seller, got ${describeCell(sku)} of seller ${describeCell(seller.name)} again (first on row ${earlier})`);
    if (issues.count !== before) continue;
    seller.entries.push(got.name.length);
    got.name.push(sku);
    got.value.push(value);
    got.weight.push(weight);
    got.median.push(median);
    got.p90.push(p90);
    got.opening.push(opening);
    got.reorder.push(reorder);
    got.upTo.push(upTo);
  }
  issues.throwIfAny();
  return grouped(file, [...sellers.values()], got);
}

const isBlank = (text: string) => text.trim() === '';

/** The cell if it is one of `allowed`, else null once the problem is reported. */
function oneOf<T extends string>(allowed: readonly T[], text: string, row: number, column: string, issues: TableIssues, orElse = ''): T | null {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  issues.expected(row, column, `one of ${allowed.join(', ')}${orElse}`, text);
  return null;
}

/**
 * Holds a seller to the class (or region) of the first row that gives one, reporting the first row
 * that disagrees: a seller is one business, in one class and one place.
 */
function agree(stated: Stated, value: string | null, row: number, column: string, seller: string, issues: TableIssues): void {
  if (value === null) return;
  if (stated.value === null) {
    stated.value = value;
    stated.row = row;
  } else if (value !== stated.value && !stated.disagreed) {
    stated.disagreed = true;
    issues.expected(row, column, `"${stated.value}" as on row ${stated.row} for seller ${describeCell(seller)} (one ${column} per seller)`, value);
  }
}

/** The collected rows as columns, each seller's SKUs together in file order. */
function grouped(file: string, sellers: SellerRows[], got: Collected): CatalogueTable {
  const order = sellers.flatMap((s) => s.entries);
  const skuSeller = new Int32Array(order.length);
  let first = 0;
  const out = sellers.map((s, i) => {
    skuSeller.fill(i, first, first + s.entries.length);
    const seller = { name: s.name, sizeClass: s.sizeClass.value as SizeClass, region: s.region.value as Region | null, firstSku: first, skuCount: s.entries.length };
    first += s.entries.length;
    return seller;
  });
  return {
    file,
    sellers: out,
    skuName: order.map((e) => got.name[e]),
    skuSeller,
    unitValueCny: Float64Array.from(order, (e) => got.value[e]),
    unitWeightKg: Float64Array.from(order, (e) => got.weight[e]),
    leadTimeMedianHours: Float64Array.from(order, (e) => got.median[e]),
    leadTimeP90Hours: Float64Array.from(order, (e) => got.p90[e]),
    openingStock: Int32Array.from(order, (e) => got.opening[e]),
    reorderPoint: Int32Array.from(order, (e) => got.reorder[e]),
    orderUpTo: Int32Array.from(order, (e) => got.upTo[e]),
  };
}
