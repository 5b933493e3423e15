// YAML aliases checked before a document becomes data: an alias inside the node it names (which
// would make a circular value), an alias with no anchor before it, and aliases that expand to more
// values than any scenario holds (an "alias bomb"), each reported at the alias's line and column.
import YAML from 'yaml';

/** More values than this, once aliases are expanded, is not a scenario: far above any shipped one. */
export const MAX_EXPANDED_VALUES = 1_000_000;

/** A problem with one alias: where it is (1-based) and what is wrong. */
export interface AliasProblem { line: number; col: number; message: string }

/** The first problem with the aliases of `doc` (parsed with `lineCounter`), in document order, or undefined. */
export function aliasProblem(doc: YAML.Document, lineCounter: YAML.LineCounter): AliasProblem | undefined {
  // Values each anchored node expands to; `null` while it is being counted (a circle if met again).
  const sizes = new Map<unknown, number | null>();
  let total = 0;
  let problem: AliasProblem | undefined;
  const at = (alias: YAML.Alias, message: string): AliasProblem => {
    const { line, col } = lineCounter.linePos(alias.range?.[0] ?? 0);
    return { line, col, message };
  };

  /** Values under `node`, aliases expanded; stops (Infinity) at the first problem. */
  function size(node: unknown): number {
    if (problem) return Infinity;
    if (YAML.isAlias(node)) {
      const target = node.resolve(doc);
      if (target === undefined) { problem = at(node, `alias *${node.source} has no anchor &${node.source} before it`); return Infinity; }
      const known = sizes.get(target);
      if (known === null) { problem = at(node, `alias *${node.source} is inside the value it names, which would never end`); return Infinity; }
      if (known !== undefined) return known;
      sizes.set(target, null);
      const n = size(target);
      sizes.set(target, n);
      return n;
    }
    if (YAML.isPair(node)) return size(node.key) + size(node.value);
    if (YAML.isCollection(node)) {
      const anchored = node.anchor !== undefined;
      if (anchored) sizes.set(node, null);
      let n = 1;
      for (const item of node.items) n += size(item);
      if (anchored && !problem) sizes.set(node, n);
      return n;
    }
    return 1;
  }

  /** Walks the document in order, counting what each alias adds, so that the bomb's alias is named. */
  function walk(node: unknown): void {
    if (problem) return;
    if (YAML.isAlias(node)) {
      total += size(node);
      if (!problem && total > MAX_EXPANDED_VALUES) {
        problem = at(node, `aliases expand to more than ${MAX_EXPANDED_VALUES.toLocaleString('en')} values here (is it an alias bomb?)`);
      }
      return;
    }
    if (YAML.isPair(node)) { walk(node.key); walk(node.value); return; }
    if (YAML.isCollection(node)) {
      if (node.anchor !== undefined && !sizes.has(node)) size(node);
      total += 1;
      for (const item of node.items) walk(item);
      return;
    }
    total += 1;
  }
  walk(doc.contents);
  return problem;
}
