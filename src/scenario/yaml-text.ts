// A YAML scenario's text to data, refusing what YAML can say but a scenario cannot, each at its
// line and column (docs/scenario-format.md, "Limits on a file"): nesting beyond MAX_DEPTH (checked on
// the parser's tokens, before the recursive composer runs), tags beyond the core schema's (`!!omap`,
// `!!set`, `!!binary`, `!foo`…: refused, not read as something else), keys that are lists or maps,
// a key given twice (in linear time), more than one document, and the alias problems of yaml-aliases.ts.
import YAML from 'yaml';
import { aliasProblem } from './yaml-aliases.ts';
import { MAX_DEPTH, type TextProblem } from './text-limits.ts';

/** The tags of YAML 1.2's core schema: text, numbers, booleans, null, lists and maps. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`));

/** The data of YAML `text` (undefined for an empty document), or its problems in document order. */
export function yamlData(text: string): { value: unknown } | { problems: TextProblem[] } {
  const lines = new YAML.LineCounter();
  const at = (offset: number, message: string): TextProblem => ({ ...lines.linePos(offset), message });
  const tokens = [...new YAML.Parser(lines.addNewLine).parse(text)];
  const deep = tooDeep(tokens);
  if (deep !== undefined) return { problems: [at(deep, `lists and maps nest more than ${MAX_DEPTH} deep here`)] };
  // logLevel 'error': the library would otherwise print its warnings on stderr (process.emitWarning).
  const docs = [...new YAML.Composer({ uniqueKeys: false, logLevel: 'error' }).compose(tokens, true, text.length)];
  const doc = docs[0];
  if (docs.length > 1) return { problems: [at(docs[1].range[0], 'a scenario is one YAML document, found a second one here')] };
  if (doc.errors.length > 0) return { problems: doc.errors.map((e) => at(e.pos[0], shortMessage(e.message))) };
  if (doc.contents === null) return { value: undefined };
  const odd = oddNode(doc);
  if (odd) return { problems: [at(odd.offset, odd.message)] };
  const alias = aliasProblem(doc, lines);
  if (alias) return { problems: [alias] };
  return { value: doc.toJS({ maxAliasCount: -1 }) }; // aliasProblem() has bounded the expansion and its depth
}

/**
 * The library's message as one short line: it may quote the rest of the file ("Unexpected scalar token
 * in YAML stream: \"…7 kB…\""), so a quoted piece is cut to its first 40 characters.
 */
function shortMessage(message: string): string {
  return message.split('\n')[0].replace(/"((?:[^"\\]|\\.){40})(?:[^"\\]|\\.)+"/g, '"$1…"');
}

/** Offset of the first list or map nested more than MAX_DEPTH deep in the parser's tokens, if any. */
function tooDeep(tokens: YAML.CST.Token[]): number | undefined {
  const todo: [YAML.CST.Token | undefined, number][] = tokens.map((t) => [t, 0]);
  while (todo.length > 0) {
    const [token, depth] = todo.pop()!;
    if (!token) continue;
    if (token.type === 'document') { todo.push([token.value, depth]); continue; }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth >= MAX_DEPTH) return token.offset;
    for (const item of token.items) todo.push([item.key ?? undefined, depth + 1], [item.value, depth + 1]);
  }
  return undefined;
}

/** The first node with a tag outside the core schema, key that is not plain text, or key given twice. */
function oddNode(doc: YAML.Document): { offset: number; message: string } | undefined {
  let odd: { offset: number; message: string } | undefined;
  YAML.visit(doc, {
    Node(_, node) {
      odd = tagProblem(node);
      return odd ? YAML.visit.BREAK : undefined;
    },
    Map(_, map) { // a map's visitor replaces Node's for maps
      odd = tagProblem(map);
      if (odd) return YAML.visit.BREAK;
      // Checked here rather than by the library's uniqueKeys, which compares each key with every other.
      const names = new Set<string>();
      for (const { key } of map.items) {
        if (key !== null && !YAML.isScalar(key)) {
          const kind = YAML.isSeq(key) ? 'a list' : YAML.isMap(key) ? 'a map' : 'an alias';
          odd = { offset: (key as YAML.Node).range?.[0] ?? 0, message: `a field name must be plain text, got ${kind}` };
          return YAML.visit.BREAK;
        }
        const name = String(key?.value ?? '');
        if (names.has(name)) {
          odd = { offset: key?.range?.[0] ?? map.range?.[0] ?? 0, message: `field ${name} is given twice in this map` };
          return YAML.visit.BREAK;
        }
        names.add(name);
      }
      return undefined;
    },
  });
  return odd;
}

function tagProblem(node: YAML.Node): { offset: number; message: string } | undefined {
  if (node.tag === undefined || CORE_TAGS.has(node.tag)) return undefined;
  return { offset: node.range?.[0] ?? 0, message: `the tag ${node.tag.replace('tag:yaml.org,2002:', '!!')} is not used in scenarios: write plain lists, maps and values` };
}
