// A scenario's twin in the other selling mode: the same text with every seller class switched to
// JIT or to pre-stock, so that "Compare with" can set the two modes side by side on common
// random numbers. Also names a run by how its sellers sell: "JIT", "pre-stock" or "mixed".
import YAML from 'yaml';
import { SIZE_CLASSES, type Mode, type Scenario } from '../src/scenario/types.ts';
import { parse } from './scenarios.ts';
import { yamlText } from './yaml-edit.ts';

export type ModeName = 'JIT' | 'pre-stock' | 'mixed';
export const MODE_NAMES: Record<Mode, ModeName> = { jit: 'JIT', prestock: 'pre-stock' };

/** The modes of the classes that have sellers (a class with share 0 sells nothing either way). */
export function sellingModes(s: Scenario): Set<Mode> {
  const modes = new Set(SIZE_CLASSES.filter((c) => s.sellers.classes[c].share > 0).map((c) => s.sellers.classes[c].mode));
  return modes.size > 0 ? modes : new Set([s.mode]);
}

export function modeName(s: Scenario): ModeName {
  const modes = [...sellingModes(s)];
  return modes.length === 1 ? MODE_NAMES[modes[0]] : 'mixed';
}

/**
 * `text` with every class selling in `mode`: the top-level `mode` set and each class's own
 * `mode` removed; where an `extends` base still names another mode for a class, the class
 * states `mode` itself. Parsed as `name`; a scenario the switch makes invalid throws its error.
 */
export function twin(text: string, name: string, mode: Mode): { text: string; scenario: Scenario } {
  let doc: YAML.Document = YAML.parseDocument(text);
  if (!YAML.isMap(doc.contents)) doc = new YAML.Document({}); // an empty file: nothing to keep
  doc.set('mode', mode);
  for (const c of SIZE_CLASSES) {
    const at = ['sellers', 'classes', c, 'mode'];
    if (doc.hasIn(at)) doc.deleteIn(at);
  }
  let scenario = parse(yamlText(doc), name);
  const stray = SIZE_CLASSES.filter((c) => scenario.sellers.classes[c].mode !== mode);
  if (stray.length > 0) {
    for (const c of stray) doc.setIn(['sellers', 'classes', c, 'mode'], mode);
    scenario = parse(yamlText(doc), name);
  }
  return { text: yamlText(doc), scenario };
}
