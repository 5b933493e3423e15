// The command reading a scenario whose aliases never end or explode: one line naming the file,
// the line and the column, exit 1, no stack trace (src/scenario/yaml-aliases.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = new URL('../bin/jitsim.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'jitsim-aliases-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jitsim validate, YAML aliases', () => {
  it('names the file, line and column of a self-referencing alias and of an alias bomb', () => {
    const bomb = ['l0: &l0 [1, 2, 3, 4, 5, 6, 7, 8, 9]'];
    for (let k = 1; k <= 6; k++) bomb.push(`l${k}: &l${k} [${Array(10).fill(`*l${k - 1}`).join(', ')}]`);
    const cases: [string, string, string][] = [
      ['self.yaml', 'demand:\n  ordersPerDay: 10\na: &a [*a]\n', 'line 3, column 8: invalid YAML: alias *a is inside the value it names, which would never end'],
      // As in src/scenario/yaml-aliases.test.ts: the 9th alias of level 5 passes a million values.
      ['bomb.yaml', `${bomb.join('\n')}\n`, 'line 6, column 50: invalid YAML: aliases expand to more than 1,000,000 values here (is it an alias bomb?)'],
    ];
    for (const [name, text, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const r = spawnSync(process.execPath, [bin, 'validate', file], { encoding: 'utf8' });
      expect(r.status, name).toBe(1);
      expect(r.stderr, name).toBe(`${file}: ${message}\n`);
    }
  });
});
