// The web form's editing rules without a browser: how a field path is written into scenario YAML
// (comments kept, lists the file lacks written whole), list add/remove, and that every field the
// form shows names a real place in the schema (writing its value back changes nothing).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { parseScenario } from '../src/scenario/load.ts';
import { defaultScenario } from '../src/scenario/schema.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { formSections, nextDay, type Control } from '../web/form-fields.ts';
import { ancestors } from '../web/form.ts';
import { addItem, keysOf, removeItem, setPath, valueAt, yamlText } from '../web/yaml-edit.ts';

const dir = new URL('../scenarios/', import.meta.url).pathname;
const read = (path: string) => readFileSync(`${dir}${path.slice(path.lastIndexOf('/') + 1)}`, 'utf8');
const parse = (text: string) => parseScenario(text, 'edited.yaml', read);

const FILE = '# my scenario\nextends: black-friday-2022.yaml\ndemand:\n  ordersPerDay: 100 # October\n';

describe('writing a field into scenario YAML', () => {
  it('sets a plain field in place and keeps comments', () => {
    const doc = YAML.parseDocument(FILE);
    setPath(doc, 'demand.ordersPerDay', 250, parse(FILE));
    expect(yamlText(doc)).toBe('# my scenario\nextends: black-friday-2022.yaml\ndemand:\n  ordersPerDay: 250 # October\n');
  });

  it('writes a list the file does not state whole, from the resolved scenario, with the one change', () => {
    const resolved = parse(FILE);
    const doc = YAML.parseDocument(FILE);
    setPath(doc, 'warehouse.qc.staff.byHour[7]', 9, resolved);
    const expected = [...resolved.warehouse.qc.staff.byHour];
    expected[7] = 9;
    expect(parse(yamlText(doc)).warehouse.qc.staff.byHour).toEqual(expected);
    expect(yamlText(doc)).toContain(`byHour: [ ${expected.join(', ')} ]`); // an hour row on one line
    expect(yamlText(doc)).toContain('ordersPerDay: 100 # October');
  });

  it('writes into an item of a list the file states, leaving the other items alone', () => {
    const text = 'rules:\n  lateness:\n    - { afterHours: 24, multiple: 1 } # tier one\n    - { afterHours: 48, multiple: 5 }\n';
    const doc = YAML.parseDocument(text);
    setPath(doc, 'rules.lateness[1].multiple', 3, parse(text));
    expect(yamlText(doc)).toContain('# tier one');
    expect(YAML.parse(yamlText(doc)).rules.lateness).toEqual([{ afterHours: 24, multiple: 1 }, { afterHours: 48, multiple: 3 }]);
  });

  it('a field inside an item of an inherited list (a surge day) writes the whole list of surges', () => {
    const resolved = parse(FILE);
    const doc = YAML.parseDocument(FILE);
    setPath(doc, 'warehouse.receiving.staff.overrides[0].to', '2022-12-02', resolved);
    const overrides = parse(yamlText(doc)).warehouse.receiving.staff.overrides;
    expect(overrides.length).toBe(resolved.warehouse.receiving.staff.overrides.length);
    expect(overrides[0]).toEqual({ ...resolved.warehouse.receiving.staff.overrides[0], to: '2022-12-02' });
    // Items of maps are written as blocks, their rows of scalars on one line.
    expect(yamlText(doc)).toMatch(/overrides:\n\s+- from: /);
  });

  it('adds and removes list items, in the file’s own list or in one taken from the base', () => {
    const resolved = parse(FILE);
    const doc = YAML.parseDocument(FILE);
    const window = { regions: ['foshan', 'dongguan'], from: '2022-11-10', to: '2022-11-12', affectedShare: 0.5, restartHours: 12, courierSuspended: true };
    addItem(doc, 'factories.disruptions', window, resolved);
    const added = parse(yamlText(doc));
    expect(added.factories.disruptions).toEqual([...resolved.factories.disruptions, window]);
    removeItem(doc, 'factories.disruptions', 0, added);
    expect(parse(yamlText(doc)).factories.disruptions).toEqual([...resolved.factories.disruptions.slice(1), window]);
    removeItem(doc, 'factories.disruptions', 0, added); // now the file's own list
    expect(parse(yamlText(doc)).factories.disruptions).toEqual([...resolved.factories.disruptions.slice(2), window]);
  });

  it('reads paths and their places', () => {
    expect(keysOf('warehouse.qc.staff.overrides[2].byHour[13]')).toEqual(['warehouse', 'qc', 'staff', 'overrides', 2, 'byHour', 13]);
    expect(valueAt({ a: [{ b: 4 }] }, 'a[0].b')).toBe(4);
    expect(valueAt({ a: [] }, 'a[3].b')).toBeUndefined();
    expect(ancestors('factories.disruptions[1].regions[0]')).toEqual(['factories.disruptions[1].regions', 'factories.disruptions[1]', 'factories.disruptions', 'factories']);
    expect(nextDay('2022-11-30')).toBe('2022-12-01');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
  });
});

/** Every path a control edits, with list rows expanded as the form draws them. */
function paths(controls: Control[], s: Scenario): string[] {
  return controls.flatMap((c): string[] => {
    if (c.kind === 'group') return paths(c.controls, s);
    if (c.kind === 'hours') return Array.from({ length: 24 }, (_, h) => `${c.path}[${h}]`);
    if (c.kind === 'list') return ((valueAt(s, c.path) as unknown[]) ?? []).flatMap((_, i) => paths(c.item(`${c.path}[${i}]`), s));
    return [c.path];
  });
}

describe('the form against the schema', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

  it.each(files)('every field of the form for %s is a place in the scenario; writing its value back changes nothing', (file) => {
    const text = read(file);
    const scenario = parse(text);
    const all = paths(formSections(scenario).flatMap((s) => s.controls), scenario);
    expect(all.length).toBeGreaterThan(80); // staff rows, windows, tiers, classes…
    const doc = YAML.parseDocument(text);
    for (const path of all) {
      const value = valueAt(scenario, path);
      expect(value, path).not.toBeUndefined();
      setPath(doc, path, value, scenario);
    }
    expect(parse(yamlText(doc))).toEqual(scenario);
  });

  it('offers each class its mode: choosing pre-stock for small sellers puts only them on the shelf', () => {
    const scenario = parse(FILE);
    const controls = formSections(scenario).flatMap((s) => s.controls).flatMap(function all(c): Control[] {
      return c.kind === 'group' ? c.controls.flatMap(all) : [c];
    });
    const mode = controls.find((c) => c.path === 'sellers.classes.small.mode');
    expect(mode?.kind).toBe('choice');
    if (mode?.kind !== 'choice') return;
    expect(mode.options).toEqual(['jit', 'prestock']);
    const doc = YAML.parseDocument(FILE);
    setPath(doc, mode.writes, mode.write('prestock'), scenario);
    const after = parse(yamlText(doc));
    expect([after.sellers.classes.large.mode, after.sellers.classes.medium.mode, after.sellers.classes.small.mode]).toEqual(['jit', 'jit', 'prestock']);
    expect(yamlText(doc)).toContain('# October'); // comments kept
    expect(controls.map((c) => c.path)).toEqual(expect.arrayContaining(['prestock.initialCap', 'prestock.approvalHours.medianHours', 'newProducts.share', 'rules.prestockStockoutMultiple']));
  });

  it('a new item Add appends passes the schema (surge after the last, tier after the last, one-day window)', () => {
    const scenario = defaultScenario();
    const lists = formSections(scenario).flatMap((s) => s.controls).flatMap(function all(c): Control[] {
      return c.kind === 'group' ? c.controls.flatMap(all) : [c];
    }).filter((c): c is Extract<Control, { kind: 'list' }> => c.kind === 'list');
    expect(lists.map((l) => l.path)).toEqual(['demand.dayMultiplier', 'factories.disruptions', 'warehouse.receiving.staff.overrides', 'warehouse.qc.staff.overrides', 'rules.lateness']);
    for (const list of lists) {
      const doc = YAML.parseDocument('{}');
      addItem(doc, list.path, list.fresh(scenario), scenario);
      const after = parse(yamlText(doc));
      expect((valueAt(after, list.path) as unknown[]).length, list.path).toBe((valueAt(scenario, list.path) as unknown[]).length + 1);
    }
    const surge = lists.find((l) => l.path === 'warehouse.qc.staff.overrides')!.fresh(scenario) as { from: string };
    expect(surge.from).toBe(nextDay(scenario.warehouse.qc.staff.overrides.at(-1)!.to));
  });
});
