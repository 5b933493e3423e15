// The congestion chart's marks fall on the real Black Friday and Cyber Monday of each season's year.
import { describe, expect, it } from 'vitest';
import { peakDays } from '../web/peak-days.ts';

describe('peakDays', () => {
  it('finds the day after the fourth Thursday of November, and the Monday after', () => {
    expect(peakDays({ start: '2022-10-01', end: '2022-12-05' })).toEqual([
      { date: '2022-11-25', label: 'Black Friday' }, { date: '2022-11-28', label: 'Cyber Monday' }]);
    expect(peakDays({ start: '2023-11-01', end: '2023-11-30' }).map((m) => m.date)).toEqual(['2023-11-24', '2023-11-27']);
    expect(peakDays({ start: '2024-11-01', end: '2024-12-31' }).map((m) => m.date)).toEqual(['2024-11-29', '2024-12-02']);
    expect(peakDays({ start: '2025-01-01', end: '2026-12-31' }).map((m) => m.date)).toEqual(['2025-11-28', '2025-12-01', '2026-11-27', '2026-11-30']);
  });

  it('marks only days inside the season', () => {
    expect(peakDays({ start: '2022-10-01', end: '2022-10-31' })).toEqual([]);
    expect(peakDays({ start: '2022-11-26', end: '2022-12-05' }).map((m) => m.label)).toEqual(['Cyber Monday']);
  });
});
