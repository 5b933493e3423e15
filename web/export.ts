// Downloads: results as CSV and JSON, and each chart as SVG or PNG.
import { dailyCsv, hourlyCsv, jsonNumbers, kpisByClassCsv, kpisCsv } from '../src/experiment/csv.ts';
import type { KpiInterval, Summary } from '../src/experiment/summary.ts';

export function download(name: string, blob: Blob): void {
  const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** The result files the page offers; each CSV has the bytes of the command's file of that name. */
export type ResultFile = 'kpis.csv' | 'kpis-by-class.csv' | 'hourly.csv' | 'daily.csv' | 'summary.json';

export function downloadResults(kind: ResultFile, summary: Summary, seasonStart: string, meta: object): void {
  const text = kind === 'kpis.csv' ? kpisCsv(summary.kpis)
    : kind === 'kpis-by-class.csv' ? kpisByClassCsv(summary.byClass)
    : kind === 'hourly.csv' ? hourlyCsv(summary.hourly, seasonStart)
    : kind === 'daily.csv' ? dailyCsv(summary.daily, seasonStart)
    : JSON.stringify({ ...meta, replications: summary.replications, kpis: summary.kpis, byClass: summary.byClass }, jsonNumbers, 2);
  download(kind, new Blob([text], { type: kind.endsWith('.csv') ? 'text/csv' : 'application/json' }));
}

/** The KPIs over a date range, as the command's kpis-window.csv. */
export function downloadWindowKpis(kpis: Record<string, KpiInterval>): void {
  download('kpis-window.csv', new Blob([kpisCsv(kpis)], { type: 'text/csv' }));
}

/**
 * A chart as one SVG document and its size on screen. A chart of several panels (one svg each,
 * laid out by CSS) becomes one svg of the container's size with each panel where it stands.
 */
function svgImage(container: HTMLElement): { text: string; width: number; height: number } {
  const panels = Array.from(container.querySelectorAll('svg')).filter((s) => !s.parentElement?.closest('svg'));
  let svg: SVGSVGElement, box: { width: number; height: number };
  if (panels.length === 1) {
    svg = panels[0].cloneNode(true) as SVGSVGElement;
    box = panels[0].getBoundingClientRect();
  } else {
    const outer = container.getBoundingClientRect();
    box = outer;
    svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('width', String(outer.width));
    svg.setAttribute('height', String(outer.height));
    for (const panel of panels) {
      const at = panel.getBoundingClientRect(), copy = panel.cloneNode(true) as SVGSVGElement;
      copy.setAttribute('x', String(at.left - outer.left));
      copy.setAttribute('y', String(at.top - outer.top));
      svg.append(copy);
    }
  }
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('font-family', 'system-ui, sans-serif');
  return { text: new XMLSerializer().serializeToString(svg), width: box.width, height: box.height };
}

export function downloadSvg(container: HTMLElement, name: string): void {
  download(`${name}.svg`, new Blob([svgImage(container).text], { type: 'image/svg+xml' }));
}

export async function downloadPng(container: HTMLElement, name: string): Promise<void> {
  const { text, width, height } = svgImage(container);
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  await image.decode();
  const canvas = Object.assign(document.createElement('canvas'), { width: width * 2, height: height * 2 });
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(image.src);
  canvas.toBlob((blob) => { if (blob) download(`${name}.png`, blob); }, 'image/png');
}
