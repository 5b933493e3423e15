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

/** `#s=…` for a state. */
export function encodeState(state: SharedState): string {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  // In slices: spreading a long file's bytes into one call would overflow the stack.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `#s=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** The state in a URL hash, or undefined if it holds none; throws if it holds an unreadable one. */
export function decodeState(hash: string): SharedState | undefined {
  const m = /#s=([A-Za-z0-9_-]+)/.exec(hash);
  if (!m) return undefined;
  const bytes = Uint8Array.from(atob(m[1].replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const state = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Partial<SharedState>;
  for (const key of ['file', 'yaml', 'seed', 'reps'] as const) {
    if (typeof state[key] !== 'string') throw new Error(`the link's ${key} is missing`);
  }
  return state as SharedState;
}
