// The built app writes markup only where this file says why. Every markup sink in the bundles
// (innerHTML, outerHTML, insertAdjacentHTML, document.write, srcdoc, the *HTMLUnsafe calls,
// createContextualFragment, DOMParser, and d3's .html()) is traced through the build's source maps
// (test/web-app.ts builds with them) to the module it came from, which ALLOWED must list with its count. User
// text goes in as DOM text (web/plain-table.ts; test/web-user-text.e2e.test.ts feeds it markup), and
// the pages' Trusted Types make any string a sink is given throw at run time (docs/code-layout.md).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtApp, root } from './web-app.ts';

/** Module (as the source maps name it, from the project's folder) → its sinks and why no user text reaches them. */
const ALLOWED: Record<string, { sinks: Record<string, number>; why: string }> = {
  'web/model-doc.ts': {
    sinks: { innerHTML: 1 },
    why: 'docs/model.md, bundled with the app and rendered by marked, through its Trusted Types policy jitsim-model-doc',
  },
  'node_modules/d3-selection/dist/d3-selection.mjs': {
    sinks: { innerHTML: 4 },
    why: "selection.html() (set, clear, read): reached only by a .html( call, and the only ones in the bundles are marked's below",
  },
  'node_modules/marked/lib/marked.esm.js': {
    sinks: { '.html(': 3 },
    why: "marked's own tokenizer and renderer methods named html, which return strings (model-doc.ts's only)",
  },
};
/** A sink by its name (first group), or a call of d3's .html (also as `?.(`), as a minifier leaves them. */
const SINK = /\b(innerHTML|outerHTML|insertAdjacentHTML|srcdoc|setHTMLUnsafe|parseHTMLUnsafe|createContextualFragment|DOMParser|parseFromString|document\.write(?:ln)?)\b|\.html\s*(?:\?\.\s*)?\(/g;

/** Every file under `dir`, recursively. */
const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
  const path = `${dir}/${name}`;
  return statSync(path).isDirectory() ? files(path) : [path];
});

interface Hit { sink: string; source: string; where: string }

/** The sinks in one bundle, each traced to its module and line. */
function sinksIn(bundle: string, dist: string): Hit[] {
  const code = readFileSync(bundle, 'utf8');
  const at = relative(dist, bundle);
  let map: SourceMap | undefined;
  try { map = new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8'))); } catch { /* reported per hit */ }
  return [...code.matchAll(SINK)].map((m) => {
    const before = code.slice(0, m.index).split('\n');
    const line = before.length - 1, column = before[line].length;
    const entry = map?.findEntry(line, column) as { originalSource?: string; originalLine?: number } | undefined;
    const source = entry?.originalSource ? relative(root, resolve(dirname(bundle), entry.originalSource)) : `${at} (no source map entry)`;
    return { sink: m[1] ?? '.html(', source, where: `${source}:${(entry?.originalLine ?? line) + 1} (${at}:${line + 1}:${column + 1})` };
  });
}

let hits: Hit[];
beforeAll(async () => {
  const dist = await builtApp();
  hits = files(dist).filter((f) => f.endsWith('.js')).flatMap((f) => sinksIn(f, dist));
}, 300_000);

describe('markup sinks in the built app', () => {
  it('appear only in the allow-listed modules, as many as listed', () => {
    const problems: string[] = [];
    for (const hit of hits) if (!ALLOWED[hit.source]) problems.push(`${hit.sink} at ${hit.where}: not in ALLOWED (test/web-html-sinks.test.ts)`);
    for (const [source, { sinks }] of Object.entries(ALLOWED)) {
      const found: Record<string, number> = {};
      for (const hit of hits) if (hit.source === source) found[hit.sink] = (found[hit.sink] ?? 0) + 1;
      const wrong = Object.keys({ ...sinks, ...found }).filter((sink) => found[sink] !== sinks[sink]);
      for (const sink of wrong) {
        problems.push(`${source}: ${found[sink] ?? 0} × ${sink}, ${sinks[sink] ?? 0} allowed: ${hits.filter((h) => h.source === source && h.sink === sink).map((h) => h.where).join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
