// A chart's key: one row per series (or side by side, wrapping), a swatch beside its name drawn
// the way the series is — a filled square for areas and bars, a dashed line or a dashed outline for
// compared scenario B — and that outline itself, so that B's bars and their swatch cannot drift apart.
import type { Selection } from 'd3';

/** Styles a rect as scenario B's bar: unfilled, so A's bar shows through, and dashed black; hovering inside it counts. */
export function dashedOutline(rect: Selection<SVGRectElement, unknown, null, undefined>): void {
  rect.attr('fill', 'none').attr('pointer-events', 'all').attr('stroke', '#000').attr('stroke-width', 1.2).attr('stroke-dasharray', '4 3');
}

/** A key's row height. */
const ROW = 16;

export interface LegendEntry {
  label: string;
  colour: string;
  /** 'fill' (the default) for areas and bars, 'dashed' for a dashed line, 'outline' for B's bars (black whatever `colour`). */
  swatch?: 'fill' | 'dashed' | 'outline';
}

/**
 * Draws the key with its top at `y`; its left edge at `x`, or its right edge there when
 * `anchor` is 'end' (for a key in a right-hand corner, whatever the length of its labels).
 * One row per entry; or, given `flow` (the width to fill), entries side by side, wrapping as a
 * line of text does, so that a key above a wide chart takes a row or two rather than one an entry.
 * Returns the key's height.
 */
export function legend(svg: Selection<SVGSVGElement, unknown, null, undefined>, entries: LegendEntry[],
  at: { x: number; y: number; anchor?: 'start' | 'end'; flow?: number }): number {
  const g = svg.append('g').attr('class', 'legend');
  let left = 0, top = 0;
  entries.forEach((e) => {
    const row = g.append('g');
    if (e.swatch === 'dashed') {
      row.append('line').attr('x1', 0).attr('x2', 12).attr('y1', 5).attr('y2', 5)
        .attr('stroke', e.colour).attr('stroke-width', 1.5).attr('stroke-dasharray', '4 2');
    } else if (e.swatch === 'outline') {
      row.append('rect').attr('width', 12).attr('height', 10).call(dashedOutline).attr('stroke-dasharray', '3 2');
    } else {
      row.append('rect').attr('width', 12).attr('height', 10).attr('fill', e.colour);
    }
    row.append('text').attr('x', 16).attr('y', 9).attr('class', 'axis-label').text(e.label);
    const width = at.flow === undefined ? 0 : row.node()!.getBBox().width + 14;
    if (at.flow !== undefined && left > 0 && left + width > at.flow) { left = 0; top += ROW; }
    row.attr('transform', `translate(${left},${top})`);
    if (at.flow === undefined) top += ROW; else left += width;
  });
  // Measured once drawn, as label widths depend on the font; a hidden chart measures 0 and keeps x.
  const width = at.anchor === 'end' ? g.node()!.getBBox().width : 0;
  g.attr('transform', `translate(${at.x - width},${at.y})`);
  return at.flow === undefined || entries.length === 0 ? top : top + ROW;
}
