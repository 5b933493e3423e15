// Each seller's books (docs/model.md, "Money"): revenue, cost of goods, shipping, returns, top-ups, goods on
// hand at cost with their integral over time (for holding cost), the deposit balance and fines by
// cause, and its standing with the platform (deposit ever below zero, awaiting its answer, tops up,
// suspended), in one record per seller. What every order touches (suspended? goods held) comes
// first, side by side, so an order costs one cache miss here.

const HELD_VALUE = 0, HELD_AREA = 1, HELD_SINCE = 2, SUSPENDED = 3;
const REVENUE = 4, GOODS_COST = 5, SHIPPING = 6, DEPOSIT = 7, TOP_UPS = 8;
const EVER_NEGATIVE = 9, RESPONSE_PENDING = 10, TOPS_UP = 11, RETURNS = 12;
const FINES = 13;

/** Per-seller money over the counted span, CNY: what a run reports per seller. */
export interface SellerTotals {
  revenue: Float64Array;
  goodsCost: Float64Array;
  shipping: Float64Array;
  /** Shipping of goods sent back: units rejected at QC, overstock at season end. */
  returns: Float64Array;
  topUps: Float64Array;
  holding: Float64Array;
  finesByCause: Float64Array[];
}

/** A seller's profit over the counted span, CNY: revenue less goods, shipping, returns, holding and `fines`. */
export function sellerProfit(t: SellerTotals, s: number, fines: number): number {
  return t.revenue[s] - t.goodsCost[s] - t.shipping[s] - t.returns[s] - t.holding[s] - fines;
}

export class SellerBooks {
  readonly sellers: number;
  private readonly stride: number;
  private readonly rec: Float64Array;
  /** Sellers suspended so far. */
  suspendedCount = 0;

  constructor(sellers: number, private readonly causes: number, depositCny: number) {
    this.sellers = sellers;
    this.stride = Math.ceil((FINES + causes) / 8) * 8; // whole 64-byte lines
    this.rec = new Float64Array(sellers * this.stride);
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
  addReturns(seller: number, cny: number): void { this.rec[seller * this.stride + RETURNS] += cny; }

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

  private flag(seller: number, field: number): boolean { return this.rec[seller * this.stride + field] === 1; }
  private setFlag(seller: number, field: number, on: boolean): void { this.rec[seller * this.stride + field] = on ? 1 : 0; }

  everNegative(seller: number): boolean { return this.flag(seller, EVER_NEGATIVE); }
  markNegative(seller: number): void { this.setFlag(seller, EVER_NEGATIVE, true); }
  responsePending(seller: number): boolean { return this.flag(seller, RESPONSE_PENDING); }
  setResponsePending(seller: number, pending: boolean): void { this.setFlag(seller, RESPONSE_PENDING, pending); }
  topsUp(seller: number): boolean { return this.flag(seller, TOPS_UP); }
  setTopsUp(seller: number, yes: boolean): void { this.setFlag(seller, TOPS_UP, yes); }
  suspended(seller: number): boolean { return this.rec[seller * this.stride + SUSPENDED] === 1; }

  suspend(seller: number): void {
    this.setFlag(seller, SUSPENDED, true);
    this.suspendedCount++;
  }

  /** Who is suspended now (a copy). */
  suspendedNow(): Uint8Array {
    return Uint8Array.from({ length: this.sellers }, (_, s) => (this.suspended(s) ? 1 : 0));
  }

  /** Whose deposit went below zero at some time (a copy). */
  exhausted(): Uint8Array {
    return Uint8Array.from({ length: this.sellers }, (_, s) => (this.everNegative(s) ? 1 : 0));
  }

  /** Every seller's money so far (holding cost up to `now`). */
  totals(now: number, holdingPerCnyHour: number): SellerTotals {
    const column = (field: number) => Float64Array.from({ length: this.sellers }, (_, s) => this.rec[s * this.stride + field]);
    return {
      revenue: column(REVENUE),
      goodsCost: column(GOODS_COST),
      shipping: column(SHIPPING),
      returns: column(RETURNS),
      topUps: column(TOP_UPS),
      holding: this.holdingCost(now, holdingPerCnyHour),
      finesByCause: Array.from({ length: this.causes }, (_, c) => column(FINES + c)),
    };
  }
}
