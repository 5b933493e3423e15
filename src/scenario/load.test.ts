// Loading scenario text: YAML and JSON, `extends` chains, and errors as one readable line each.
import { describe, expect, it } from 'vitest';
import { normalisePath, parseScenario, ScenarioError, validateScenario } from './load.ts';
import { defaultScenario } from './schema.ts';
import type { Scenario } from './types.ts';
import { errorLines } from '../../test/helpers/error-lines.ts';

/** An in-memory folder of files; reading a missing one fails as Node's fs would. */
function folder(files: Record<string, string>) {
  const read = (path: string): string => {
    if (!(path in files)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    return files[path];
  };
  return {
    load: (file: string): Scenario => parseScenario(read(file), file, read),
    /** The error lines for loading `file`. */
    problems: (file: string): string[] => errorLines(() => parseScenario(read(file), file, read), ScenarioError, file),
  };
}

describe('YAML and JSON', () => {
  it('reads YAML with comments, stating only what differs', () => {
    const s = folder({ 'a.yaml': '# what if demand doubled?\ndemand:\n  ordersPerDay: 120000  # twice October\n' }).load('a.yaml');
    expect(s.demand.ordersPerDay).toBe(120_000);
    expect({ ...s, demand: { ...s.demand, ordersPerDay: 60_000 } }).toEqual(defaultScenario());
  });

  it('reads JSON for a .json file', () => {
    const s = folder({ 'a.json': '{ "sellers": { "count": 100 }, "mode": "jit" }' }).load('a.json');
    expect(s.sellers.count).toBe(100);
  });

  it('takes a file of only comments as the defaults', () => {
    expect(folder({ 'a.yaml': '# nothing differs\n' }).load('a.yaml')).toEqual(defaultScenario());
  });

  it('reports a YAML syntax error with file, line and column', () => {
    expect(folder({ 'a.yaml': 'demand:\n  ordersPerDay: [1, 2\nsellers: {}\n' }).problems('a.yaml'))
      .toEqual(['a.yaml: line 3, column 1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]']);
  });

  it('refuses a key given twice rather than keeping one silently', () => {
    expect(folder({ 'a.yaml': 'demand:\n  ordersPerDay: 1\n  ordersPerDay: 2\n' }).problems('a.yaml'))
      .toEqual(['a.yaml: line 3, column 3: invalid YAML: field ordersPerDay is given twice in this map']);
  });

  it('reports a JSON syntax error with its line', () => {
    const [line] = folder({ 'a.json': '{\n  "demand": {},\n}\n' }).problems('a.json');
    expect(line).toMatch(/^a\.json: line 3, column 1: invalid JSON: /);
  });

  it('refuses YAML .nan and .inf', () => {
    expect(folder({ 'a.yaml': 'demand: { ordersPerDay: .nan, sellerZipf: .inf }\n' }).problems('a.yaml')).toEqual([
      'a.yaml: demand.ordersPerDay: expected a number >= 0, got NaN',
      'a.yaml: demand.sellerZipf: expected a number in [0, 10] (a Zipf exponent), got Infinity',
    ]);
  });

  it.each([
    ['a list', '- demand\n', 'a list of 1'],
    ['a number', '42\n', '42'],
    ['null', '~\n', 'null'],
    ['a string', 'black friday\n', '"black friday"'],
  ])('refuses %s at the top level', (_, text, got) => {
    expect(folder({ 'a.yaml': text }).problems('a.yaml')).toEqual([`a.yaml: expected an object of scenario fields at the top level, got ${got}`]);
  });

  it('refuses a string where a number belongs, in one plain line', () => {
    const lines = folder({ 'a.yaml': 'warehouse:\n  putawayHours: two\n' }).problems('a.yaml');
    expect(lines).toEqual(['a.yaml: warehouse.putawayHours: expected a number in [0, 8,760] (hours, at most a year), got "two"']);
  });

  it('keeps a __proto__ key an ordinary (unknown) field', () => {
    expect(folder({ 'a.json': '{"__proto__": {"mode": "x"}}' }).problems('a.json'))
      .toEqual(['a.json: __proto__: unknown field (expected one of: description, mode, season, start, demand, sellers, factories, courier, warehouse, prestock, newProducts, rules)']);
  });
});

describe('extends', () => {
  const base = [
    'description: base',
    'demand:',
    '  ordersPerDay: 1000',
    '  unitValue: { medianCny: 50, p90Cny: 150 }',
    '  dayMultiplier: [{ date: 2022-10-01, value: 1 }, { date: 2022-10-31, value: 2 }]',
    'sellers:',
    '  classes:',
    '    small: { stocking: { policy: sS, reorderDays: 2, orderUpToDays: 9 } }',
  ].join('\n');

  it('merges objects key by key and replaces lists and scalars', () => {
    const s = folder({
      'scenarios/base.yaml': base,
      'scenarios/child.yaml': 'extends: base.yaml\ndemand:\n  unitValue: { p90Cny: 300 }\n  dayMultiplier: [{ date: 2022-11-01, value: 3 }]\n',
    }).load('scenarios/child.yaml');
    expect(s.description).toBe('base');
    expect(s.demand.ordersPerDay).toBe(1000);
    expect(s.demand.unitValue).toEqual({ medianCny: 50, p90Cny: 300 });
    expect(s.demand.dayMultiplier).toEqual([{ date: '2022-11-01', value: 3 }]);
    expect(s.sellers.classes.small.stocking).toEqual({ policy: 'sS', reorderDays: 2, orderUpToDays: 9 });
  });

  it('replaces an inherited stocking policy of another kind instead of mixing their fields', () => {
    const s = folder({
      'base.yaml': base,
      'mto.yaml': 'extends: base.yaml\nsellers: { classes: { small: { stocking: { policy: makeToOrder } } } }\n',
    }).load('mto.yaml');
    expect(s.sellers.classes.small.stocking).toEqual({ policy: 'makeToOrder' });
  });

  it('follows chains, with paths relative to each including file', () => {
    const s = folder({
      'scenarios/base.yaml': base,
      'scenarios/what-if/middle.yaml': 'extends: ../base.yaml\ndescription: middle\nsellers: { count: 7 }\n',
      'scenarios/what-if/deep/top.json': '{ "extends": "./../middle.yaml", "demand": { "ordersPerDay": 5 } }',
    }).load('scenarios/what-if/deep/top.json');
    expect([s.description, s.sellers.count, s.demand.ordersPerDay, s.demand.unitValue.medianCny]).toEqual(['middle', 7, 5, 50]);
  });

  it('detects a cycle', () => {
    const files = folder({
      'a.yaml': 'extends: b.yaml\n',
      'b.yaml': 'extends: ./a.yaml\n',
      'self.yaml': 'extends: self.yaml\n',
    });
    expect(files.problems('a.yaml')).toEqual(['b.yaml: extends: forms a cycle: a.yaml → b.yaml → a.yaml']);
    expect(files.problems('self.yaml')).toEqual(['self.yaml: extends: forms a cycle: self.yaml → self.yaml']);
  });

  it('reports a missing base file', () => {
    expect(folder({ 'scenarios/a.yaml': 'extends: gone.yaml\n' }).problems('scenarios/a.yaml'))
      .toEqual(['scenarios/a.yaml: extends: cannot read scenarios/gone.yaml: file not found']);
  });

  it('refuses an extends that is not a file name', () => {
    expect(folder({ 'a.yaml': 'extends: [b.yaml]\n' }).problems('a.yaml'))
      .toEqual(['a.yaml: extends: expected the name of a scenario file to build on, got a list of 1']);
  });

  it('reports a syntax error in the base file against that file', () => {
    expect(folder({ 'a.yaml': 'extends: b.yaml\n', 'b.yaml': 'demand: {\n' }).problems('a.yaml')[0]).toMatch(/^b\.yaml: line \d+, column \d+: invalid YAML/);
  });

  it('names the file that set a bad value', () => {
    const files = folder({
      'base.yaml': 'rules: { depositCny: -5 }\ndemand: { unitValue: { medianCny: 500 } }\n',
      'child.yaml': 'extends: base.yaml\nrules: { failAfterHours: -1 }\nsellers: { classes: { small: { share: 0.5 } } }\n',
    });
    expect(files.problems('child.yaml')).toEqual([
      'base.yaml: demand.unitValue.p90Cny: expected p90Cny at or above medianCny (500; equal means a constant), got 180',
      'child.yaml: sellers.classes: expected class shares summing to 1, got 0.8 (large 0.05 + medium 0.25 + small 0.5)',
      'child.yaml: rules.failAfterHours: expected a number in (0, 8,760] (hours, at most a year), got -1',
      'base.yaml: rules.depositCny: expected a number in [0, 1,000,000,000] (CNY, at most a billion), got -5',
    ]);
  });

  it('names the file that replaced an object, not one that set a field inside the old one', () => {
    const files = folder({
      'a.yaml': 'sellers: { classes: { small: { stocking: { policy: sS } } } }\n',
      'b.yaml': 'extends: a.yaml\nsellers: { classes: { small: { stocking: { reorderDays: 2 } } } }\n',
      'c.yaml': 'extends: b.yaml\nsellers: { classes: { small: { stocking: { policy: makeToOrder, reorderDays: 1 } } } }\n',
    });
    expect(files.problems('c.yaml')).toEqual([
      'c.yaml: sellers.classes.small.stocking.reorderDays: unknown field (makeToOrder takes no other fields; reorderDays and orderUpToDays need policy: sS, cycleServiceLevel and cycleDays policy: serviceLevel)',
    ]);
  });

  // Found by test/scenario-properties.test.ts: a field named with "[" looped for ever finding its file.
  it('names the file of an unknown field whose name holds "[" or "."', () => {
    const files = folder({
      'base.yaml': 'sellers: { "x.y": 1 }\n',
      'child.yaml': 'extends: base.yaml\n"a[b": 1\nwarehouse: { "q[1]": 2 }\n',
    });
    expect(files.problems('child.yaml')).toEqual([
      expect.stringMatching(/^base\.yaml: sellers\."x\.y": unknown field/),
      expect.stringMatching(/^child\.yaml: warehouse\."q\[1\]": unknown field/),
      expect.stringMatching(/^child\.yaml: "a\[b": unknown field/),
    ]);
  });

  // Found by test/scenario-properties.test.ts: a 5,000-character unknown field name was echoed whole.
  it('cuts an unknown field name of 5,000 characters to 40 in its line', () => {
    const name = 'k'.repeat(5_000);
    expect(folder({ 'a.yaml': `sellers: { ${name}: 1 }\n` }).problems('a.yaml')).toEqual([
      `a.yaml: sellers."${'k'.repeat(40)}…": unknown field (expected one of: count, catalogue, regions, classes)`,
    ]);
  });
});

describe('ScenarioError', () => {
  it('is an Error with structured issues and one plain line per issue', () => {
    let caught: unknown;
    try {
      validateScenario({ demand: { ordersPerDay: 'many' }, sellers: { count: 0 } }, 'web editor');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    expect(caught).toBeInstanceOf(Error);
    const error = caught as ScenarioError;
    expect(error.name).toBe('ScenarioError');
    expect(error.issues).toEqual([
      { file: 'web editor', path: 'demand.ordersPerDay', message: 'expected a number >= 0, got "many"' },
      { file: 'web editor', path: 'sellers.count', message: 'expected a whole number >= 1, got 0' },
    ]);
    expect(error.message).toBe('web editor: demand.ordersPerDay: expected a number >= 0, got "many"\nweb editor: sellers.count: expected a whole number >= 1, got 0');
    expect(error.message).not.toMatch(/[{}]|\bat \w+ \(|Zod/);
  });
});

describe('normalisePath', () => {
  it.each([
    ['scenarios/./a.yaml', 'scenarios/a.yaml'],
    ['scenarios/what-if/../a.yaml', 'scenarios/a.yaml'],
    ['../shared/a.yaml', '../shared/a.yaml'],
    ['/work/main/../x.yaml', '/work/x.yaml'],
    ['/../x.yaml', '/x.yaml'],
    ['scenarios\\a.yaml', 'scenarios/a.yaml'],
  ])('%s → %s', (path, expected) => {
    expect(normalisePath(path)).toBe(expected);
  });
});
