// Aliases in scenario text: circular ones, dangling ones and alias bombs are one line each,
// naming the file, the line and the column of the alias; ordinary anchors still read.
import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from './load.ts';
import { MAX_EXPANDED_VALUES } from './yaml-aliases.ts';
import { errorLines } from '../../test/helpers/error-lines.ts';

/** The error lines for `text` read as a.yaml. */
function problems(text: string): string[] {
  return errorLines(() => parseScenario(text, 'a.yaml', () => { throw new Error('no base'); }), ScenarioError, 'a.yaml');
}

describe('YAML aliases', () => {
  it('names the line and column of an alias inside the value it names', () => {
    expect(problems('a: &a [*a]\n')).toEqual(['a.yaml: line 1, column 8: invalid YAML: alias *a is inside the value it names, which would never end']);
    expect(problems('sellers:\n  count: 3\nb: &b\n  c: { d: *b }\n')).toEqual(['a.yaml: line 4, column 11: invalid YAML: alias *b is inside the value it names, which would never end']);
  });

  it('names an alias with no anchor before it', () => {
    expect(problems('a: *nope\n')).toEqual(['a.yaml: line 1, column 4: invalid YAML: alias *nope has no anchor &nope before it']);
  });

  it('stops an alias bomb at the alias where the expansion passes the limit', () => {
    // Each level holds 10 aliases of the one above: level k expands to 1 + 10 × (level k−1).
    const levels = ['l0: &l0 [1, 2, 3, 4, 5, 6, 7, 8, 9]'];
    for (let k = 1; k <= 6; k++) levels.push(`l${k}: &l${k} [${Array(10).fill(`*l${k - 1}`).join(', ')}]`);
    const lines = problems(`${levels.join('\n')}\n`);
    // Level sizes: 10, 101, 1011, 10111, 101111. With the 6 keys, the count reaches level 5 at
    // 6 + 10 + 101 + 1011 + 10111 + 101111 + 1 = 112351; each of its aliases adds 101111, so the
    // 9th passes 1,000,000 (112351 + 9 × 101111 = 1022350): line 6, column 10 + 8 × 5 = 50.
    expect(lines).toEqual([`a.yaml: line 6, column 50: invalid YAML: aliases expand to more than ${MAX_EXPANDED_VALUES.toLocaleString('en')} values here (is it an alias bomb?)`]);
  });

  it('reads ordinary anchors and rejects a repeated key at its line', () => {
    const hours = '[0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0]';
    const s = parseScenario(`warehouse:\n  receiving: { staff: { byHour: &staff ${hours} } }\n  qc: { staff: { byHour: *staff } }\n`, 'a.yaml', () => '');
    expect([s.warehouse.qc.staff.byHour[8], s.warehouse.qc.staff.byHour[7]]).toEqual([2, 0]);
    expect(problems('demand: {}\ndemand: {}\n')).toEqual(['a.yaml: line 2, column 1: invalid YAML: field demand is given twice in this map']);
  });
});
