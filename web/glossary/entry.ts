// One entry of the page's glossary: the plain name a KPI, a chart series or a term is shown by,
// its unit, a one-sentence help and the section of docs/model.md that holds its rule. KPIs are
// in kpis.ts, chart series in series.ts, other terms in terms.ts; index.ts reads all three.

export interface GlossaryEntry {
  /** Shown in place of the code name: "Orders cancelled for stockout". */
  name: string;
  /** "orders", "CNY", "h", "%" (a share shown as a percent), "parcels/h"…; none for a plain count of things named in `name`. */
  unit?: string;
  /** One or two plain sentences: what it counts and how. */
  help: string;
  /** The heading id in docs/model.md (its rendered page, model.html), e.g. "s8" for §8; none for results-only terms. */
  section?: string;
}
