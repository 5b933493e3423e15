// The season's peak days: those the congestion chart marks, Black Friday (the day after the US
// Thanksgiving, the fourth Thursday of November) and Cyber Monday (three days later) in each year
// the season spans.
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
