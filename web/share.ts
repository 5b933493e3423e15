// The state a shared link carries (scenario text, seed, replications, comparison), packed into
// the URL's hash as URL-safe base64 of UTF-8 JSON, and read back.
export interface SharedState {
  /** The shipped scenario picked (or the one the edited text started from). */
  file: string;
  yaml: string;
  seed: string;
  reps: string;
  /** The "Compare with" choice; links made before it was shared have none. */
  compare?: string;
  /** The second and third scenarios compared ('' for none), and the baseline picked ('0' the editor's, '1'… a choice); older links have none. */
  compareMore?: string[];
  baseline?: string;
}

/**
 * The most characters a link's `#s=…` may hold (docs/model-notes.md, "Shared links"): a long scenario is
 * sent as its YAML file instead, since some chat and mail programs cut long addresses and a page
 * must not decode megabytes it was handed.
 */
export const MAX_LINK_HASH = 65_536;

/** A link, made or opened, beyond MAX_LINK_HASH; its message gives the size and the cap. */
export class LinkTooLong extends Error {
  constructor(readonly hashLength: number) {
    super(`the link is ${kB(hashLength)} kB, over the ${kB(MAX_LINK_HASH)} kB a link may carry`);
  }
}

/** Whole kB, rounded up, so that a size just over the cap never reads as the cap itself. */
const kB = (chars: number) => Math.ceil(chars / 1024);

/** `#s=…` for a state, however long: `shareHash` is the one that refuses. */
export function encodeState(state: SharedState): string {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  // In slices: spreading a long file's bytes into one call would overflow the stack.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `#s=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** `#s=…` for a state; throws LinkTooLong when it would exceed MAX_LINK_HASH. */
export function shareHash(state: SharedState): string {
  const hash = encodeState(state);
  if (hash.length > MAX_LINK_HASH) throw new LinkTooLong(hash.length);
  return hash;
}

/** The state in a URL hash, or undefined if it holds none; throws if it holds an unreadable one, or LinkTooLong for one beyond the cap (before decoding it). */
export function decodeState(hash: string): SharedState | undefined {
  const m = /#s=([A-Za-z0-9_-]+)/.exec(hash);
  if (!m) return undefined;
  if (m[0].length > MAX_LINK_HASH) throw new LinkTooLong(m[0].length);
  const bytes = Uint8Array.from(atob(m[1].replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const state = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Partial<SharedState>;
  for (const key of ['file', 'yaml', 'seed', 'reps'] as const) {
    if (typeof state[key] !== 'string') throw new Error(`the link's ${key} is missing`);
  }
  return state as SharedState;
}
