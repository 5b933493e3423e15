// No page code writes markup (innerHTML, outerHTML, insertAdjacentHTML, d3's .html()) except where
// the text is the project's own: the allow-list below. User text (scenario, run and KPI labels, file
// names, seller names) goes in as DOM text (web/plain-table.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const web = new URL('../web/', import.meta.url).pathname;
/** file → why its one sink only ever sees constant text. */
const ALLOWED: Record<string, string> = {
  'model-doc.ts': 'docs/model.md, shipped with the app, rendered by marked',
};
const SINK = /\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML\(|\.html\(/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = `${dir}${name}`;
    if (statSync(path).isDirectory()) return sources(`${path}/`);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('markup sinks in web/', () => {
  it('appear only in the allow-listed files, once each', () => {
    const found: Record<string, number> = {};
    for (const path of sources(web)) {
      const n = readFileSync(path, 'utf8').match(SINK)?.length ?? 0;
      if (n > 0) found[path.slice(web.length)] = n;
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(ALLOWED).map((f) => [f, 1])));
  });
});
