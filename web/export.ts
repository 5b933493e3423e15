// Downloads: results as CSV and JSON, and each chart as SVG or PNG.
import { hourlyCsv, jsonNumbers, kpisCsv } from '../src/experiment/csv.ts';
import type { Summary } from '../src/experiment/summary.ts';

export function download(name: string, blob: Blob): void {
  const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export function downloadResults(kind: 'kpis.csv' | 'hourly.csv' | 'summary.json', summary: Summary, seasonStart: string, meta: object): void {
  const text = kind === 'kpis.csv' ? kpisCsv(summary.kpis)
    : kind === 'hourly.csv' ? hourlyCsv(summary.hourly, seasonStart)
    : JSON.stringify({ ...meta, replications: summary.replications, kpis: summary.kpis }, jsonNumbers, 2);
  download(kind, new Blob([text], { type: kind.endsWith('.csv') ? 'text/csv' : 'application/json' }));
}

function svgText(container: HTMLElement): string {
  const svg = container.querySelector('svg')!.cloneNode(true) as SVGSVGElement;
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('font-family', 'system-ui, sans-serif');
  return new XMLSerializer().serializeToString(svg);
}

export function downloadSvg(container: HTMLElement, name: string): void {
  download(`${name}.svg`, new Blob([svgText(container)], { type: 'image/svg+xml' }));
}

export async function downloadPng(container: HTMLElement, name: string): Promise<void> {
  const svg = container.querySelector('svg')!;
  const { width, height } = svg.getBoundingClientRect();
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([svgText(container)], { type: 'image/svg+xml' }));
  await image.decode();
  const canvas = Object.assign(document.createElement('canvas'), { width: width * 2, height: height * 2 });
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(image.src);
  canvas.toBlob((blob) => { if (blob) download(`${name}.png`, blob); }, 'image/png');
}
