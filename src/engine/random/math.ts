// Elementary functions that give the same bits in every JavaScript engine. Math.exp, Math.log
// and Math.pow are not specified to the last bit, and they differ: Node 20's V8 and Chromium
// 156's V8 disagree on about one exp or pow in ten. A replication must be a pure function of
// (scenario, seed, replication) in Node and the browser alike, so the simulation draws through
// these: fdlibm's exp and log (Sun Microsystems, 1993; freely distributable) written out on
// + − × ÷ alone, which IEEE 754 rounds the same everywhere, and the rest built on those two.

const words = new Float64Array(1);
const bits = new Int32Array(words.buffer);
/** Index of the high (sign, exponent) word: 1 on little-endian machines. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

function highWord(x: number): number { words[0] = x; return bits[HI]; }
function fromWords(hi: number, lo: number): number { bits[HI] = hi; bits[LO] = lo; return words[0]; }

const LN2_HI = fromWords(0x3fe62e42, 0xfee00000 | 0);
const LN2_LO = fromWords(0x3dea39ef, 0x35793c76);
const TWO54 = fromWords(0x43500000, 0);
const LG1 = fromWords(0x3fe55555, 0x55555593), LG2 = fromWords(0x3fd99999, 0x9997fa04 | 0);
const LG3 = fromWords(0x3fd24924, 0x94229359 | 0), LG4 = fromWords(0x3fcc71c5, 0x1d8e78af);
const LG5 = fromWords(0x3fc74664, 0x96cb03de | 0), LG6 = fromWords(0x3fc39a09, 0xd078c69f | 0);
const LG7 = fromWords(0x3fc2f112, 0xdf3e5244 | 0);

/** 2^-e for e = −1022 … 1024 (exact doubles, the last two subnormal). */
const POW2_NEG = new Float64Array(2047);
for (let e = -1022; e <= 1024; e++) POW2_NEG[e + 1022] = fromWords(e <= 1022 ? (1023 - e) << 20 : 0x00100000 >> (e - 1022), 0);

/** Smallest normal double, 2^-1022. */
const MIN_NORMAL = 2.2250738585072014e-308;

/** Natural logarithm (fdlibm's __ieee754_log, error < 1 ulp). */
export function log(x: number): number {
  if (!(x > 0) || x === Infinity) return x === 0 ? -Infinity : x === Infinity ? x : NaN;
  let k = 0;
  if (x < MIN_NORMAL) { k = -54; x *= TWO54; } // subnormal: scale into the normal range
  words[0] = x;
  const hx = bits[HI] & 0x000fffff;
  // x = 2^e · m with m in [sqrt(2)/2, sqrt(2)); fdlibm sets m's exponent bits, and multiplying
  // by 2^-e is the same exact operation without a second trip through memory (twice as fast).
  const e = (bits[HI] >> 20) - 1023 + (((hx + 0x95f64) & 0x100000) >> 20);
  x *= POW2_NEG[e + 1022];
  k += e;
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - r : k * LN2_HI - ((r - k * LN2_LO) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f);
  }
  return k === 0 ? f - s * (f - r) : k * LN2_HI - ((s * (f - r) - k * LN2_LO) - f);
}

const O_THRESHOLD = fromWords(0x40862e42, 0xfefa39ef | 0);
const U_THRESHOLD = fromWords(0xc0874910 | 0, 0xd52d3051 | 0);
const INV_LN2 = fromWords(0x3ff71547, 0x652b82fe);
const TWO_M1000 = fromWords(0x01700000, 0);
const P1 = fromWords(0x3fc55555, 0x5555553e), P2 = fromWords(0xbf66c16c | 0, 0x16bebd93);
const P3 = fromWords(0x3f11566a, 0xaf25de2c | 0), P4 = fromWords(0xbebbbd41 | 0, 0xc5d26bf1 | 0);
const P5 = fromWords(0x3e663769, 0x72bea4d0);

// fdlibm's tests on the high word of |x|, as thresholds on |x| (the same cases, no bit access).
const HALF_LN2_UP = fromWords(0x3fd62e43, 0); // |x| > ln2 / 2 (high word > 0x3fd62e42)
const THREE_HALVES_LN2 = fromWords(0x3ff0a2b2, 0); // |x| < 1.5 ln2 (high word < 0x3ff0a2b2)
const TINY = fromWords(0x3e300000, 0); // |x| < 2^-28
const LARGE = fromWords(0x40862e42, 0); // |x| >= 709.78 (high word >= 0x40862e42)
/** 2^k for k = −1021 … 1023, to scale e^r by 2^k with one exact multiplication. */
const POW2 = new Float64Array(2045);
for (let k = -1021; k <= 1023; k++) POW2[k + 1021] = fromWords((k + 1023) << 20, 0);

/** e^x (fdlibm's __ieee754_exp, error < 1 ulp). */
export function exp(x: number): number {
  const ax = Math.abs(x);
  if (ax >= LARGE) {
    if (x !== x) return x; // NaN
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0, lo = 0, k = 0;
  if (ax >= HALF_LN2_UP) { // x = k ln2 + r
    if (ax < THREE_HALVES_LN2) {
      hi = x > 0 ? x - LN2_HI : x + LN2_HI;
      lo = x > 0 ? LN2_LO : -LN2_LO;
      k = x > 0 ? 1 : -1;
    } else {
      k = (INV_LN2 * x + (x > 0 ? 0.5 : -0.5)) | 0;
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (ax < TINY) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - ((lo - (x * c) / (2 - c)) - hi);
  if (k > 1023) return y * 2 * POW2[1023 + 1021]; // e^x just below the largest double
  if (k >= -1021) return y * POW2[k + 1021];
  words[0] = y; // deep underflow: fdlibm's two-step scaling
  bits[HI] += (k + 1000) << 20;
  return words[0] * TWO_M1000;
}

/** ln(1 + x), accurate for small x: log(u)·x/(u − 1) with u = 1 + x corrects u's rounding. */
export function log1p(x: number): number {
  const u = 1 + x;
  if (u === 1) return x;
  if (u === Infinity) return Infinity;
  return (log(u) * x) / (u - 1);
}

/** e^x − 1, accurate for small x (Kahan: (u − 1)·x / log(u) with u = e^x). */
export function expm1(x: number): number {
  const u = exp(x);
  if (u === 1) return x;
  const um1 = u - 1;
  if (um1 === -1 || u === Infinity) return um1;
  return (um1 * x) / log(u);
}

const IVLN10 = fromWords(0x3fdbcb7b, 0x1526e50e);
const LOG10_2HI = fromWords(0x3fd34413, 0x509f6000);
const LOG10_2LO = fromWords(0x3d59fef3, 0x11f12b36);

/** Base-10 logarithm (fdlibm's __ieee754_log10: exact at 1, 10, 100, … 1e22). */
export function log10(x: number): number {
  words[0] = x;
  let hx = bits[HI];
  let k = 0;
  if (hx < 0x00100000) { // zero, negative or subnormal
    if (((hx & 0x7fffffff) | bits[LO]) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  const y = k + i;
  // x's mantissa with exponent 0 (or −1 below 1), by an exact multiplication as in log.
  const z = y * LOG10_2LO + IVLN10 * log(x * POW2_NEG[(hx >> 20) - 1023 + i + 1022]);
  return z + y * LOG10_2HI;
}

/** 10^0 … 10^22, each exact in a double. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, n) => Number(`1e${n}`));

/** 10^t: exact for whole t from −22 to 22, otherwise 10^⌊t⌋ · e^(frac·ln 10). */
export function exp10(t: number): number {
  const n = Math.floor(t);
  const whole = n >= 0 && n <= 22 ? POWERS_OF_TEN[n] : n < 0 && n >= -22 ? 1 / POWERS_OF_TEN[-n] : null;
  if (whole === null) return exp(t * Math.LN10);
  return t === n ? whole : whole * exp((t - n) * Math.LN10);
}

/**
 * x^y for x >= 0 (all the simulation needs). A whole y up to 64 in size multiplies by squaring
 * (so k^−1 is exactly 1/k); y = ½ is the square root; otherwise e^(y·ln x).
 */
export function pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x === 0) return y > 0 ? 0 : Infinity;
  if (!(x > 0)) return NaN;
  if (Number.isInteger(y) && Math.abs(y) <= 64) {
    let result = 1, base = x;
    for (let n = Math.abs(y); n > 0; n >>= 1) {
      if (n & 1) result *= base;
      base *= base;
    }
    return y < 0 ? 1 / result : result;
  }
  if (y === 0.5) return Math.sqrt(x);
  return exp(y * log(x));
}
