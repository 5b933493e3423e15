// A `.json` scenario's text to data. JSON.parse alone keeps the last of two equal keys, words
// some errors without a place, and lets any depth through; this scan first finds the first syntax
// error, the first key given twice and nesting beyond MAX_DEPTH, each at its line and column.
import { MAX_DEPTH, placeOf, type TextProblem } from './text-limits.ts';

const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])/y;
const LITERAL = /(?:true|false|null)(?!\w)/y;
const WORD = /[\w.+-]+|[^]/y;

/** The value of JSON `text`, or its first problem. */
export function jsonData(text: string): { value: unknown } | { problem: TextProblem } {
  const at = jsonProblem(text);
  if (at) return { problem: { ...placeOf(text, at.offset), message: at.message } };
  return { value: JSON.parse(text) };
}

function jsonProblem(text: string): { offset: number; message: string } | undefined {
  // One entry per open list or object: an object's keys so far, null for a list.
  const open: (Set<string> | null)[] = [];
  let i = 0;
  const space = () => { while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++; };
  const match = (re: RegExp): string | undefined => { re.lastIndex = i; const m = re.exec(text); return m?.[0]; };
  const got = () => {
    if (i >= text.length) return 'the end of the file';
    const word = match(WORD)!;
    return JSON.stringify(word.length > 20 ? `${word.slice(0, 20)}…` : word); // one short line, whatever follows
  };
  const fail = (expected: string) => ({ offset: i, message: `expected ${expected}, got ${got()}` });
  /** Reads `"key":` into the innermost object; a problem if it is not there or given twice. */
  const key = () => {
    space();
    const token = match(STRING);
    if (token === undefined) return fail('a field name in double quotes');
    const name = JSON.parse(token) as string, keys = open[open.length - 1]!;
    if (keys.has(name)) return { offset: i, message: `field ${token} is given twice in this object` };
    keys.add(name);
    i += token.length;
    space();
    if (text[i] !== ':') return fail('":" after the field name');
    i++;
    return undefined;
  };
  for (;;) {
    // A value starts here.
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (open.length >= MAX_DEPTH) return { offset: i, message: `lists and objects nest more than ${MAX_DEPTH} deep here` };
      open.push(c === '{' ? new Set() : null);
      i++;
      space();
      if (text[i] !== (c === '{' ? '}' : ']')) {
        const problem = c === '{' ? key() : undefined;
        if (problem) return problem;
        continue;
      }
      open.pop();
      i++;
    } else {
      const token = match(STRING) ?? match(NUMBER) ?? match(LITERAL);
      if (token === undefined) return fail('a value');
      i += token.length;
    }
    // A value has ended: close what it ends, or go on after a comma.
    for (;;) {
      space();
      if (open.length === 0) return i < text.length ? fail('the end of the file after the top-level value') : undefined;
      const keys = open[open.length - 1];
      if (text[i] === ',') {
        i++;
        const problem = keys ? key() : undefined;
        if (problem) return problem;
        break;
      }
      if (text[i] !== (keys ? '}' : ']')) return fail(keys ? '"," or "}"' : '"," or "]"');
      open.pop();
      i++;
    }
  }
}
