// Generated scenario files for the property suite (issue 16; docs/scenario-format.md, "Limits" and
// "Limits on a file"): the shipped scenarios with fields set to edge values, deleted, renamed or
// given twice, and random trees of scenario-like fields, written as YAML or JSON text.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import YAML from 'yaml';
import { parseScenario } from '../../src/scenario/load.ts';
import { scenarioText, TWICE, Verbatim, type Format } from './scenario-text.ts';

type Key = string | number;
type Tree = Record<string | symbol, unknown>;

const folder = new URL('../../scenarios/', import.meta.url);
/** The shipped scenarios' text by the name a case's `extends` reaches them (`scenarios/…`). */
export const SHIPPED = new Map(readdirSync(folder).filter((f) => f.endsWith('.yaml'))
  .map((f) => [`scenarios/${f}`, readFileSync(new URL(f, folder), 'utf8')]));

/** Reads a shipped scenario, failing as the disk does for any other name. */
export function readShipped(path: string): string {
  const text = SHIPPED.get(path);
  if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
  return text;
}

/** Each shipped scenario twice: as written (thin, its own fields and `extends`) and resolved in full. */
const BASES: { thin: unknown; full: unknown }[] = [...SHIPPED].map(([name, text]) => ({
  thin: YAML.parse(text),
  full: JSON.parse(JSON.stringify(parseScenario(text, name, readShipped))),
}));

/** Every path in the resolved tree, containers included: where a mutation may land. */
const PATHS: Key[][] = [];
(function walk(v: unknown, at: Key[]) {
  if (at.length > 0) PATHS.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
})(BASES[0].full, []);
PATHS.push(['extends']);
const FIELD_NAMES = [...new Set(PATHS.flatMap((p) => p.filter((k): k is string => typeof k === 'string')))];

// ---------------------------------------------------------------------------------------------
// Edge values

const edgeNumber = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0, -0, -1, 1, 0.5, 1e-300, -1e-300, 1e308, -1e308, 1e-9, 24, 25, 1000, 1001,
    8760, 8761, 1096, 100_000, 100_001, 1e6, 1e6 + 1, 5e6, 1e7, 1e8, 1e9, 1e9 + 1, 2 ** 31, 2 ** 53 + 2, 1e21) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer() },
);

const oddText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e999', '0x10', ' 2 ', '', ' ', '1,000', '2022-10-01',
    '2022-02-30', '9999-12-31', 'jit', 'prestock', 'shenzhen', 'sS', 'makeToOrder', '\n', 'a\nb', '\u0000', '\ud800') },
  { weight: 1, arbitrary: fc.string() },
);

const wrongType = fc.constantFrom<unknown>(true, false, null, {}, [], [0], [-1], ['x'], { x: 1 });

/** Text larger than any field needs, well below the file limit (that is reached by `oversize`). */
const hugeText = fc.integer({ min: 1_000, max: 100_000 }).map((n) => 'é'.repeat(n));

/** Lists at and just past the 1,000-item limit, of numbers, text, tiers or roster overrides (no longer: a list is refused by its length, and longer ones only cost time). */
const longList = fc.tuple(fc.integer({ min: 995, max: 1_005 }), fc.constantFrom('zero', 'text', 'tier', 'override'))
  .map(([n, kind]) => Array.from({ length: n }, (_, i) => (
    kind === 'zero' ? 0 : kind === 'text' ? 'x'
      : kind === 'tier' ? { afterHours: i, multiple: 1 }
        : { from: '2022-10-01', to: '2022-10-01', byHour: Array(24).fill(1) })));

/** A list of about a day's hours of one value: the shape of `byHour` and `hourProfile`. */
const hourList = fc.tuple(edgeNumber, fc.integer({ min: 22, max: 26 })).map(([x, n]) => Array(n).fill(x));

const deepNesting = fc.tuple(fc.integer({ min: 2, max: 3_000 }), fc.boolean()).map(([depth, maps]) => maps
  ? new Verbatim(`${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`, `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)
  : new Verbatim(`${'['.repeat(depth)}${']'.repeat(depth)}`, `${'['.repeat(depth)}${']'.repeat(depth)}`));

/** Ten levels of ten aliases: a billion values once expanded. */
const laughs = `[${Array.from({ length: 10 }, (_, i) => `&l${i} [${Array(10).fill(i === 0 ? '1' : `*l${i - 1}`).join(', ')}]`).join(', ')}]`;

/** What YAML can say but a scenario cannot (tags, aliases, complex keys), beside JSON that is not strict. */
const verbatim = fc.constantFrom(
  ['!!omap [count: -5]', 'NaN'], ['!!set {a, b}', 'Infinity'], ['!!binary aGVsbG8=', '-Infinity'], ['!!timestamp 2022-10-01', '0x10'],
  ['!foo 3', '01'], ['!!str 5', '1.'], ['!!int "7"', '.5'], ['!!float 1', '+1'], ['.nan', "'x'"], ['.inf', '[1,]'],
  ['-.inf', '{"a":1,}'], ['0x10', '/* c */ 1'], ['0o17', 'undefined'], ['2022-10-01', '"\t"'], ['~', 'nul'],
  ['&a [*a]', '[1 2]'], ['*nowhere', '{"a" 1}'], ['&shared {count: 3}', '"\\x"'], ['*shared', '1e999'],
  ['{[a]: 1}', '-'], ['{{a: 1}: 2}', '{1: 2}'], [laughs, `[${Array(10_000).fill(1).join(',')}]`],
  ['"unterminated', '"unterminated'], ['[1, 2', '[1, 2'], ['@x', '@x'], ['|\n  block text', '"\\u12"'],
).map(([yaml, json]) => new Verbatim(yaml, json));

/** A value small enough to appear many times in a random tree. */
const lightValue = fc.oneof({ weight: 4, arbitrary: edgeNumber }, { weight: 2, arbitrary: oddText }, { weight: 2, arbitrary: wrongType },
  { weight: 1, arbitrary: verbatim }, { weight: 1, arbitrary: hourList });

/** Any edge value, the large ones included. */
export const edgeValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: lightValue }, { weight: 1, arbitrary: hugeText }, { weight: 1, arbitrary: longList }, { weight: 1, arbitrary: deepNesting },
);

// ---------------------------------------------------------------------------------------------
// Mutations of the shipped scenarios

type Step =
  | { at: Key[]; edit: 'set'; value: unknown }
  | { at: Key[]; edit: 'delete' }
  | { at: Key[]; edit: 'twice' }
  | { at: Key[]; edit: 'rename'; to: string };

const extendsValue = fc.constantFrom<unknown>('.', '', ' ', 'missing.yaml', 'SELF', '../scenarios/black-friday-2022.yaml',
  'small-seller.yaml', '/abs/base.yaml', 'https://example.com/x.yaml', 5, null, [], {});

const step: fc.Arbitrary<Step> = fc.constantFrom(...PATHS).chain((at): fc.Arbitrary<Step> => {
  const last = at[at.length - 1];
  return fc.oneof(
    { weight: 8, arbitrary: (last === 'extends' ? extendsValue : edgeValue).map((value) => ({ at, edit: 'set' as const, value })) },
    { weight: 1, arbitrary: fc.constant({ at, edit: 'delete' as const }) },
    { weight: 1, arbitrary: fc.constant({ at, edit: 'twice' as const }) },
    { weight: 1, arbitrary: fc.constantFrom(`${last}x`, String(last).toUpperCase(), '__proto__', 'constructor', '', 'k'.repeat(5_000))
      .map((to) => ({ at, edit: 'rename' as const, to })) },
  );
});

/** The object or list holding `at`'s last key, made on the way where missing (a thin file gains the field). */
function parentOf(root: Tree, at: Key[]): Tree | unknown[] {
  let node: Tree = root;
  for (let i = 0; i < at.length - 1; i++) {
    const next = node[at[i] as string];
    if (next === null || typeof next !== 'object' || next instanceof Verbatim) node[at[i] as string] = typeof at[i + 1] === 'number' ? [] : {};
    node = node[at[i] as string] as Tree;
  }
  return node;
}

/** A fresh copy of generated data (fast-check hands out its constants by reference). */
function copy(v: unknown): unknown {
  if (Array.isArray(v)) return Array.from(v, copy);
  if (v === null || typeof v !== 'object' || v instanceof Verbatim) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)]));
}

function apply(root: Tree, s: Step): void {
  const parent = parentOf(root, s.at) as Tree;
  const key = s.at[s.at.length - 1] as string;
  if (s.edit === 'set') parent[key] = copy(s.value); // a copy: later steps may edit inside it
  else if (s.edit === 'delete') { if (Array.isArray(parent)) parent.splice(Number(key), 1); else delete parent[key]; }
  else if (s.edit === 'twice') { if (!Array.isArray(parent) && Object.hasOwn(parent, key)) parent[TWICE] = key; }
  else if (Object.hasOwn(parent, key) && !Array.isArray(parent)) {
    // defineProperty: a `__proto__` field stays a field.
    Object.defineProperty(parent, s.to, { value: parent[key], enumerable: true, writable: true, configurable: true });
    if (s.to !== key) delete parent[key];
  }
}

const mutated = fc.tuple(fc.nat({ max: BASES.length - 1 }), fc.boolean(), fc.array(step, { maxLength: 3 }))
  .map(([base, thin, steps]) => {
    const root = structuredClone((thin ? BASES[base].thin : BASES[base].full) as Tree);
    for (const s of steps) apply(root, s);
    return root;
  });

// ---------------------------------------------------------------------------------------------
// Random trees

const fieldName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELD_NAMES) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });

const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', maxDepth: 5 },
    lightValue,
    fc.dictionary(fieldName, tie('tree'), { maxKeys: 6 }),
    fc.array(tie('tree'), { maxLength: 5 })),
}));

const randomTree = fc.oneof({ weight: 6, arbitrary: fc.dictionary(fieldName, tree, { maxKeys: 8 }) }, { weight: 1, arbitrary: tree });

// ---------------------------------------------------------------------------------------------
// Files

/** A generated scenario file: its name (beside the shipped ones, so `extends` reaches them) and text. */
export interface ScenarioFile { file: string; text: string }

/** A change to the written text: a cut, a character put in, or padding past the 2 MB limit. */
const noise = fc.option(fc.tuple(fc.nat(), fc.constantFrom('', ':', '-', '[', '{', '"', "'", '\t', '\n', ' ', '&', '*', '!', '#', '%', '@', '`', '|', '>', ',', 'oversize')),
  { freq: 8 });

export const scenarioFiles: fc.Arbitrary<ScenarioFile> = fc.tuple(
  fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: randomTree }),
  fc.constantFrom<Format>('yaml', 'json', 'yaml-library'),
  noise,
).map(([data, format, change]) => {
  const file = `scenarios/case.${format === 'json' ? 'json' : 'yaml'}`;
  if (data !== null && typeof data === 'object' && (data as Tree).extends === 'SELF') (data as Tree).extends = file.slice('scenarios/'.length); // a cycle of one file
  let text = scenarioText(data, format);
  if (change) {
    const [offset, what] = change, at = offset % (text.length + 1);
    text = what === 'oversize' ? `${text}${format === 'json' ? ' ' : '#'}${' '.repeat(2_100_000)}`
      : what === '' ? text.slice(0, at) : text.slice(0, at) + what + text.slice(at);
  }
  const shown = text.length > 2_000 ? `${text.slice(0, 2_000)}… (${text.length} characters)` : text;
  return Object.assign({ file, text }, { [fc.toStringMethod]: () => `${file}:\n${shown}` });
});
