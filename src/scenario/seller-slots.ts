// Who the platform's sellers are (docs/model.md §2, "Your own data"): sellers.count slots ranked
// large first, then medium, then small; a catalogue's sellers take the first slots of their class,
// in the order the catalogue lists them, and every other slot is a synthetic seller named
// `seller-N` by its rank. A SKU is named within its seller: its catalogue name, or `sku-K`.
// Traces and replayed orders use these names, so a trace's orders can be replayed.
import type { CatalogueTable } from './catalogue-table.ts';
import { SIZE_CLASSES, type Scenario } from './types.ts';

/** Whole sellers per class from the shares; rounding leftovers go to the small class. */
export function classCounts(scenario: Pick<Scenario, 'sellers'>): number[] {
  const total = scenario.sellers.count;
  const counts = SIZE_CLASSES.map((c) => Math.floor(scenario.sellers.classes[c].share * total + 1e-9));
  counts[counts.length - 1] += total - counts.reduce((a, b) => a + b, 0);
  return counts;
}

/**
 * The SKUs the world builds for the platform's synthetic sellers: each class's whole sellers (as
 * classCounts places them) × its skusPerSeller. What the schema holds to LIMITS.totalSkus.
 */
export function syntheticSkus(scenario: Pick<Scenario, 'sellers'>): number {
  return classCounts(scenario).reduce((sum, sellers, c) => sum + sellers * scenario.sellers.classes[SIZE_CLASSES[c]].skusPerSeller, 0);
}

const SYNTHETIC = /^seller-([1-9]\d*)$/;

export interface SellerSlots {
  count: number;
  /** Per class, its slots first ≤ s < end. */
  classRange: { first: number; end: number }[];
  sellerClass: Uint8Array;
  /** Per slot, the catalogue seller in it, or −1 for a synthetic seller. */
  catalogueSeller: Int32Array;
  /** Per slot, its SKUs: sellerFirstSku[s] ≤ sku < sellerFirstSku[s + 1]. */
  sellerFirstSku: Int32Array;
  sellerName(s: number): string;
  /** The slot of a seller's name, or −1. */
  sellerIndex(name: string): number;
  skuName(sku: number): string;
  /** A SKU by its seller's slot and its name within the seller, or −1. */
  skuIndex(seller: number, name: string): number;
}

/** The slots of a scenario, with a catalogue's sellers placed; a message if they do not fit. */
export function sellerSlots(scenario: Scenario, catalogue?: CatalogueTable): SellerSlots | string {
  const counts = classCounts(scenario);
  const count = scenario.sellers.count;
  const classRange = counts.map((_, c) => {
    const first = counts.slice(0, c).reduce((a, b) => a + b, 0);
    return { first, end: first + counts[c] };
  });
  const sellerClass = new Uint8Array(count);
  classRange.forEach((r, c) => sellerClass.fill(c, r.first, r.end));
  const catalogueSeller = new Int32Array(count).fill(-1);
  const byName = new Map<string, number>();
  if (catalogue) {
    const next = classRange.map((r) => r.first);
    for (const [i, seller] of catalogue.sellers.entries()) {
      if (SYNTHETIC.test(seller.name)) return `${catalogue.file}: seller "${seller.name}": names of the form seller-N belong to the platform's synthetic sellers; give this seller another name`;
      const c = SIZE_CLASSES.indexOf(seller.sizeClass);
      if (next[c] === classRange[c].end) {
        const listed = catalogue.sellers.filter((x) => x.sizeClass === seller.sizeClass).length;
        return `${catalogue.file}: lists ${listed} ${seller.sizeClass} sellers, but the platform has ${counts[c]} (sellers.count × sellers.classes.${seller.sizeClass}.share); raise them so that each catalogue seller has a place`;
      }
      catalogueSeller[next[c]] = i;
      byName.set(seller.name, next[c]++);
    }
  }
  const sellerFirstSku = new Int32Array(count + 1);
  for (let s = 0; s < count; s++) {
    const k = catalogueSeller[s];
    const skus = k >= 0 ? catalogue!.sellers[k].skuCount : scenario.sellers.classes[SIZE_CLASSES[sellerClass[s]]].skusPerSeller;
    sellerFirstSku[s + 1] = sellerFirstSku[s] + skus;
  }
  const skuSeller = (sku: number) => {
    let lo = 0, hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sellerFirstSku[mid] <= sku) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  const skuNames = new Map<number, Map<string, number>>();
  return {
    count, classRange, sellerClass, catalogueSeller, sellerFirstSku,
    sellerName: (s) => (catalogueSeller[s] >= 0 ? catalogue!.sellers[catalogueSeller[s]].name : `seller-${s + 1}`),
    sellerIndex(name) {
      const named = byName.get(name);
      if (named !== undefined) return named;
      const m = SYNTHETIC.exec(name);
      const s = m ? Number(m[1]) - 1 : -1;
      return s >= 0 && s < count && catalogueSeller[s] < 0 ? s : -1;
    },
    skuName(sku) {
      const s = skuSeller(sku), k = catalogueSeller[s];
      return k >= 0 ? catalogue!.skuName[catalogue!.sellers[k].firstSku + sku - sellerFirstSku[s]] : `sku-${sku - sellerFirstSku[s] + 1}`;
    },
    skuIndex(s, name) {
      const k = catalogueSeller[s];
      if (k < 0) {
        const m = /^sku-([1-9]\d*)$/.exec(name);
        const i = m ? Number(m[1]) - 1 : -1;
        return i >= 0 && i < sellerFirstSku[s + 1] - sellerFirstSku[s] ? sellerFirstSku[s] + i : -1;
      }
      let names = skuNames.get(s);
      if (!names) {
        const { firstSku, skuCount } = catalogue!.sellers[k];
        names = new Map(Array.from({ length: skuCount }, (_, i) => [catalogue!.skuName[firstSku + i], sellerFirstSku[s] + i]));
        skuNames.set(s, names);
      }
      return names.get(name) ?? -1;
    },
  };
}
