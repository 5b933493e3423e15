// A large scenario for the page's typing checks (bench/page-typing.ts, test/web-typing.e2e.test.ts):
// the default scenario with two of the form's lists 1,000 items long, dated demand multipliers and
// lateness tiers (1,000 is the most tiers a file may hold, docs/scenario-format.md): about 80 kB of YAML.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const DEFAULT = readFileSync(new URL('../../scenarios/black-friday-2022.yaml', import.meta.url), 'utf8');

/** The i-th day from 2020-01-01, as YYYY-MM-DD. */
const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

/** The first lateness tier's multiple as written: what a typing check overwrites. */
export const FIRST_MULTIPLE = 'multiple: 1.00';

/** black-friday-2022.yaml with `items` dated multipliers and `items` lateness tiers (1,000 by default, the limit). */
export function longListsScenario(items = 1000): string {
  const points = Array.from({ length: items }, (_, i) => `    - { date: ${day(i)}, value: ${(1 + (i % 7) / 10).toFixed(1)} }`);
  const tiers = Array.from({ length: items }, (_, i) => `    - { afterHours: ${(i + 1) * 8}, ${i === 0 ? FIRST_MULTIPLE : `multiple: ${(1 + i / 100).toFixed(2)}`} }`);
  return `${DEFAULT}demand:\n  dayMultiplier:\n${points.join('\n')}\nrules:\n  lateness:\n${tiers.join('\n')}\n`;
}

/** Focuses the page's scenario text and selects its first lateness tier's multiple to the end of the line (the tier's closing brace). */
export async function selectFirstMultiple(page: Page): Promise<void> {
  await page.focus('#yaml');
  await page.$eval('#yaml', (area) => {
    const t = area as HTMLTextAreaElement;
    const at = t.value.indexOf('multiple: ', t.value.indexOf('  lateness:')) + 'multiple: '.length;
    t.setSelectionRange(at, t.value.indexOf('\n', at));
  });
}
