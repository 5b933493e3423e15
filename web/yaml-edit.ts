// Edits a scenario's YAML text at a field path (`a.b[2].c`) with the yaml Document API, so the
// file keeps its comments and layout. Lists replace rather than merge under `extends`, so a list
// the file does not state yet is written whole, from the resolved scenario, with the one change.
import YAML from 'yaml';

export type Key = string | number;

/** `warehouse.qc.staff.byHour[3]` → ['warehouse', 'qc', 'staff', 'byHour', 3]. */
export function keysOf(path: string): Key[] {
  return path.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== '').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The value at `path` in a plain object (undefined where the path leads nowhere). */
export function valueAt(root: unknown, path: string): unknown {
  return keysOf(path).reduce<unknown>((o, k) => (o as Record<Key, unknown> | undefined)?.[k], root);
}

/** The document as text; rows of numbers stay on one line however long. */
export function yamlText(doc: YAML.Document): string {
  return doc.toString({ lineWidth: 0 });
}

/** Small collections (all scalars: an hour row, a region list, a tier) read best on one line. */
function tidy(node: unknown): unknown {
  if (YAML.isSeq(node) || YAML.isMap(node)) {
    let scalarsOnly = true;
    for (const item of node.items) {
      const child = YAML.isPair(item) ? item.value : item;
      if (YAML.isCollection(child)) { tidy(child); scalarsOnly = false; }
    }
    node.flow = scalarsOnly;
  }
  return node;
}

function writeAt(doc: YAML.Document, keys: Key[], value: unknown): void {
  const old = doc.getIn(keys, true);
  // A number or date changed in place keeps the comment beside it.
  if (YAML.isScalar(old) && (value === null || typeof value !== 'object')) old.value = value;
  else doc.setIn(keys, tidy(doc.createNode(value)));
}

/**
 * Sets `path` to `value` in `doc`. Where the path runs through a list the file does not state
 * (it comes from a default or an `extends` base), that whole list is taken from `resolved` and
 * written with the change, since writing one item would replace the list by a one-item list.
 */
export function setPath(doc: YAML.Document, path: string, value: unknown, resolved: unknown): void {
  const keys = keysOf(path);
  for (let k = 0; k < keys.length; k++) {
    if (typeof keys[k] !== 'number' || doc.hasIn(keys.slice(0, k))) continue;
    const listPath = keys.slice(0, k);
    const list = structuredClone(valueAt(resolved, listPath.join('.'))) as unknown[] | undefined;
    if (!Array.isArray(list)) break;
    const rest = keys.slice(k);
    let target: unknown = list;
    for (const key of rest.slice(0, -1)) target = (target as Record<Key, unknown>)[key];
    (target as Record<Key, unknown>)[rest[rest.length - 1]] = value;
    writeAt(doc, listPath, list);
    return;
  }
  writeAt(doc, keys, value);
}

/**
 * Changes the list at `path`: in place when the file states it (its other items keep their
 * comments), else by writing the resolved list changed the same way. `change` gets the items
 * and how to make a new item of them (a YAML node in the file's list, the plain value otherwise).
 */
function editList(doc: YAML.Document, path: string, resolved: unknown, change: (items: unknown[], item: (value: unknown) => unknown) => void): void {
  const seq = doc.getIn(keysOf(path), true);
  if (YAML.isSeq(seq)) { change(seq.items, (value) => tidy(doc.createNode(value))); return; }
  const items = [...((valueAt(resolved, path) as unknown[] | undefined) ?? [])];
  change(items, (value) => value);
  setPath(doc, path, items, resolved);
}

/** Appends `value` to the list at `path`. */
export function addItem(doc: YAML.Document, path: string, value: unknown, resolved: unknown): void {
  editList(doc, path, resolved, (items, item) => { items.push(item(value)); });
}

/** Removes item `index` of the list at `path`. */
export function removeItem(doc: YAML.Document, path: string, index: number, resolved: unknown): void {
  editList(doc, path, resolved, (items) => { items.splice(index, 1); });
}
