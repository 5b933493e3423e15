// A chart's key: one row per series, a swatch beside its name drawn the way the series is — a
// filled square for areas and bars, a dashed line or a dashed outline for compared scenario B —
// and that outline itself, so that B's bars and their swatch cannot drift apart.
import type { Selection } from 'd3';

/** Styles a rect as scenario B's bar: unfilled, so A's bar shows through, and dashed black; hovering inside it counts. */
export function dashedOutline(rect: Selection<SVGRectElement, unknown, null, undefined>): void {
  rect.attr('fill', 'none').attr('pointer-events', 'all').attr('stroke', '#000').attr('stroke-width', 1.2).attr('stroke-dasharray', '4 3');
}

export interface LegendEntry {
  label: string;
  colour: string;
  /** 'fill' (the default) for areas and bars, 'dashed' for a dashed line, 'outline' for B's bars (black whatever `colour`). */
  swatch?: 'fill' | 'dashed' | 'outline';
}

/**
 * Draws the key with its top at `y`; its left edge at `x`, or its right edge there when
 * `anchor` is 'end' (for a key in a right-hand corner, whatever the length of its labels).
 */
export function legend(svg: Selection<SVGSVGElement, unknown, null, undefined>, entries: LegendEntry[],
  at: { x: number; y: number; anchor?: 'start' | 'end' }): void {
  const g = svg.append('g').attr('class', 'legend');
  entries.forEach((e, i) => {
    const row = g.append('g').attr('transform', `translate(0,${i * 16})`);
    if (e.swatch === 'dashed') {
      row.append('line').attr('x1', 0).attr('x2', 12).attr('y1', 5).attr('y2', 5)
        .attr('stroke', e.colour).attr('stroke-width', 1.5).attr('stroke-dasharray', '4 2');
    } else if (e.swatch === 'outline') {
      row.append('rect').attr('width', 12).attr('height', 10).call(dashedOutline).attr('stroke-dasharray', '3 2');
    } else {
      row.append('rect').attr('width', 12).attr('height', 10).attr('fill', e.colour);
    }
    row.append('text').attr('x', 16).attr('y', 9).attr('class', 'axis-label').text(e.label);
  });
  // Measured once drawn, as label widths depend on the font; a hidden chart measures 0 and keeps x.
  const width = at.anchor === 'end' ? g.node()!.getBBox().width : 0;
  g.attr('transform', `translate(${at.x - width},${at.y})`);
}
