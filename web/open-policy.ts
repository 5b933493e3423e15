// "Open as scenario": a planned stocking policy written into the scenario's YAML for the seller's
// class (comments and layout kept), so that it runs, and compares with its original, like any edit.
import YAML from 'yaml';
import type { Candidate } from '../src/experiment/stocking-plan.ts';
import type { Scenario, SizeClass } from '../src/scenario/types.ts';
import { setPath, yamlText } from './yaml-edit.ts';

/** The text with `sellers.classes.<class>.stocking` and `pauseListingWhenOut` set to the candidate's. */
export function withPolicy(text: string, sellerClass: SizeClass, candidate: Candidate, resolved: Scenario | undefined): string {
  const doc = YAML.parseDocument(text);
  const at = `sellers.classes.${sellerClass}`;
  // The whole policy replaces the old one, so that fields of another kind of policy do not linger.
  setPath(doc, `${at}.stocking`, structuredClone(candidate.stocking), resolved);
  setPath(doc, `${at}.pauseListingWhenOut`, candidate.pauseListingWhenOut, resolved);
  return yamlText(doc);
}
