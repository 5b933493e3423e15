// The code's shape, checked: no import circle inside src/engine or src/model (type-only imports
// count: a circle is a circle for a reader too), no Node or DOM in the parts that run in both,
// and the model in small stage modules with jit.ts only wiring them.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Relative modules a file imports or re-exports, as absolute paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) out.push(resolve(dirname(file), m[1]));
  return out;
}

/** The first import circle among `files` (as a path of files), or null. */
function findCircle(files: string[]): string[] | null {
  const inside = new Set(files);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | null => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of importsOf(f)) {
      if (!inside.has(g)) continue;
      if (state.get(g) === 'open') return [...stack.slice(stack.indexOf(g)), g];
      if (!state.has(g)) { const c = visit(g); if (c) return c; }
    }
    stack.pop();
    state.set(f, 'done');
    return null;
  };
  for (const f of files) if (!state.has(f)) { const c = visit(f); if (c) return c.map((x) => relative(root, x)); }
  return null;
}

describe('code shape', () => {
  it.each(['src/engine', 'src/model'])('no import circle inside %s', (dir) => {
    expect(findCircle(sources(join(root, dir)))).toBeNull();
  });

  it('the circle finder finds a circle through type-only imports (so the test above can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jitsim-circle-'));
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b.ts';\nexport const a = b;\n");
    writeFileSync(join(dir, 'b.ts'), "import type { c } from './c.ts';\nexport const b = 1 as c;\n");
    writeFileSync(join(dir, 'c.ts'), "export type { a as c } from './a.ts';\n");
    expect(findCircle(sources(dir))?.map((f) => f.split('/').pop())).toEqual(['a.ts', 'b.ts', 'c.ts', 'a.ts']);
    rmSync(dir, { recursive: true });
  });

  it.each(['src/engine', 'src/scenario', 'src/model', 'src/experiment'])('%s uses neither node: modules nor the DOM', (dir) => {
    for (const file of sources(join(root, dir))) {
      const text = readFileSync(file, 'utf8');
      expect(text, relative(root, file)).not.toMatch(/from\s+['"]node:/);
      expect(text, relative(root, file)).not.toMatch(/\b(document|window)\./);
    }
  });

  it('src/model/jit.ts only wires the stages (under 250 lines); no model file over 350', () => {
    const lines = (f: string) => readFileSync(f, 'utf8').split('\n').length;
    expect(lines(join(root, 'src/model/jit.ts'))).toBeLessThan(250);
    for (const file of sources(join(root, 'src/model'))) expect(lines(file), relative(root, file)).toBeLessThanOrEqual(350);
  });
});
