// Reading a scenario: YAML or JSON text, `extends` chains merged over their base files, then the
// schema, with every problem reported as one line "file: path: expected …, got …".
import { z } from 'zod';
import { jsonData } from './json-text.ts';
import { describeValue, scenarioSchema } from './schema.ts';
import { LISTED_ISSUES, sizeProblem } from './text-limits.ts';
import { yamlData } from './yaml-text.ts';
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
  const origins = new Origins();
  const merged: Plain = {};
  for (const layer of layers) mergeInto(merged, layer.data, '', layer.file, origins);
  const scenario = validate(merged, name, origins);
  // A data file is found beside the file that names it, as `extends` is.
  const beside = (path: string, value: string) => normalisePath(joinPath(directoryOf(origins.of(path) ?? name), value));
  if (scenario.demand.orders !== null) scenario.demand.orders = beside('demand.orders', scenario.demand.orders);
  if (scenario.sellers.catalogue !== null) scenario.sellers.catalogue = beside('sellers.catalogue', scenario.sellers.catalogue);
  if (scenario.start.fromState !== null) scenario.start.fromState = beside('start.fromState', scenario.start.fromState);
  return scenario;
}


/** Validates an already-parsed scenario object (no `extends`); `file` names it in messages. */
export function validateScenario(obj: unknown, file: string): Scenario {
  return validate(obj, file, new Origins());
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
  // Refusals by kind or size (src/cli/regular-file.ts) are already worded.
  if (code === 'ENOTREG' || code === 'EFBIG') return (err as Error).message;
  return other(err instanceof Error ? err.message : String(err));
}

/**
 * The top-level object of a scenario or sweep file, checked against the limits of text-limits.ts. An
 * empty YAML file (only comments) states nothing: {}.
 */
export function parseText(text: string, file: string): Plain {
  const source = text.replace(/^\uFEFF/, '');
  // In characters, not bytes: the browser has only the text; on disk the bytes were checked before reading.
  const tooBig = sizeProblem(source.length);
  if (tooBig) throw new ScenarioError([{ file, path: '', message: tooBig }]);
  const json = /\.json$/i.test(file);
  const data = json ? jsonData(source) : yamlData(source);
  if ('problem' in data || 'problems' in data) {
    const problems = 'problem' in data ? [data.problem] : data.problems;
    throw new ScenarioError(listedIssues(problems.map(({ line, col, message }) => ({ file, path: `line ${line}, column ${col}`, message: `invalid ${json ? 'JSON' : 'YAML'}: ${message}` })), file));
  }
  const value = data.value === undefined ? {} : data.value;
  if (!isPlainObject(value)) {
    throw new ScenarioError([{ file, path: '', message: `expected an object of scenario fields at the top level, got ${describeValue(value)}` }]);
  }
  return value;
}

function directoryOf(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return slash < 0 ? '' : file.slice(0, slash + 1);
}

function joinPath(directory: string, relative: string): string {
  return /^([/\\]|[A-Za-z]:[/\\])/.test(relative) ? relative : directory + relative;
}

/** Resolves `.` and `..` segments with '/' separators (no node:path: this runs in browsers too); '' is '.'. */
export function normalisePath(path: string): string {
  const absolute = /^[/\\]/.test(path);
  const out: string[] = [];
  for (const segment of path.split(/[/\\]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (segment !== '..' || !absolute) out.push(segment);
  }
  // An empty relative path is the current folder: named '.', so a message never reads "cannot read : …".
  return absolute ? `/${out.join('/')}` : out.join('/') || '.';
}

// ---------------------------------------------------------------------------------------------
// Merging

/**
 * Deep merge of `over` into `base`: objects merge key by key, lists and scalars replace. An object
 * naming a different `policy` replaces the inherited one, since their fields do not mix.
 * Records in `origins` which file set each path, to name it in messages.
 */
function mergeInto(base: Plain, over: Plain, path: string, file: string, origins: Origins): void {
  for (const [key, value] of Object.entries(over)) {
    const at = joinKey(path, key);
    const current = base[key];
    if (isPlainObject(value) && isPlainObject(current) && Object.hasOwn(base, key) && !('policy' in value && value.policy !== current.policy)) {
      mergeInto(current, value, at, file, origins);
      continue;
    }
    origins.note(at, file); // later than any note on its parts, so it speaks for them now
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

const shortName = (key: string) => (key.length > 40 ? `${key.slice(0, 40)}…` : key);

function joinKey(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const plain = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  return path ? `${path}.${plain}` : plain;
}

// ---------------------------------------------------------------------------------------------
// Validation

function validate(obj: unknown, file: string, origins: Origins): Scenario {
  const result = scenarioSchema.safeParse(obj, { error: fallbackMessage });
  if (result.success) return result.data;
  const issues: ScenarioIssue[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.reduce<string>((p, key) => joinKey(p, key as string | number), '');
    // A strict object reports its unknown keys together, one message line per key.
    // An unknown field's name is shown cut to its first 40 characters: a 5,000-character name made a 5 kB line.
    const parts = issue.code === 'unrecognized_keys'
      ? issue.message.split('\n').map((message, i) => ({ at: joinKey(path, issue.keys[i]), path: joinKey(path, shortName(issue.keys[i])), message }))
      : [{ at: path, path, message: issue.message }];
    for (const { at, ...part } of parts) issues.push({ file: origins.of(at) ?? file, ...part });
  }
  throw new ScenarioError(listedIssues(issues, file));
}

/**
 * Each line once, in linear time (a file of 20,000 unknown keys is reported at once), and the first
 * LISTED_ISSUES of them, then "… and K more": a file of only mistakes (or one syntax slip that
 * upsets every line after it) is named by its first few.
 */
function listedIssues(issues: ScenarioIssue[], file: string): ScenarioIssue[] {
  const lines = new Set<string>(), unique: ScenarioIssue[] = [];
  for (const issue of issues) if (!lines.has(formatIssue(issue))) { lines.add(formatIssue(issue)); unique.push(issue); }
  const listed = unique.slice(0, LISTED_ISSUES), more = unique.length - listed.length;
  if (more > 0) listed.push({ file, path: '', message: `… and ${more} more problem${more === 1 ? '' : 's'}` });
  return listed;
}

/** A path's last step as joinKey writes it: `[i]`, or a name (quoted if not plain, so it may hold `.` or `[`). */
const LAST_STEP = /(?:^|\.)(?:"(?:[^"\\]|\\.)*"|[A-Za-z_$][\w$]*)$|\[\d+\]$/;

/**
 * Which file set each path, and in what order. A value set later at an enclosing path replaced
 * what was noted under it, so a path's file is the latest note on it or on a path enclosing it
 * (found in the path's length, not by scanning every note: a file of 20,000 replaced objects).
 */
class Origins {
  private readonly notes = new Map<string, { file: string; order: number }>();
  private count = 0;

  note(path: string, file: string): void {
    this.notes.set(path, { file, order: this.count++ });
  }

  /** The file that set `path` or its nearest enclosing value, if the data came from several. */
  of(path: string): string | undefined {
    let found: { file: string; order: number } | undefined;
    for (let p = path; p !== '';) {
      const note = this.notes.get(p);
      if (note && (!found || note.order > found.order)) found = note;
      const enclosing = p.replace(LAST_STEP, '');
      if (enclosing === p) break; // not a path joinKey wrote; never loop on it
      p = enclosing;
    }
    return found?.file;
  }
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
