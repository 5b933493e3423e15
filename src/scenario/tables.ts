// The data files a scenario names (docs/scenario-format.md, "Your own data"): `sellers.catalogue`
// (skus.csv) and `demand.orders` (orders.csv), found relative to the file that names them, read
// through a caller's reader (the disk in Node, uploads in the browser) and checked against the
// platform's sellers, every problem one line naming file, row and column.
import { readCatalogueTable } from './catalogue-table.ts';
import { formatNumber, LIMITS } from './fields.ts';
import { readFailure, ScenarioError, type ScenarioIssue } from './load.ts';
import { readOrdersTable } from './orders-table.ts';
import { sellerSlots } from './seller-slots.ts';
import { LISTED_ISSUES, TableError, tablePlace } from './table-issues.ts';
import type { Scenario, ScenarioTables } from './types.ts';

/** Text of a data file in chunks of any size; throws (e.g. ENOENT) if it cannot be read. */
export type ReadTable = (path: string) => Iterable<string>;

/** Reads the tables a scenario names into `scenario.tables`; `file` is the scenario's, for messages. */
export function readTables(scenario: Scenario, file: string, readTable: ReadTable | undefined): Scenario {
  const { orders } = scenario.demand, { catalogue } = scenario.sellers;
  if (orders === null && catalogue === null) return scenario;
  const tables: ScenarioTables = {};
  const open = (path: string, field: string): Iterable<string> => {
    if (!readTable) throw new ScenarioError([{ file, path: field, message: `cannot read data files here; give ${path} beside the scenario` }]);
    try {
      return readTable(path);
    } catch (err) {
      throw new ScenarioError([{ file, path: field, message: `cannot read ${path}: ${readFailure(err)}` }]);
    }
  };
  const asScenarioError = <T>(read: () => T): T => {
    try {
      return read();
    } catch (err) {
      if (err instanceof TableError) throw new ScenarioError(tableIssues(err));
      throw err;
    }
  };
  if (catalogue !== null) tables.catalogue = asScenarioError(() => readCatalogueTable(catalogue, open(catalogue, 'sellers.catalogue')));
  const slots = sellerSlots(scenario, tables.catalogue);
  if (typeof slots === 'string') throw new ScenarioError([{ file, path: 'sellers.catalogue', message: slots }]);
  // The schema bounds the synthetic SKUs; a catalogue seller's own may be more than its slot's.
  const skus = slots.sellerFirstSku[slots.count];
  if (catalogue !== null && skus > LIMITS.totalSkus) {
    throw new ScenarioError([{ file, path: 'sellers.catalogue', message: `expected at most ${formatNumber(LIMITS.totalSkus)} SKUs in all, ${catalogue}'s counted in place of its sellers' synthetic ones, got ${formatNumber(skus)} (too large to simulate)` }]);
  }
  if (orders !== null) {
    const hint = catalogue === null ? 'not a platform seller: seller-1 to seller-' + scenario.sellers.count : `not in ${catalogue} and not a platform seller such as seller-1`;
    tables.orders = asScenarioError(() => readOrdersTable(orders, open(orders, 'demand.orders'), scenario.season, {
      seller: (name) => slots.sellerIndex(name) >= 0,
      sku: (seller, sku) => slots.skuIndex(slots.sellerIndex(seller), sku) >= 0,
      sellerHint: hint,
      skuHint: 'a platform seller\'s SKUs are sku-1, sku-2, … up to its class\'s skusPerSeller',
    }));
  }
  return { ...scenario, tables };
}

/** A table's problems as scenario issues (the same one-line format), with the count of the rest. */
function tableIssues(err: TableError): ScenarioIssue[] {
  const issues: ScenarioIssue[] = err.issues.slice(0, LISTED_ISSUES).map((i) => ({ file: i.file, path: tablePlace(i), message: i.message }));
  const more = err.count - issues.length;
  if (more > 0) issues.push({ file: err.issues[0].file, path: '', message: `… and ${more} more problem${more === 1 ? '' : 's'}` });
  return issues;
}
