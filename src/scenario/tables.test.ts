// The data files a scenario names, read beside it and checked against the platform as a whole
// (the files' own cells are catalogue-table.test.ts's and orders-table.test.ts's).
import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from './load.ts';
import { readTables } from './tables.ts';
import { errorLines } from '../../test/helpers/error-lines.ts';

/** The issues of reading `yaml` with `files` beside it, as the command prints them. */
function problems(yaml: string, files: Record<string, string>): string[] {
  return errorLines(() => readTables(parseScenario(yaml, 'x.yaml', () => ''), 'x.yaml', (path) => [files[path]]), ScenarioError, 'x.yaml');
}

describe('readTables', () => {
  it('holds the platform to 5,000,000 SKUs in all once a catalogue seller\'s own replace its slot\'s', () => {
    // One large seller of 1 SKU and one small of 4,999,999: the schema's 5,000,000 exactly.
    const yaml = (skusOfSmall: number) => [
      'sellers:',
      '  count: 2',
      '  catalogue: skus.csv',
      '  classes: { large: { share: 0.5, skusPerSeller: 1 }, medium: { share: 0 }, small: { share: 0.5, skusPerSeller: ' + skusOfSmall + ' } }',
    ].join('\n');
    const skus = 'seller,sku,class,unitValueCny,unitWeightKg\nacme,mug,large,1,1\nacme,cup,large,1,1\n';
    expect(problems(yaml(4_999_999), { 'skus.csv': skus })).toEqual([
      "x.yaml: sellers.catalogue: expected at most 5,000,000 SKUs in all, skus.csv's counted in place of its sellers' synthetic ones, got 5,000,001 (too large to simulate)",
    ]);
    const scenario = parseScenario(yaml(4_999_998), 'x.yaml', () => '');
    expect(readTables(scenario, 'x.yaml', () => [skus]).tables?.catalogue?.skuName).toEqual(['mug', 'cup']);
  });
});
