// The page's glossary against a real run and the model's documentation: every KPI a run reports
// has an entry (name, group, direction, figure), no entry names a KPI that is not reported, and
// every section an entry links to is a heading of docs/model.md as the model page renders it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../src/cli/read-scenario.ts';
import { runJit } from '../src/model/jit.ts';
import { KPIS, KPI_GROUPS, TERMS } from '../web/glossary/index.ts';
import { headingId, headingIds } from '../web/model-headings.ts';

const root = new URL('..', import.meta.url).pathname;

describe('the glossary', () => {
  const scenario = readScenarioFile(`${root}scenarios/small-seller.yaml`);
  const reported = Object.keys(runJit({ ...scenario, season: { ...scenario.season, end: '2022-10-10' } }, { seed: 1, replication: 0 }).kpis);

  it('has an entry for every KPI a run reports, and none for a KPI it does not', () => {
    expect(reported.length).toBeGreaterThan(90);
    expect(reported.filter((k) => !(k in KPIS))).toEqual([]);
    expect(Object.keys(KPIS).filter((k) => !reported.includes(k))).toEqual([]);
  });

  it('gives each KPI a plain name, a known group and a direction', () => {
    for (const [key, e] of Object.entries(KPIS)) {
      expect(e.name, key).not.toMatch(/[a-z][A-Z]/); // no camelCase
      expect(KPI_GROUPS, key).toContain(e.group);
      expect(['higher', 'lower', 'neither'], key).toContain(e.better);
      expect(e.help.length, key).toBeGreaterThan(10);
    }
    const names = Object.values(KPIS).map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    expect(KPIS.ordersCancelled).toMatchObject({ group: 'orders', better: 'lower', figure: 'count', section: 's9' });
    expect(KPIS.finesShareOfGmv).toMatchObject({ figure: 'share', unit: '%' });
    expect(KPIS.dockToStockP95Hours).toMatchObject({ name: 'Dock-to-stock, 95th percentile', group: 'lead times', unit: 'h' });
    expect(KPIS.events.group).toBe('internal');
  });

  it('links only to sections the model page has', () => {
    const ids = new Set(headingIds(readFileSync(`${root}docs/model.md`, 'utf8')));
    expect(ids.has('s8')).toBe(true);
    const linked = [...Object.values(KPIS), ...Object.values(TERMS)].flatMap((e) => (e.section ? [e.section] : []));
    expect(linked.filter((s) => !ids.has(s))).toEqual([]);
  });

  it('names a section heading by its § number and any other by its words', () => {
    expect(headingId('§8 Lateness fines')).toBe('s8');
    expect(headingId('§20 A seller’s own data: catalogue')).toBe('s20');
    expect(headingId('Rule → file → function')).toBe('rule-file-function');
  });
});
