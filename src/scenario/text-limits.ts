// What scenario text may hold before it becomes data (docs/scenario-format.md, "Limits on a file"):
// its size and how deeply its lists and objects nest, checked before anything recursive runs.

/** A scenario file larger than this is refused unread; the largest shipped one is a few kB. */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;

/** Lists and objects nested deeper than this are refused; a scenario nests about 6 deep. */
export const MAX_DEPTH = 64;

/** Problems listed before only counting the rest (a scenario's, a data file's): a file of mistakes is named by its first few. */
export const LISTED_ISSUES = 20;

/** A problem in a file's text: where (1-based line and column; 0 for the whole file) and what. */
export interface TextProblem { line: number; col: number; message: string }

/** The refusal of a file of `bytes` bytes (or characters), or undefined if it is at most `maxBytes`. */
export function sizeProblem(bytes: number, maxBytes = MAX_SCENARIO_BYTES): string | undefined {
  if (bytes <= maxBytes) return undefined;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `the file is ${mb(bytes)}, more than the ${mb(maxBytes)} a scenario may be`;
}

/** 1-based line and column of character `offset` in `text`. */
export function placeOf(text: string, offset: number): { line: number; col: number } {
  let line = 1, start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) { line++; start = i + 1; }
  return { line, col: offset - start + 1 };
}
