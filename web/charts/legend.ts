// A chart's key: one row per series (or side by side, wrapping), a swatch beside its name drawn
// the way the series is — a filled square for areas and bars, a dashed line or a dashed outline for
// compared scenario B — and that outline itself, so that B's bars and their swatch cannot drift apart.
import * as d3 from 'd3';
import type { Selection } from 'd3';

/** Scenario B's lines: the series' hue in a darker tone, dashed, so that where B equals A the dashes still show over A's line. */
export const B_DASH = '5 4';
export const toneOfB = (colour: string): string => d3.color(colour)!.darker(1.3).formatHex();

/** Styles a rect as scenario B's bar: unfilled, so A's bar shows through, and dashed black; hovering inside it counts. */
export function dashedOutline(rect: Selection<SVGRectElement, unknown, null, undefined>): void {
  rect.attr('fill', 'none').attr('pointer-events', 'all').attr('stroke', '#000').attr('stroke-width', 1.2).attr('stroke-dasharray', '4 3');
}

/** A key's row height. */
const ROW = 16;

export interface LegendEntry {
  label: string;
  colour: string;
  /** 'fill' (the default) for areas and bars, 'dashed' for a dashed line, 'line' for a solid one, 'outline' for B's bars (black whatever `colour`). */
  swatch?: 'fill' | 'dashed' | 'line' | 'outline';
  /** A dashed swatch's pattern, as its series is drawn ('4 2' unless given). */
  dash?: string;
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
    if (e.swatch === 'dashed' || e.swatch === 'line') {
      row.append('line').attr('x1', 0).attr('x2', 18).attr('y1', 5).attr('y2', 5)
        .attr('stroke', e.colour).attr('stroke-width', 2).attr('stroke-dasharray', e.swatch === 'line' ? null : e.dash ?? '4 2');
    } else if (e.swatch === 'outline') {
      row.append('rect').attr('width', 12).attr('height', 10).call(dashedOutline).attr('stroke-dasharray', '3 2');
    } else {
      row.append('rect').attr('width', 12).attr('height', 10).attr('fill', e.colour);
    }
    row.append('text').attr('x', e.swatch === 'dashed' || e.swatch === 'line' ? 22 : 16).attr('y', 9).attr('class', 'axis-label').text(e.label);
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

/** A row's height above a chart. */
export const HEAD_ROW = ROW;

/** A read-out that wraps onto a second row on a narrow chart. */
export interface ReadOut { text(value: string): ReadOut }

/**
 * The head above a plot: a row for the hover read-out (two on a phone), then the key flowing
 * across the width (wrapping), so that neither ever covers the data. Returns the read-out, its
 * left edge, and the plot's top.
 */
export function keyAbove(svg: Selection<SVGSVGElement, unknown, null, undefined>, entries: LegendEntry[], width: number) {
  const left = width < 500 ? 4 : 56, rows = width < 700 ? 2 : 1;
  const keyHeight = legend(svg, entries, { x: left, y: rows * ROW + 4, flow: width - left - 4 });
  const line = svg.append('text').attr('class', 'axis-label readout').attr('x', left).attr('y', 12);
  const tip: ReadOut = {
    text(value) {
      line.selectAll('tspan').remove();
      (rows === 2 ? inTwo(value) : [value]).forEach((part, i) => line.append('tspan').attr('x', left).attr('dy', i ? ROW : 0).text(part));
      return tip;
    },
  };
  return { tip, left, top: rows * ROW + 4 + keyHeight + 8 };
}

/** A read-out in two lines: at its first "; ", or else at the ", " nearest its middle. */
function inTwo(value: string): string[] {
  const semi = value.indexOf('; ');
  if (semi > 0) return [value.slice(0, semi + 1), value.slice(semi + 2)];
  const commas = [...value.matchAll(/, /g)].map((m) => m.index!);
  if (commas.length === 0) return [value];
  const at = commas.reduce((best, c) => (Math.abs(c - value.length / 2) < Math.abs(best - value.length / 2) ? c : best));
  return [value.slice(0, at + 1), value.slice(at + 2)];
}
