// Reading a scenario: YAML or JSON text, `extends` chains merged over their base files, then the
// schema, with every problem reported as one line "file: path: expected …, got …".
import YAML from 'yaml';
import { z } from 'zod';
import { describeValue, scenarioSchema } from './schema.ts';
import { aliasProblem } from './yaml-aliases.ts';
import type { Scenario } from './types.ts';

/** One problem in a scenario: the file it is in, where in the data, and what is wrong. */
export interface ScenarioIssue {
  file: string;
  /** Dotted path with list indices, e.g. `warehouse.qc.staff.byHour[3]`; '' for the whole file. */
  path: string;
  message: string;
}

/** A scenario that cannot be used; the message has one line per issue. */
export class ScenarioError extends Error {
  readonly issues: ScenarioIssue[];

  constructor(issues: ScenarioIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

export function formatIssue({ file, path, message }: ScenarioIssue): string {
  return path ? `${file}: ${path}: ${message}` : `${file}: ${message}`;
}

/** Longest `extends` chain followed; a deeper one is almost surely a mistake. */
const MAX_EXTENDS_DEPTH = 16;

type Plain = Record<string, unknown>;
const isPlainObject = (v: unknown): v is Plain => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);

/**
 * Parses scenario text (JSON for a `.json` file, YAML otherwise), follows `extends` through
 * `readFile` (paths relative to the including file), and validates the merged result.
 * Throws a ScenarioError listing every problem found.
 */
export function parseScenario(text: string, file: string, readFile: (path: string) => string): Scenario {
  const name = normalisePath(file);
  const layers = readChain(text, name, readFile, []);
  const origins = new Map<string, string>();
  const merged: Plain = {};
  for (const layer of layers) mergeInto(merged, layer.data, '', layer.file, origins);
  const scenario = validate(merged, name, origins);
  // A data file is found beside the file that names it, as `extends` is.
  const beside = (path: string, value: string) => normalisePath(joinPath(directoryOf(originOf(path, origins) ?? name), value));
  if (scenario.demand.orders !== null) scenario.demand.orders = beside('demand.orders', scenario.demand.orders);
  if (scenario.sellers.catalogue !== null) scenario.sellers.catalogue = beside('sellers.catalogue', scenario.sellers.catalogue);
  if (scenario.start.fromState !== null) scenario.start.fromState = beside('start.fromState', scenario.start.fromState);
  return scenario;
}


/** Validates an already-parsed scenario object (no `extends`); `file` names it in messages. */
export function validateScenario(obj: unknown, file: string): Scenario {
  return validate(obj, file, new Map());
}

// ---------------------------------------------------------------------------------------------
// Files and `extends`

interface Layer { file: string; data: Plain }

/** The layers of a scenario, base-most first; `chain` holds the files that extend this one. */
function readChain(text: string, file: string, readFile: (path: string) => string, chain: string[]): Layer[] {
  const data = parseText(text, file);
  const base = data.extends;
  delete data.extends;
  if (base === undefined) return [{ file, data }];
  const fail = (message: string): never => { throw new ScenarioError([{ file, path: 'extends', message }]); };
  if (typeof base !== 'string' || base.trim() === '') fail(`expected the name of a scenario file to build on, got ${describeValue(base)}`);
  // A URL is passed on as given: joined to a folder and normalised, "https://" would lose a slash.
  const baseFile = /^[a-z][a-z0-9+.-]*:\/\//i.test(base as string) ? base as string : normalisePath(joinPath(directoryOf(file), base as string));
  const seen = [...chain, file];
  if (seen.includes(baseFile)) fail(`forms a cycle: ${[...seen.slice(seen.indexOf(baseFile)), baseFile].join(' → ')}`);
  if (seen.length >= MAX_EXTENDS_DEPTH) fail(`expected a chain of at most ${MAX_EXTENDS_DEPTH} files, got a longer one`);
  let baseText = '';
  try {
    baseText = readFile(baseFile);
  } catch (err) {
    fail(`cannot read ${baseFile}: ${readFailure(err)}`);
  }
  return [...readChain(baseText, baseFile, readFile, seen), { file, data }];
}

/** Why a file could not be read, in a user's words; `other` words any other error's message. */
export function readFailure(err: unknown, other = (message: string) => message): string {
  if (err instanceof ScenarioError) return err.issues.map((i) => i.message).join('; ');
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return other(err instanceof Error ? err.message : String(err));
}

/** The top-level object of a file. An empty YAML file (only comments) states nothing: {}. */
function parseText(text: string, file: string): Plain {
  const source = text.replace(/^\uFEFF/, '');
  let value: unknown;
  if (/\.json$/i.test(file)) {
    try {
      value = JSON.parse(source);
    } catch (err) {
      throw new ScenarioError([{ file, path: jsonErrorPlace(source, (err as Error).message), message: `invalid JSON: ${(err as Error).message.replace(/ (in JSON )?at position \d+.*$/, '')}` }]);
    }
  } else {
    const lineCounter = new YAML.LineCounter();
    const doc = YAML.parseDocument(source, { prettyErrors: true, uniqueKeys: true, lineCounter });
    if (doc.errors.length > 0) {
      throw new ScenarioError(doc.errors.map((e) => ({
        file,
        path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '',
        message: `invalid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      })));
    }
    if (doc.contents === null) return {};
    // A circular alias would recurse without end below (a raw "Maximum call stack size exceeded").
    const alias = aliasProblem(doc, lineCounter);
    if (alias) throw new ScenarioError([{ file, path: `line ${alias.line}, column ${alias.col}`, message: `invalid YAML: ${alias.message}` }]);
    try {
      value = doc.toJS({ maxAliasCount: -1 }); // aliasProblem() has bounded the expansion, with the place named
    } catch (err) {
      throw new ScenarioError([{ file, path: '', message: `invalid YAML: ${(err as Error).message}` }]);
    }
  }
  if (!isPlainObject(value)) {
    throw new ScenarioError([{ file, path: '', message: `expected an object of scenario fields at the top level, got ${describeValue(value)}` }]);
  }
  return value;
}

/** "line L, column C" of a JSON.parse error that gives a character position. */
function jsonErrorPlace(source: string, message: string): string {
  const at = /at position (\d+)/.exec(message);
  if (!at) return '';
  const before = source.slice(0, Number(at[1])).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

function directoryOf(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return slash < 0 ? '' : file.slice(0, slash + 1);
}

function joinPath(directory: string, relative: string): string {
  return /^([/\\]|[A-Za-z]:[/\\])/.test(relative) ? relative : directory + relative;
}

/** Resolves `.` and `..` segments with '/' separators (no node:path: this runs in browsers too). */
export function normalisePath(path: string): string {
  const absolute = /^[/\\]/.test(path);
  const out: string[] = [];
  for (const segment of path.split(/[/\\]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (segment !== '..' || !absolute) out.push(segment);
  }
  return (absolute ? '/' : '') + out.join('/');
}

// ---------------------------------------------------------------------------------------------
// Merging

/**
 * Deep merge of `over` into `base`: objects merge key by key, lists and scalars replace. An object
 * naming a different `policy` replaces the inherited one, since their fields do not mix.
 * Records in `origins` which file set each path, to name it in messages.
 */
function mergeInto(base: Plain, over: Plain, path: string, file: string, origins: Map<string, string>): void {
  for (const [key, value] of Object.entries(over)) {
    const at = joinKey(path, key);
    const current = base[key];
    if (isPlainObject(value) && isPlainObject(current) && Object.hasOwn(base, key) && !('policy' in value && value.policy !== current.policy)) {
      mergeInto(current, value, at, file, origins);
      continue;
    }
    if (current !== null && typeof current === 'object') { // what it replaces no longer speaks for its parts
      for (const p of origins.keys()) if (p.startsWith(`${at}.`) || p.startsWith(`${at}[`)) origins.delete(p);
    }
    origins.set(at, file);
    // defineProperty, not assignment: a `__proto__` key stays a plain (and unknown) field.
    Object.defineProperty(base, key, { value: structuredCloneData(value), enumerable: true, writable: true, configurable: true });
  }
}

/** A copy of parsed data, so merged layers never share objects with one another. */
function structuredCloneData(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(structuredCloneData);
  if (!isPlainObject(v)) return v;
  const out: Plain = {};
  for (const [k, item] of Object.entries(v)) {
    Object.defineProperty(out, k, { value: structuredCloneData(item), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function joinKey(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const plain = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  return path ? `${path}.${plain}` : plain;
}

// ---------------------------------------------------------------------------------------------
// Validation

function validate(obj: unknown, file: string, origins: Map<string, string>): Scenario {
  const result = scenarioSchema.safeParse(obj, { error: fallbackMessage });
  if (result.success) return result.data;
  const issues: ScenarioIssue[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.reduce<string>((p, key) => joinKey(p, key as string | number), '');
    // A strict object reports its unknown keys together, one message line per key.
    const parts = issue.code === 'unrecognized_keys'
      ? issue.message.split('\n').map((message, i) => ({ path: joinKey(path, issue.keys[i]), message }))
      : [{ path, message: issue.message }];
    for (const part of parts) issues.push({ file: originOf(part.path, origins) ?? file, ...part });
  }
  throw new ScenarioError(issues.filter((a, i) => issues.findIndex((b) => formatIssue(b) === formatIssue(a)) === i));
}

/** The file that set `path` or its nearest enclosing value, if the data came from several. */
function originOf(path: string, origins: Map<string, string>): string | undefined {
  for (let p = path; p !== ''; p = p.replace(/(\.[^.[]+|\[\d+\]|^[^.[]+)$/, '')) {
    const file = origins.get(p);
    if (file) return file;
  }
  return undefined;
}

/** Messages for the checks the schema leaves to zod's wording (it names most itself). */
function fallbackMessage(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case 'invalid_type': return `expected ${iss.expected}, got ${describeValue(iss.input)}`;
    case 'invalid_value': return `expected one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(iss.input)}`;
    case 'unrecognized_keys': return iss.keys.map(() => 'unknown field').join('\n');
    case 'too_small': return `expected at least ${iss.minimum}, got ${describeValue(iss.input)}`;
    case 'too_big': return `expected at most ${iss.maximum}, got ${describeValue(iss.input)}`;
    default: return `invalid value, got ${describeValue(iss.input)}`;
  }
}
