// YAML aliases checked before a document becomes data: an alias inside the node it names (which
// would make a circular value), an alias with no anchor before it, aliases that expand to more
// values than any scenario holds (an "alias bomb") or nest deeper than MAX_DEPTH once expanded,
// each reported at the alias's line and column.
import YAML from 'yaml';
import { MAX_DEPTH } from './text-limits.ts';

/** More values than this, once aliases are expanded, is not a scenario: far above any shipped one. */
export const MAX_EXPANDED_VALUES = 1_000_000;

/** Values an expanded node holds and how many lists and maps deep they nest. */
interface Size { values: number; depth: number }

/** A problem with one alias: where it is (1-based) and what is wrong. */
export interface AliasProblem { line: number; col: number; message: string }

/** The first problem with the aliases of `doc` (parsed with `lineCounter`), in document order, or undefined. */
export function aliasProblem(doc: YAML.Document, lineCounter: YAML.LineCounter): AliasProblem | undefined {
  // Values each anchored node expands to, and how deep; `null` while it is being counted (a circle if met again).
  const sizes = new Map<unknown, Size | null>();
  let total = 0;
  let problem: AliasProblem | undefined;
  const at = (alias: YAML.Alias, message: string): AliasProblem => {
    const { line, col } = lineCounter.linePos(alias.range?.[0] ?? 0);
    return { line, col, message };
  };
  const stop: Size = { values: Infinity, depth: Infinity };

  /** Values under `node` and their depth, aliases expanded; stops (Infinity) at the first problem. */
  function size(node: unknown): Size {
    if (problem) return stop;
    if (YAML.isAlias(node)) {
      const target = node.resolve(doc);
      if (target === undefined) { problem = at(node, `alias *${node.source} has no anchor &${node.source} before it`); return stop; }
      const known = sizes.get(target);
      if (known === null) { problem = at(node, `alias *${node.source} is inside the value it names, which would never end`); return stop; }
      if (known !== undefined) return known;
      sizes.set(target, null);
      const n = size(target);
      sizes.set(target, n);
      return n;
    }
    if (YAML.isPair(node)) {
      const key = size(node.key), value = size(node.value);
      return { values: key.values + value.values, depth: Math.max(key.depth, value.depth) };
    }
    if (YAML.isCollection(node)) {
      const anchored = node.anchor !== undefined;
      if (anchored) sizes.set(node, null);
      const n = { values: 1, depth: 1 };
      for (const item of node.items) {
        const s = size(item);
        n.values += s.values;
        n.depth = Math.max(n.depth, s.depth + 1);
      }
      if (anchored && !problem) sizes.set(node, n);
      return n;
    }
    return { values: 1, depth: 0 };
  }

  /** Walks the document in order (`depth` lists and maps around `node`), counting what each alias adds, so that the bomb's alias is named. */
  function walk(node: unknown, depth: number): void {
    if (problem) return;
    if (YAML.isAlias(node)) {
      const { values, depth: below } = size(node);
      total += values;
      if (!problem && total > MAX_EXPANDED_VALUES) {
        problem = at(node, `aliases expand to more than ${MAX_EXPANDED_VALUES.toLocaleString('en')} values here (is it an alias bomb?)`);
      } else if (!problem && depth + below > MAX_DEPTH) {
        problem = at(node, `aliases nest lists and maps more than ${MAX_DEPTH} deep here`);
      }
      return;
    }
    if (YAML.isPair(node)) { walk(node.key, depth); walk(node.value, depth); return; }
    if (YAML.isCollection(node)) {
      if (node.anchor !== undefined && !sizes.has(node)) size(node);
      total += 1;
      for (const item of node.items) walk(item, depth + 1);
      return;
    }
    total += 1;
  }
  walk(doc.contents, 0);
  return problem;
}
