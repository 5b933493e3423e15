// The congestion chart's keys (web/charts/congestion-keys.ts): the windows and hours each key
// gives, worked out by hand over a 10-day season (240 hours).
import { describe, expect, it } from 'vitest';
import { congestionKeys } from '../web/charts/congestion-keys.ts';

const season = { hours: 240, shift: false, zoom: undefined, focusHour: undefined };

describe('congestion chart keys', () => {
  it('unzoomed, arrows move the hour read by a day from the middle day, Shift by an hour', () => {
    expect(congestionKeys('ArrowRight', season)).toEqual({ zoom: undefined, focusHour: 144 });
    expect(congestionKeys('ArrowLeft', { ...season, focusHour: 10 })).toEqual({ zoom: undefined, focusHour: 0 });
    expect(congestionKeys('ArrowRight', { ...season, focusHour: 239 })).toEqual({ zoom: undefined, focusHour: 239 });
    expect(congestionKeys('ArrowLeft', { ...season, focusHour: 30, shift: true })).toEqual({ zoom: undefined, focusHour: 29 });
  });
  it('+ halves the window in whole days around the hour read; − doubles it, back to the season', () => {
    expect(congestionKeys('+', { ...season, focusHour: 100 })).toEqual({ zoom: [48, 168], focusHour: 100 }); // 5 days centred on hour 100, to the nearest midnight
    expect(congestionKeys('+', { ...season, zoom: [48, 168], focusHour: 100 })).toEqual({ zoom: [72, 144], focusHour: 100 }); // 2.5 days round to 3
    expect(congestionKeys('+', { ...season, zoom: [48, 72], focusHour: 50 })).toEqual({ zoom: [48, 72], focusHour: 50 }); // a day is the least
    expect(congestionKeys('-', { ...season, zoom: [48, 120], focusHour: 100 })).toEqual({ zoom: [24, 168], focusHour: 100 });
    expect(congestionKeys('-', { ...season, zoom: [24, 144], focusHour: 100 })).toEqual({ zoom: undefined, focusHour: 100 });
  });
  it('zoomed, arrows move the window a day, stopping at the season’s ends', () => {
    expect(congestionKeys('ArrowRight', { ...season, zoom: [48, 120], focusHour: 60 })).toEqual({ zoom: [72, 144], focusHour: 84 });
    const atEnd = { ...season, zoom: [168, 240] as [number, number], focusHour: 200 };
    expect(congestionKeys('ArrowRight', atEnd)!.zoom).toBe(atEnd.zoom); // unchanged: the page is not told again
    expect(congestionKeys('ArrowLeft', { ...season, zoom: [0, 72], focusHour: 5 })).toEqual({ zoom: [0, 72], focusHour: 5 });
  });
  it('Home and Escape show the whole season; other keys are left alone', () => {
    expect(congestionKeys('Home', { ...season, zoom: [48, 120], focusHour: 60 })).toEqual({ zoom: undefined, focusHour: 0 });
    expect(congestionKeys('Escape', { ...season, zoom: [48, 120], focusHour: 60 })).toEqual({ zoom: undefined, focusHour: 60 });
    expect(congestionKeys('Tab', season)).toBeUndefined();
  });
});
