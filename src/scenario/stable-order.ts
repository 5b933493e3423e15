// A stable sort of row indices by a numeric key (orders by time, ties in file order): merge sort
// over natural runs, so a file already in order costs one pass, and 8 million shuffled rows no
// typed-array comparator sort.

const MIN_RUN = 32;

/**
 * Positions 0..n-1 ordered by `key`, ties in position order: a merge sort of the ascending runs
 * already there (short ones lengthened by insertion), since a typed-array sort with a comparator
 * takes many seconds on millions, and exports grouped by seller are a few long runs.
 */
export function stableOrder(key: Float64Array, n: number): Int32Array {
  let k = key.slice(0, n), at = new Int32Array(n);
  for (let i = 0; i < n; i++) at[i] = i;
  let bounds = [0];
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && k[j - 1] <= k[j]) j++;
    for (const end = Math.min(n, i + MIN_RUN); j < end; j++) {
      const x = k[j], y = at[j];
      let p = j;
      for (; p > i && k[p - 1] > x; p--) { k[p] = k[p - 1]; at[p] = at[p - 1]; }
      k[p] = x;
      at[p] = y;
    }
    bounds.push(j);
    i = j;
  }
  let k2 = new Float64Array(n), at2 = new Int32Array(n);
  while (bounds.length > 2) {
    const runs = bounds.length - 1, next = [0];
    for (let r = 0; r < runs; r += 2) {
      const lo = bounds[r], mid = bounds[r + 1], hi = r + 1 < runs ? bounds[r + 2] : mid;
      if (mid === hi || k[mid - 1] <= k[mid]) {
        k2.set(k.subarray(lo, hi), lo);
        at2.set(at.subarray(lo, hi), lo);
      } else {
        let a = lo, b = mid, o = lo;
        while (a < mid && b < hi) {
          if (k[b] < k[a]) { k2[o] = k[b]; at2[o++] = at[b++]; } else { k2[o] = k[a]; at2[o++] = at[a++]; }
        }
        for (; a < mid; a++, o++) { k2[o] = k[a]; at2[o] = at[a]; }
        for (; b < hi; b++, o++) { k2[o] = k[b]; at2[o] = at[b]; }
      }
      next.push(hi);
    }
    [k, k2, at, at2, bounds] = [k2, k, at2, at, next];
  }
  return at;
}

// ---------------------------------------------------------------------------------------------
// Times
