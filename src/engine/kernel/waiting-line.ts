// A FIFO line of waiting claims on typed arrays (a ring that doubles when full): who waits
// (the event kind and payload to fire when served), how much they want, and since when.

export class WaitingLine {
  kind = new Int32Array(16);
  payload = new Int32Array(16);
  amount = new Float64Array(16);
  since = new Float64Array(16);
  private first = 0;
  /** Number of claims waiting. */
  length = 0;

  push(kind: number, payload: number, amount: number, since: number): void {
    if (this.length === this.kind.length) this.grow();
    const i = (this.first + this.length) & (this.kind.length - 1);
    this.kind[i] = kind;
    this.payload[i] = payload;
    this.amount[i] = amount;
    this.since[i] = since;
    this.length++;
  }

  /** Ring index of the oldest claim; read kind/payload/amount/since there, then `shift`. */
  get front(): number {
    return this.first;
  }

  shift(): void {
    this.first = (this.first + 1) & (this.kind.length - 1);
    this.length--;
  }

  private grow(): void {
    const n = this.kind.length * 2;
    this.kind = unrollRing(this.kind, this.first, new Int32Array(n));
    this.payload = unrollRing(this.payload, this.first, new Int32Array(n));
    this.amount = unrollRing(this.amount, this.first, new Float64Array(n));
    this.since = unrollRing(this.since, this.first, new Float64Array(n));
    this.first = 0;
  }
}

/** Copies a full ring starting at `first` into a larger array, oldest entry at index 0. */
export function unrollRing<T extends Int32Array | Float64Array>(ring: T, first: number, into: T): T {
  const tail = ring.subarray(first);
  into.set(tail);
  into.set(ring.subarray(0, first), tail.length);
  return into;
}
