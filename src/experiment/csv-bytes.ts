// A CSV row writer straight into bytes, for the trace's millions of rows: digits and names written
// into one reused buffer, handed on in blocks, so a row makes no strings and no garbage (formatting
// numbers as strings cost the trace 15 µs a row, most of it collecting the garbage).

const COMMA = 44, NEWLINE = 10, MINUS = 45, POINT = 46, ZERO = 48, COLON = 58;
const encoder = new TextEncoder();
export const asciiBytes = (s: string) => encoder.encode(s);

/** Rows of bytes in a block of `size`; `flush` receives the block's filled part, valid during the call only. */
export class CsvBytes {
  private readonly buf: Uint8Array;
  private n = 0;

  constructor(private readonly flush: (bytes: Uint8Array) => void, size = 1 << 20) {
    this.buf = new Uint8Array(size);
  }

  /** Ends a row; hands the block on when less than a long row's room is left. */
  endRow(): void {
    this.buf[this.n++] = NEWLINE;
    if (this.n > this.buf.length - 4096) this.end();
  }

  /** Hands on what is buffered. */
  end(): void {
    if (this.n > 0) this.flush(this.buf.subarray(0, this.n));
    this.n = 0;
  }

  comma(): void {
    this.buf[this.n++] = COMMA;
  }

  /** One character by its code. */
  byte(c: number): void {
    this.buf[this.n++] = c;
  }

  bytes(b: Uint8Array): void {
    // Names and words are short: a loop beats TypedArray.set's call.
    const buf = this.buf, n = this.n, k = b.length;
    for (let i = 0; i < k; i++) buf[n + i] = b[i];
    this.n = n + k;
  }

  /** A whole number >= 0. */
  whole(x: number): void {
    if (x < 10) { this.buf[this.n++] = ZERO + x; return; }
    if (x < 2 ** 31) {
      // Integer arithmetic while it fits in 32 bits: most counts, hours and yuan.
      let digits = 1;
      for (let y = (x / 10) | 0; y > 0; y = (y / 10) | 0) digits++;
      let at = this.n + digits;
      this.n = at;
      for (let y = x | 0; y > 0; y = (y / 10) | 0) this.buf[--at] = ZERO + (y % 10);
      return;
    }
    let digits = 0;
    for (let y = x; y >= 1; y = Math.floor(y / 10)) digits++;
    let at = this.n + digits;
    this.n = at;
    for (let y = x; y >= 1; y = Math.floor(y / 10)) this.buf[--at] = ZERO + (y % 10);
  }

  /** A number to 4 decimals, trailing zeros dropped (as String(Math.round(x × 1e4) / 1e4)); nothing for NaN. */
  fixed4(x: number): void {
    if (x === 0) { this.buf[this.n++] = ZERO; return; } // most fines of most orders
    if (Number.isNaN(x)) return;
    const rounded = Math.round(x * 1e4); // half up, as the reference rounds, negatives too
    // Up to 15 digits the decimal written is the one String() gives (its shortest round trip).
    if (!(Math.abs(rounded) < 1e15)) { this.bytes(asciiBytes(String(rounded / 1e4))); return; }
    const units = Math.abs(rounded);
    if (rounded < 0) this.buf[this.n++] = MINUS;
    const whole = Math.floor(units / 1e4);
    this.whole(whole);
    let frac = units - whole * 1e4;
    if (frac === 0) return;
    let places = 4;
    while (frac % 10 === 0) { frac /= 10; places--; }
    this.buf[this.n++] = POINT;
    for (let i = places - 1; i >= 0; i--) {
      this.buf[this.n + i] = ZERO + (frac % 10);
      frac = Math.floor(frac / 10);
    }
    this.n += places;
  }

  /** Two digits, zero-padded. */
  two(x: number): void {
    this.buf[this.n++] = ZERO + Math.floor(x / 10);
    this.buf[this.n++] = ZERO + (x % 10);
  }

  three(x: number): void {
    this.buf[this.n++] = ZERO + Math.floor(x / 100);
    this.two(x % 100);
  }
}

/** China date-times of a season, written as `2022-11-25T09:30:00.000+08:00` (toISOString's shape), the date part cached by day. */
export function chinaDateTimeWriter(seasonStartEpochMs: number): (out: CsvBytes, hours: number) => void {
  const base = seasonStartEpochMs + 8 * 3_600_000;
  const dates = new Map<number, Uint8Array>();
  const offset = asciiBytes('+08:00');
  return (out, hours) => {
    const ms = base + Math.round(hours * 3_600_000);
    const day = Math.floor(ms / 86_400_000);
    let date = dates.get(day);
    if (!date) dates.set(day, (date = asciiBytes(new Date(day * 86_400_000).toISOString().slice(0, 11))));
    out.bytes(date);
    let rest = ms - day * 86_400_000;
    const h = Math.floor(rest / 3_600_000); rest -= h * 3_600_000;
    const m = Math.floor(rest / 60_000); rest -= m * 60_000;
    const s = Math.floor(rest / 1000);
    out.two(h); out.byte(COLON); out.two(m); out.byte(COLON); out.two(s); out.byte(POINT); out.three(rest - s * 1000);
    out.bytes(offset);
  };
}
