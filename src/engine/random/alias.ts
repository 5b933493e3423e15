// Discrete distributions over 0..n-1 drawn in O(1) by Walker's alias method (Vose's
// construction), for picking a seller, a SKU or a product rank among many.
//
// A Zipf draw over ranks 1..n with exponent s is `1 + stream.pick(new AliasTable(zipfWeights(n, s)))`:
// build the table once, outside the hot loop, and pick from it per draw.
import { pow } from './math.ts';

/**
 * Column i of the table holds index i with probability prob[i] and alias[i] otherwise; a draw
 * picks a column uniformly (see RandomStream.pick). Treat the arrays as read-only.
 */
export class AliasTable {
  readonly size: number;
  readonly prob: Float64Array;
  readonly alias: Int32Array;
  /** prob and alias interleaved, [prob0, alias0, prob1, alias1, …]: a draw reads one cache line, not two. */
  readonly columns: Float64Array;
  private readonly normalised: Float64Array;

  /** Weights need not sum to 1; they must be finite, >= 0, and not all 0. */
  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    if (!(n >= 1)) throw new RangeError(`AliasTable: weights must hold at least one weight, got ${n}`);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (!(w >= 0) || w === Infinity) {
        throw new RangeError(`AliasTable: weights[${i}] must be a finite number >= 0, got ${String(w)}`);
      }
      total += w;
    }
    if (total === 0) throw new RangeError(`AliasTable: weights must not all be 0, got ${n} zeros`);
    if (total === Infinity) throw new RangeError('AliasTable: weights must have a finite sum, got Infinity');

    this.size = n;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    this.normalised = new Float64Array(n);
    const scaled = new Float64Array(n); // weight × n / total: 1 means exactly one column's worth
    const small = new Int32Array(n);
    const large = new Int32Array(n);
    let nSmall = 0, nLarge = 0, heaviest = 0;
    for (let i = 0; i < n; i++) {
      const p = weights[i] / total;
      this.normalised[i] = p;
      scaled[i] = p * n;
      if (scaled[i] >= 1) large[nLarge++] = i;
      else if (p > 0) small[nSmall++] = i;
      if (p > this.normalised[heaviest]) heaviest = i;
    }
    // Zero weights go on top of the stack so they are paired first, while large columns are
    // plentiful; a zero left over to the rounding clean-up below would otherwise get prob 1.
    for (let i = 0; i < n; i++) if (this.normalised[i] === 0) small[nSmall++] = i;

    while (nSmall > 0 && nLarge > 0) {
      const s = small[--nSmall];
      const l = large[nLarge - 1];
      this.prob[s] = scaled[s];
      this.alias[s] = l;
      // (l + s) - 1 rather than l - (1 - s): Vose's order, which loses less to rounding.
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) {
        nLarge--;
        small[nSmall++] = l;
      }
    }
    // Whatever is left is 1 up to rounding.
    while (nLarge > 0) {
      const l = large[--nLarge];
      this.prob[l] = 1;
      this.alias[l] = l;
    }
    while (nSmall > 0) {
      const s = small[--nSmall];
      const never = this.normalised[s] === 0;
      this.prob[s] = never ? 0 : 1;
      this.alias[s] = never ? heaviest : s;
    }
    this.columns = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      this.columns[2 * i] = this.prob[i];
      this.columns[2 * i + 1] = this.alias[i];
    }
  }

  /** The probability of index i: its weight divided by the sum of the weights. */
  probability(i: number): number {
    if (!(Number.isInteger(i) && i >= 0 && i < this.size)) {
      throw new RangeError(`AliasTable.probability: i must be a whole number in [0, ${this.size - 1}], got ${String(i)}`);
    }
    return this.normalised[i];
  }
}

/** Zipf weights for ranks 1..n: rank k (stored at index k - 1) weighs k^-exponent. */
export function zipfWeights(n: number, exponent: number): Float64Array {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`zipfWeights: n must be a whole number >= 1, got ${String(n)}`);
  if (!(exponent >= 0) || exponent === Infinity) {
    throw new RangeError(`zipfWeights: exponent must be a finite number >= 0, got ${String(exponent)}`);
  }
  const weights = new Float64Array(n);
  for (let k = 1; k <= n; k++) weights[k - 1] = pow(k, -exponent);
  return weights;
}
