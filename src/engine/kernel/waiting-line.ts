// A FIFO line of waiting claims on typed arrays (a ring that doubles when full): who waits
// (the event kind and payload to fire when served), how much they want, and since when.

/** A saved waiting line: its claims, oldest first. */
export interface WaitingLineState { kind: Int32Array; payload: Int32Array; amount: Float64Array; since: Float64Array }

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

  /** The line as plain data (a snapshot): its claims oldest first. */
  saveState(): WaitingLineState {
    const take = <T extends Int32Array | Float64Array>(ring: T, into: T) => unrollRing(ring, this.first, into).subarray(0, this.length) as T;
    const n = this.kind.length;
    return {
      kind: take(this.kind, new Int32Array(n)),
      payload: take(this.payload, new Int32Array(n)),
      amount: take(this.amount, new Float64Array(n)),
      since: take(this.since, new Float64Array(n)),
    };
  }

  /** Puts back a saved line (a copy: the state can be restored again). */
  restoreState(state: WaitingLineState): void {
    let size = 16;
    while (size < state.kind.length) size *= 2;
    this.kind = new Int32Array(size);
    this.payload = new Int32Array(size);
    this.amount = new Float64Array(size);
    this.since = new Float64Array(size);
    this.kind.set(state.kind);
    this.payload.set(state.payload);
    this.amount.set(state.amount);
    this.since.set(state.since);
    this.first = 0;
    this.length = state.kind.length;
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
