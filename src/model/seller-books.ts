// Each seller's books (docs/model.md, "Money"): revenue, cost of goods, shipping, top-ups, goods on
// hand at cost with their integral over time (for holding cost), the deposit balance and fines by
// cause, in one record per seller so a fine or a sale touches one cache line; and the seller's
// standing with the platform (deposit ever below zero, awaiting its answer, suspended).

const REVENUE = 0, GOODS_COST = 1, SHIPPING = 2, TOP_UPS = 3, HELD_VALUE = 4, HELD_AREA = 5, HELD_SINCE = 6, DEPOSIT = 7;
const FINES = 8;
const EVER_NEGATIVE = 0, RESPONSE_PENDING = 1, TOPS_UP = 2, SUSPENDED = 3;

/** Per-seller money over the counted span, CNY: what a run reports per seller. */
export interface SellerTotals {
  revenue: Float64Array;
  goodsCost: Float64Array;
  shipping: Float64Array;
  topUps: Float64Array;
  holding: Float64Array;
  finesByCause: Float64Array[];
}

export class SellerBooks {
  readonly sellers: number;
  private readonly stride: number;
  private readonly rec: Float64Array;
  private readonly flags: Uint8Array;
  /** Sellers suspended so far. */
  suspendedCount = 0;

  constructor(sellers: number, private readonly causes: number, depositCny: number) {
    this.sellers = sellers;
    this.stride = FINES + causes;
    this.rec = new Float64Array(sellers * this.stride);
    this.flags = new Uint8Array(sellers * 4);
    for (let s = 0; s < sellers; s++) this.rec[s * this.stride + DEPOSIT] = depositCny;
  }

  /** A sale stocked at the warehouse: its value, and the goods' cost at `cogsRatio`. */
  addSale(seller: number, value: number, cogsRatio: number): void {
    const r = seller * this.stride;
    this.rec[r + REVENUE] += value;
    this.rec[r + GOODS_COST] += value * cogsRatio;
  }

  /** Goods lost to the seller (a rejected order's units): their cost only. */
  addGoodsCost(seller: number, cny: number): void { this.rec[seller * this.stride + GOODS_COST] += cny; }
  addShipping(seller: number, cny: number): void { this.rec[seller * this.stride + SHIPPING] += cny; }

  /** Goods on hand change by `cny` at cost now: the integral of goods held is brought up to date first. */
  holdGoods(seller: number, cny: number, now: number): void {
    const r = seller * this.stride, h = this.rec;
    h[r + HELD_AREA] += h[r + HELD_VALUE] * (now - h[r + HELD_SINCE]);
    h[r + HELD_SINCE] = now;
    h[r + HELD_VALUE] += cny;
  }

  /** Holding cost so far of every seller (CNY) up to `now`, at `perCnyHour` of goods held. */
  holdingCost(now: number, perCnyHour: number): Float64Array {
    const h = this.rec, w = this.stride;
    return Float64Array.from({ length: this.sellers }, (_, s) => (h[s * w + HELD_AREA] + h[s * w + HELD_VALUE] * (now - h[s * w + HELD_SINCE])) * perCnyHour);
  }

  deposit(seller: number): number { return this.rec[seller * this.stride + DEPOSIT]; }

  /** Takes a fine of `cause` off the deposit; returns the balance after it. */
  takeFine(seller: number, cause: number, cny: number): number {
    const r = seller * this.stride;
    this.rec[r + FINES + cause] += cny;
    return (this.rec[r + DEPOSIT] -= cny);
  }

  /** Pays the deposit back up to `depositCny`, counted as a top-up. */
  topUp(seller: number, depositCny: number): void {
    const r = seller * this.stride;
    this.rec[r + TOP_UPS] += depositCny - this.rec[r + DEPOSIT];
    this.rec[r + DEPOSIT] = depositCny;
  }

  finesOf(seller: number, cause: number): number { return this.rec[seller * this.stride + FINES + cause]; }
  topUpsOf(seller: number): number { return this.rec[seller * this.stride + TOP_UPS]; }

  everNegative(seller: number): boolean { return this.flags[seller * 4 + EVER_NEGATIVE] === 1; }
  markNegative(seller: number): void { this.flags[seller * 4 + EVER_NEGATIVE] = 1; }
  responsePending(seller: number): boolean { return this.flags[seller * 4 + RESPONSE_PENDING] === 1; }
  setResponsePending(seller: number, pending: boolean): void { this.flags[seller * 4 + RESPONSE_PENDING] = pending ? 1 : 0; }
  topsUp(seller: number): boolean { return this.flags[seller * 4 + TOPS_UP] === 1; }
  setTopsUp(seller: number, yes: boolean): void { this.flags[seller * 4 + TOPS_UP] = yes ? 1 : 0; }
  suspended(seller: number): boolean { return this.flags[seller * 4 + SUSPENDED] === 1; }

  suspend(seller: number): void {
    this.flags[seller * 4 + SUSPENDED] = 1;
    this.suspendedCount++;
  }

  /** Whose deposit went below zero at some time (a copy). */
  exhausted(): Uint8Array {
    return Uint8Array.from({ length: this.sellers }, (_, s) => this.flags[s * 4 + EVER_NEGATIVE]);
  }

  /** Every seller's money so far (holding cost up to `now`). */
  totals(now: number, holdingPerCnyHour: number): SellerTotals {
    const column = (field: number) => Float64Array.from({ length: this.sellers }, (_, s) => this.rec[s * this.stride + field]);
    return {
      revenue: column(REVENUE),
      goodsCost: column(GOODS_COST),
      shipping: column(SHIPPING),
      topUps: column(TOP_UPS),
      holding: this.holdingCost(now, holdingPerCnyHour),
      finesByCause: Array.from({ length: this.causes }, (_, c) => column(FINES + c)),
    };
  }
}
