// A seller's own data files (docs/scenario-format.md, "Your own data") uploaded beside the scenario:
// kept in memory by name, served to readTables by the last segment of the path the scenario names
// (`orders.csv` and `data/orders.csv` are both the upload orders.csv), and what they hold said.
import { ScenarioError } from '../src/scenario/load.ts';
import { readTables } from '../src/scenario/tables.ts';
import type { Scenario } from '../src/scenario/types.ts';

/** The largest file the page reads: the whole text is held in the tab (the command streams instead). */
export const MAX_UPLOAD_MB = 200;

export interface OwnData {
  /**
   * The scenario with the tables it names read from the uploads, or a ScenarioError with one
   * issue a problem (a file not uploaded names the file to upload). Says beside the input what loaded.
   */
  attach(scenario: Scenario, file: string): Scenario;
}

/** The uploads of `input` (multiple .csv files); `changed` is told when files come, to check the scenario again. */
export function ownDataFiles(input: HTMLInputElement, note: HTMLElement, changed: () => void): OwnData {
  const texts = new Map<string, string>();
  let refused: string[] = [];
  // Reading a season's orders takes a moment: the tables are read again only when the uploads or
  // what they are checked against change.
  let version = 0, last: { key: string; outcome: Scenario['tables'] | ScenarioError } | undefined;

  // Emptied as the file dialog opens, so that choosing the same file again (edited meanwhile) reads it again.
  input.addEventListener('click', () => { input.value = ''; });
  input.addEventListener('change', async () => {
    refused = [];
    for (const file of Array.from(input.files ?? [])) {
      if (file.size > MAX_UPLOAD_MB * 2 ** 20) {
        refused.push(`${file.name} (${Math.round(file.size / 2 ** 20)} MB) not read: the page takes files up to ${MAX_UPLOAD_MB} MB; the command (jitsim run) takes any size.`);
        continue;
      }
      texts.set(file.name, await file.text());
    }
    version++;
    say(texts.size > 0 ? `Uploaded ${[...texts.keys()].join(', ')}.` : '');
    changed();
  });

  /** Says what was uploaded and loaded; with nothing uploaded, what the input is for. */
  function say(text: string): void {
    const about = `Seller’s data files: the orders.csv and skus.csv a scenario names (demand.orders, sellers.catalogue), plain CSV up to ${MAX_UPLOAD_MB} MB each; see docs/scenario-format.md, “Your own data”.`;
    if (note.textContent === refused.join('') + (text || about)) return; // the note is a live region: unchanged, it stays quiet
    note.replaceChildren(...refused.map((r) => Object.assign(document.createElement('span'), { className: 'refused', textContent: r })), text || about);
  }
  say('');

  const readTable = (path: string): Iterable<string> => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const text = texts.get(name);
    if (text === undefined) throw new Error(`not uploaded: choose ${name} with “Seller’s data files” above`);
    return [text];
  };

  return {
    attach(scenario, file) {
      const { orders } = scenario.demand, { catalogue } = scenario.sellers;
      if (orders === null && catalogue === null) {
        say(texts.size > 0 ? `Uploaded ${[...texts.keys()].join(', ')}; the scenario names none of them: set demand.orders and sellers.catalogue to their names.` : '');
        return scenario;
      }
      // What the tables are checked against: the season, and the sellers' slots and SKUs (seller-slots.ts).
      const { count, classes } = scenario.sellers;
      const slots = Object.values(classes).map((c) => [c.share, c.skusPerSeller]);
      const key = JSON.stringify([version, file, scenario.season, count, slots, catalogue, orders]);
      if (last?.key !== key) {
        try {
          last = { key, outcome: readTables(scenario, file, readTable).tables };
        } catch (err) {
          if (!(err instanceof ScenarioError)) throw err;
          last = { key, outcome: err };
        }
      }
      if (last.outcome instanceof ScenarioError) {
        say(texts.size > 0 ? `Uploaded ${[...texts.keys()].join(', ')}.` : '');
        throw last.outcome;
      }
      say(loaded(last.outcome!));
      return { ...scenario, tables: last.outcome };
    },
  };
}

/** What the tables hold: "orders.csv: 530 orders of 1 seller; skus.csv: 3 SKUs of 1 seller". */
function loaded(tables: NonNullable<Scenario['tables']>): string {
  const count = (n: number, one: string) => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (tables.orders) parts.push(`${tables.orders.file}: ${count(tables.orders.count, 'order')} of ${count(tables.orders.sellers.length, 'seller')}`);
  if (tables.catalogue) parts.push(`${tables.catalogue.file}: ${count(tables.catalogue.skuName.length, 'SKU')} of ${count(tables.catalogue.sellers.length, 'seller')}`);
  return `Loaded ${parts.join('; ')}.`;
}
