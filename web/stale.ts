// The stale mark on the results: once anything the run read is edited (the text, the form, the
// seed, the replications, the compare choice, the data files), the results on screen say they
// are for an earlier version of the scenario and are dimmed, until the next run replaces them
// (docs/results.md, "The page's checks and draft").

export interface StaleResults {
  /** A run of the scenario `text` starts. */
  started(text: string): void;
  /** Its results are on screen: no mark, unless the text has changed since it started. */
  shown(textNow: string): void;
  /** Something the run read was edited: mark the results, if any are shown. */
  edited(): void;
  /** Marks the results when the scenario text is no longer the one they were run on. */
  check(textNow: string): void;
}

/** The mark on `results`: a banner at its top and the class `stale`, which the style sheet dims. */
export function staleResults(results: HTMLElement): StaleResults {
  const banner = Object.assign(document.createElement('p'), {
    id: 'stale-note', className: 'stale-note', hidden: true,
    textContent: 'These results are for an earlier version of the scenario: run again to update them.',
  });
  banner.setAttribute('role', 'status');
  results.prepend(banner);
  let ranText: string | undefined, runText = '';

  function edited(): void {
    if (results.hidden || ranText === undefined) return;
    banner.hidden = false;
    results.classList.add('stale');
  }
  return {
    started(text) { runText = text; },
    shown(textNow) {
      ranText = runText;
      banner.hidden = true;
      results.classList.remove('stale');
      if (textNow !== ranText) edited();
    },
    edited,
    check(textNow) { if (ranText !== undefined && textNow !== ranText) edited(); },
  };
}
