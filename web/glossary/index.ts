// The glossary looked up by key: KPIs (kpis.ts), terms (terms.ts) and chart series (series.ts), with the link to each
// entry's rule in the model documentation rendered in the app (model.html, from docs/model.md).
import type { GlossaryEntry } from './entry.ts';
import { KPIS } from './kpis.ts';
import { TERMS } from './terms.ts';
import { SERIES } from './series.ts';

export type { GlossaryEntry } from './entry.ts';
export { KPIS, KPI_GROUPS, type KpiEntry, type KpiGroup, type KpiFigure } from './kpis.ts';
export { TERMS } from './terms.ts';

/** The entry for a KPI, term or chart series key, or undefined. */
export function lookup(key: string): GlossaryEntry | undefined {
  return KPIS[key] ?? TERMS[key] ?? (SERIES as Record<string, GlossaryEntry>)[key];
}

/** The in-app page of the model documentation at an entry's section (model.html#s8). */
export function modelLink(entry: GlossaryEntry): string | undefined {
  return entry.section ? `./model.html#${entry.section}` : undefined;
}

/** A name with its unit, as a table row shows it: "Sales lost (CNY)"; a share's % is on its figures instead. */
export function nameWithUnit(entry: GlossaryEntry): string {
  return entry.unit && entry.unit !== '%' ? `${entry.name} (${entry.unit})` : entry.name;
}
