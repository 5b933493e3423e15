// Scenario texts of many fields, for the loader's scale (issue 16: 10k unknown keys took 6.9 s, 20k
// 17.8 s): src/scenario/parse-limits.test.ts checks what they report, bench/parse-limits.ts how the
// time grows with their number.

/** A YAML scenario of `n` unknown top-level fields, k0 to k(n-1). */
export function unknownFields(n: number): string {
  return Array.from({ length: n }, (_, i) => `k${i}: 1\n`).join('');
}

/** A base of `n` objects and a child (`extends: base.yaml`) replacing each with a list. */
export function replacedThroughExtends(n: number): { child: string; base: string } {
  const keys = Array.from({ length: n }, (_, i) => `k${i}`);
  return {
    base: keys.map((k) => `${k}: {a: 1}\n`).join(''),
    child: `extends: base.yaml\n${keys.map((k) => `${k}: [1]\n`).join('')}`,
  };
}
