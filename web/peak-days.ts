// The season's peak days: those the congestion chart marks, Black Friday (the day after the US
// Thanksgiving, the fourth Thursday of November) and Cyber Monday (three days later) in each year
// the season spans; and the busiest week of a run, whose KPIs the page offers at one click.
export interface Mark { date: string; label: string }

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function peakDays(season: { start: string; end: string }): Mark[] {
  const marks: Mark[] = [];
  for (let year = Number(season.start.slice(0, 4)); year <= Number(season.end.slice(0, 4)); year++) {
    const first = new Date(Date.UTC(year, 10, 1)).getUTCDay(); // weekday of 1 November (0 = Sunday)
    const thanksgiving = 1 + ((4 - first + 7) % 7) + 21;
    const blackFriday = new Date(Date.UTC(year, 10, thanksgiving + 1));
    const cyberMonday = new Date(Date.UTC(year, 10, thanksgiving + 4));
    for (const [day, label] of [[blackFriday, 'Black Friday'], [cyberMonday, 'Cyber Monday']] as const) {
      if (iso(day) >= season.start && iso(day) <= season.end) marks.push({ date: iso(day), label });
    }
  }
  return marks;
}

/** Days [from, to) of the season: the `length` consecutive days with the most orders (the earliest of equals; the whole season if shorter). */
export function busiestDays(ordersPerDay: ArrayLike<number>, length = 7): { from: number; to: number } {
  const n = Math.min(length, ordersPerDay.length);
  let sum = 0, best = -Infinity, from = 0;
  for (let d = 0; d < ordersPerDay.length; d++) {
    sum += ordersPerDay[d] - (d >= n ? ordersPerDay[d - n] : 0);
    if (d >= n - 1 && sum > best) { best = sum; from = d - n + 1; }
  }
  return { from, to: from + n };
}
