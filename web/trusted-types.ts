// Trusted Types, which both pages' Content-Security-Policy requires for every markup and script-URL
// sink (docs/code-layout.md, the web app): a named policy that yields one value, the app's own, fixed
// when the policy is made, and nothing else. A browser without Trusted Types gets the plain string.

/** The part of the Trusted Types API used here (TypeScript's DOM typings have none). */
interface PolicyFactory {
  createPolicy(name: string, rules: { createHTML?: () => string; createScriptURL?: () => string }): {
    createHTML(input: string): unknown;
    createScriptURL(input: string): unknown;
  };
}

/**
 * `value` as a TrustedHTML (`kind` 'HTML') or a TrustedScriptURL ('ScriptURL') from the policy `name`,
 * which the page's CSP must list in `trusted-types`; typed as the string the DOM's typings take. Once per
 * name: the CSP refuses a second policy of the same name, so no other code can make this one.
 */
export function trusted(name: string, kind: 'HTML' | 'ScriptURL', value: string): string {
  const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
  if (!factory) return value;
  const policy = factory.createPolicy(name, kind === 'HTML' ? { createHTML: () => value } : { createScriptURL: () => value });
  return (kind === 'HTML' ? policy.createHTML('') : policy.createScriptURL('')) as string;
}
