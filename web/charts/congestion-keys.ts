// The congestion chart's keys, so that zoom and the hourly read-out need no mouse: ← → move the
// zoomed window a day (or the hour read, unzoomed), Shift+← → move the hour read by one hour,
// + and − zoom in and out around it in whole China days, Home or Escape show the whole season.

/** What the chart's label says of its keys, for screen readers. */
export const KEYS_HELP = 'Keys: left and right arrows move a day (with Shift, an hour) and read its values; plus and minus zoom in and out; Home or Escape shows the whole season.';

export interface KeyState {
  /** Hours of the season shown, or undefined for the whole season. */
  zoom: [number, number] | undefined;
  /** The hour read out, or undefined before any key. */
  focusHour: number | undefined;
  /** Hours in the season. */
  hours: number;
  shift: boolean;
}

const DAY = 24;
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * The view after `key`: the zoom (the same array when unchanged) and the hour read out; undefined
 * for a key the chart leaves alone (Tab and the rest keep their meaning).
 */
export function congestionKeys(key: string, s: KeyState): { zoom: [number, number] | undefined; focusHour: number } | undefined {
  const [a, b] = s.zoom ?? [0, s.hours];
  const focus = s.focusHour ?? Math.floor((a + b) / 2 / DAY) * DAY;
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const sign = key === 'ArrowLeft' ? -1 : 1;
    if (s.shift || !s.zoom) return { zoom: s.zoom, focusHour: clamp(focus + sign * (s.shift ? 1 : DAY), a, b - 1) };
    const shift = clamp(sign * DAY, -a, s.hours - b);
    return { zoom: shift === 0 ? s.zoom : [a + shift, b + shift], focusHour: clamp(focus + shift, a + shift, b + shift - 1) };
  }
  if (key === '+' || key === '=' || key === '-' || key === '_') {
    const zoomIn = key === '+' || key === '=';
    const days = Math.max(1, Math.round((b - a) / DAY * (zoomIn ? 0.5 : 2)));
    if (days * DAY >= s.hours) return { zoom: undefined, focusHour: focus };
    const start = clamp(Math.round((focus + 0.5) / DAY - days / 2) * DAY, 0, s.hours - days * DAY);
    const zoom: [number, number] = [start, start + days * DAY];
    return { zoom: zoom[0] === a && zoom[1] === b ? s.zoom : zoom, focusHour: clamp(focus, zoom[0], zoom[1] - 1) };
  }
  if (key === 'Home' || key === 'Escape') return { zoom: undefined, focusHour: key === 'Home' ? 0 : focus };
  return undefined;
}
