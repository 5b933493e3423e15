// Scenario data written out as YAML or JSON text for the property suite, with what plain data
// cannot hold: verbatim text (tags, aliases, NaN, deep nesting) and a field given twice.
import YAML from 'yaml';

/** Text written as it is, one form for YAML and one for JSON (e.g. `!!omap [a: 1]` / `NaN`). */
export class Verbatim {
  constructor(readonly yaml: string, readonly json: string) {}
}

/** On an object: the name of one of its fields to write a second time, after the others. */
export const TWICE = Symbol('field given twice');

export type Format = 'json' | 'yaml' | 'yaml-library';

type Node = Record<string | symbol, unknown>;
const isObject = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Verbatim);

/** The fields of an object as written: each in order, then the one given twice again. */
function fields(o: Node): [string, unknown][] {
  const entries = Object.entries(o);
  const twice = o[TWICE];
  return typeof twice === 'string' && Object.hasOwn(o, twice) ? [...entries, [twice, o[twice]]] : entries;
}

/** Whether `v` holds anything only our own writers can write (the library's would lose it). */
function special(v: unknown): boolean {
  if (v instanceof Verbatim) return true;
  if (Array.isArray(v)) return v.some(special);
  return isObject(v) && (v[TWICE] !== undefined || Object.values(v).some(special));
}

export function scenarioText(data: unknown, format: Format): string {
  if (format === 'json') return jsonText(data);
  if (format === 'yaml-library' && !special(data)) return YAML.stringify(data);
  const block = yamlBlock(data, '');
  return typeof block === 'string' ? `${block}\n` : `${block.join('\n')}\n`;
}

function jsonText(v: unknown): string {
  if (v instanceof Verbatim) return v.json;
  if (Array.isArray(v)) return `[${Array.from(v, jsonText).join(',')}]`; // a gap is null
  if (isObject(v)) return `{${fields(v).map(([k, x]) => `${JSON.stringify(k)}:${jsonText(x)}`).join(',')}}`;
  return scalar(v);
}

function scalar(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'string') return JSON.stringify(v); // a double-quoted YAML string too
  return String(v ?? null);
}

/** YAML 1.2's plain words that a field name must not be written as. */
const RESERVED = /^(true|false|null|~)$/i;
const yamlKey = (k: string) => (/^[A-Za-z_][\w]*$/.test(k) && !RESERVED.test(k) ? k : JSON.stringify(k));

/** A value in block style: one inline string, or its lines indented by `pad`. */
function yamlBlock(v: unknown, pad: string): string | string[] {
  if (v instanceof Verbatim) return v.yaml;
  const items: [string, unknown][] | undefined = Array.isArray(v) ? Array.from(v, (x): [string, unknown] => ['-', x])
    : isObject(v) ? fields(v).map(([k, x]) => [`${yamlKey(k)}:`, x]) : undefined;
  if (items === undefined) return scalar(v);
  if (items.length === 0) return Array.isArray(v) ? '[]' : '{}';
  const lines: string[] = [];
  for (const [lead, x] of items) {
    const inner = yamlBlock(x, `${pad}  `);
    if (typeof inner === 'string') lines.push(`${pad}${lead} ${inner}`);
    else lines.push(`${pad}${lead}`, ...inner);
  }
  return lines;
}
