// Editing a large scenario in the page (issue 16): the default scenario with 1,000 dated multipliers
// and 1,000 lateness tiers (~80 kB, test/helpers/long-lists.ts) loaded as a user's file; then, each
// round, the whole text pasted over the old (Ctrl+A, Ctrl+V) and a burst of keystrokes (overwrite the
// first tier's multiple, add a comment), each followed by leaving the field (Tab) and timed until the
// page has settled on the final text: the form shows the new multiple, the saved draft is the text,
// no error is listed. And a burst typed without leaving the field, timed until the draft holds it
// (saves are spaced while typing). Beside them, Chromium's own share: the same paste and keystrokes
// in a bare textarea alone in a page, and beside one folded <details>; and the whole text put in by
// Playwright's `fill` (an input event a line) in the page and in the bare textarea.
// Each figure is the wall time, the page's main-thread CPU and its scripts' share of it (from a
// trace: this machine is shared, so the wall time swings with its load, recorded too), beside the
// text's parse in Node in the same session (target: a burst settled in under ~300 ms;
// docs/results.md, "The page's checks and draft"). Writes bench/results/page-typing.json under
// `--as` (before or after a change), keeping the other's figures and their ratio.
// Usage: npm run bench:page-typing [-- --as before|after] [--rounds 5] [--no-fill]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { openApp } from '../test/web-app.ts';
import { FIRST_MULTIPLE, longListsScenario, selectFirstMultiple } from '../test/helpers/long-lists.ts';
import { parseScenario } from '../src/scenario/load.ts';
import { option } from './option.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, 'bench/results/page-typing.json');
const label = option('as', 'after');
const ROUNDS = Number(option('rounds', '5'));
/** The port offset of test/web-app.ts's openApp (the e2e files take theirs; the browser bench 8). */
const PORT_OFFSET = 25;
const text = longListsScenario();

/** The text's parse in Node: the first, then the median of `ROUNDS` more. */
function nodeParse(): { firstMs: number; medianMs: number } {
  const once = () => { const t = performance.now(); parseScenario(text, 'long-lists.yaml', () => { throw new Error('no extends'); }); return performance.now() - t; };
  const firstMs = once();
  return { firstMs: round(firstMs), medianMs: round(median(Array.from({ length: ROUNDS }, once))) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x * 10) / 10;

interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string } }
/** What an action cost: wall time, the page's main-thread CPU, and the CPU of the page's scripts within it (what they call included). */
interface Cost { wallMs: number; cpuMs: number; scriptMs: number }

/** The thread time of `events` named `name` on one thread, those inside another of them left out. */
function threadTime(events: TraceEvent[], thread: TraceEvent, name: string): number {
  const own = events.filter((e) => e.ph === 'X' && e.name === name && e.pid === thread.pid && e.tid === thread.tid).sort((a, b) => a.ts - b.ts);
  let sum = 0, end = -Infinity;
  for (const e of own) {
    if (e.ts < end) continue;
    sum += e.tdur ?? 0;
    end = e.ts + (e.dur ?? 0);
  }
  return sum / 1000;
}

/** `action`'s cost, from a trace of the page's renderer (its busiest main thread: another page's may be traced beside it). */
async function timed(browser: Browser, page: Page, action: () => Promise<void>): Promise<Cost> {
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
  const t0 = performance.now();
  await action();
  const wallMs = performance.now() - t0;
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents as TraceEvent[];
  // A renderer's main thread is named so, or (when the trace missed its name) dispatches the page's events.
  const mains = [...new Map(events.filter((e) => (e.name === 'thread_name' && e.args?.name === 'CrRendererMain') || e.name === 'EventDispatch')
    .map((e) => [`${e.pid}/${e.tid}`, e])).values()];
  const main = mains.reduce((a, b) => (threadTime(events, a, 'ThreadControllerImpl::RunTask') >= threadTime(events, b, 'ThreadControllerImpl::RunTask') ? a : b));
  return { wallMs: round(wallMs), cpuMs: round(threadTime(events, main, 'ThreadControllerImpl::RunTask')), scriptMs: round(threadTime(events, main, 'FunctionCall')) };
}

/**
 * Waits until the page has settled on its text: the draft saved is the text and, given `multiple`,
 * the form reads it (the first tier's multiple shows it) and no error is listed.
 */
async function settled(page: Page, multiple?: string): Promise<void> {
  await page.waitForFunction((multiple) => {
    const yaml = (document.getElementById('yaml') as HTMLTextAreaElement).value;
    const draft = JSON.parse(localStorage.getItem('jitsim.draft') ?? 'null') as { yaml?: string } | null;
    if (draft?.yaml !== yaml) return false;
    return multiple === undefined || (document.querySelector<HTMLInputElement>('#form [data-path="rules.lateness[0].multiple"]')?.value === multiple
      && document.getElementById('errors')!.children.length === 0);
  }, multiple, { polling: 'raf', timeout: 120_000 });
}

/** Median wall and CPU time of some rounds, with the rounds. */
const summary = (rounds: Cost[]) => ({ medianWallMs: median(rounds.map((x) => x.wallMs)), medianCpuMs: median(rounds.map((x) => x.cpuMs)), medianScriptMs: median(rounds.map((x) => x.scriptMs)), rounds });

/** Puts `text` on the clipboard as a user copies it: from a text area of its own, selected whole. */
async function copy(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => {
    const source = Object.assign(document.createElement('textarea'), { id: 'bench-copy', value: text });
    document.body.append(source);
  }, text);
  await page.focus('#bench-copy');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await page.$eval('#bench-copy', (source) => source.remove());
}

const app = await openApp(PORT_OFFSET);
try {
  const { page, browser } = app;
  const loadAverage = [os.loadavg()[0]];
  const node = nodeParse();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => localStorage.clear());
  await page.$eval('#editor', (d) => { (d as HTMLDetailsElement).open = true; });
  // Loaded as a user's file: one read of the whole text.
  const loadAsFile = await timed(browser, page, async () => {
    await page.setInputFiles('#file', { name: 'long-lists.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });
    await page.waitForFunction(() => document.querySelector('#form [data-path="rules.lateness[999].multiple"]') !== null, undefined, { timeout: 120_000 });
  });
  const pasted: Cost[] = [];
  const leaving: (Cost & { keys: number })[] = [];
  const staying: (Cost & { keys: number })[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // The whole text pasted over the old (Ctrl+A, Ctrl+V), its first multiple changed, then the field left.
    const pastedValue = `1.${r + 1}`;
    await copy(page, text.replace(FIRST_MULTIPLE, `multiple: ${pastedValue}`));
    await page.focus('#yaml');
    await page.keyboard.press('Control+A');
    pasted.push(await timed(browser, page, async () => {
      await page.keyboard.press('Control+V');
      await page.keyboard.press('Tab');
      await settled(page, pastedValue);
    }));
    // Overwrite the multiple, add a comment after the tier, leave the field.
    const value = `${r + 2}.25`;
    const keys = `${value} } # typed`;
    await selectFirstMultiple(page);
    leaving.push({ keys: keys.length + 1, ...await timed(browser, page, async () => {
      await page.keyboard.type(keys);
      await page.keyboard.press('Tab');
      await settled(page, value);
    }) });
    // A comment typed at the end of the first line, the caret left in the text.
    const comment = ` # burst ${r}`;
    await page.focus('#yaml');
    await page.$eval('#yaml', (area) => { const t = area as HTMLTextAreaElement; const end = t.value.indexOf('\n'); t.setSelectionRange(end, end); });
    staying.push({ keys: comment.length, ...await timed(browser, page, async () => {
      await page.keyboard.type(comment);
      await settled(page);
    }) });
    await page.keyboard.press('Tab');
    await settled(page, value);
  }
  const figures: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    chromium: browser.version(),
    textKB: round(text.length / 1024),
    nodeParseMs: node,
    loadAsFile,
    pastedThenLeft: summary(pasted),
    typedThenLeft: summary(leaving),
    typedInPlace: summary(staying),
  };
  // Chromium's own share: the same edits of the same text in a bare textarea, as wide as the page's
  // and in its font (so its lines wrap alike), alone in a page, timed until its next frame; and
  // beside one folded <details>, as the page has several (Chromium then replaces many lines slowly).
  const look = await page.$eval('#yaml', (t) => { const c = getComputedStyle(t); return { width: c.width, font: c.font }; });
  const frame = (p: Page) => p.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))));
  async function bareTextarea(folded: boolean) {
    const bare = await browser.newPage();
    await bare.setContent(`<textarea id="yaml" rows="16" spellcheck="false"></textarea><button>next</button>${folded ? '<details><summary>folded</summary>text</details>' : ''}`);
    await bare.$eval('#yaml', (t, [look, text]) => { Object.assign((t as HTMLTextAreaElement).style, look); (t as HTMLTextAreaElement).value = text; }, [look, text] as const);
    const pasted: Cost[] = [], typed: Cost[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      await copy(bare, text);
      await bare.focus('#yaml');
      await bare.keyboard.press('Control+A');
      pasted.push(await timed(browser, bare, async () => { await bare.keyboard.press('Control+V'); await bare.keyboard.press('Tab'); await frame(bare); }));
      await selectFirstMultiple(bare);
      typed.push(await timed(browser, bare, async () => { await bare.keyboard.type(`${r + 2}.25 } # typed`); await bare.keyboard.press('Tab'); await frame(bare); }));
    }
    return { page: bare, figures: { pastedThenLeft: summary(pasted), typedThenLeft: summary(typed) } };
  }
  const bare = await bareTextarea(false);
  figures.bareTextarea = bare.figures;
  const folded = await bareTextarea(true);
  figures.bareTextareaBesideFoldedDetails = folded.figures;
  await folded.page.close();
  if (!process.argv.includes('--no-fill')) {
    const fillPage = await timed(browser, page, async () => {
      await page.fill('#yaml', `${text}# filled\n`);
      await settled(page);
    });
    // A fresh bare textarea, as wide as the page's and in its font.
    const empty = await browser.newPage();
    await empty.setContent('<textarea id="yaml" rows="16" spellcheck="false"></textarea>');
    await empty.$eval('#yaml', (t, look) => { Object.assign((t as HTMLTextAreaElement).style, look); }, look);
    const fillBare = await timed(browser, empty, async () => { await empty.fill('#yaml', `${text}# filled\n`); });
    await empty.close();
    figures.fill = { page: fillPage, bareTextarea: fillBare };
  }
  await bare.page.close();
  loadAverage.push(os.loadavg()[0]);
  figures.loadAverage = loadAverage.map(round);
  const typedMs = (figures.typedThenLeft as { medianWallMs: number }).medianWallMs;
  figures.typedThenLeftToNodeParse = round(typedMs / node.medianMs);
  const all = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown> : {};
  all[label] = figures;
  const before = all.before as typeof figures | undefined, after = all.after as typeof figures | undefined;
  if (before && after) {
    const ratio = (k: string, m: 'medianWallMs' | 'medianCpuMs' | 'medianScriptMs') => round((before[k] as Record<string, number>)[m] / (after[k] as Record<string, number>)[m]);
    const ratios: Record<string, unknown> = Object.fromEntries(['pastedThenLeft', 'typedThenLeft', 'typedInPlace'].map((k) => [k, { wall: ratio(k, 'medianWallMs'), cpu: ratio(k, 'medianCpuMs'), script: ratio(k, 'medianScriptMs') }]));
    const fills = [before, after].map((f) => (f.fill as { page: Cost } | undefined)?.page);
    if (fills[0] && fills[1]) ratios.fill = { wall: round(fills[0].wallMs / fills[1].wallMs), cpu: round(fills[0].cpuMs / fills[1].cpuMs), script: round(fills[0].scriptMs / fills[1].scriptMs) };
    all.beforeOverAfter = ratios;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(all, null, 2) + '\n');
  const line = (what: string, k: string) => { const f = figures[k] as ReturnType<typeof summary>; console.log(`${what}: median ${f.medianWallMs} ms until settled (the page's CPU ${f.medianCpuMs} ms, its scripts ${f.medianScriptMs} ms)`); };
  console.log(`${figures.textKB} kB scenario; parse in Node ${node.medianMs} ms (first ${node.firstMs} ms); loaded as a file in ${loadAsFile.wallMs} ms (${loadAsFile.cpuMs} ms CPU); load average ${figures.loadAverage}`);
  line('pasted whole, then left the field', 'pastedThenLeft');
  line('typed a burst, then left the field', 'typedThenLeft');
  console.log(`  ${figures.typedThenLeftToNodeParse}x the parse in Node`);
  line('typed a burst in place, until the draft held it', 'typedInPlace');
  for (const [what, k] of [['a bare textarea', 'bareTextarea'], ['beside a folded <details>', 'bareTextareaBesideFoldedDetails']]) {
    const f = figures[k] as Record<string, ReturnType<typeof summary>>;
    console.log(`${what}, the same edits: pasted ${f.pastedThenLeft.medianWallMs} ms (CPU ${f.pastedThenLeft.medianCpuMs} ms), typed ${f.typedThenLeft.medianWallMs} ms (CPU ${f.typedThenLeft.medianCpuMs} ms)`);
  }
  if (figures.fill) console.log(`Playwright fill of the whole text (an input event a line): ${JSON.stringify(figures.fill)}`);
} finally {
  await app.close();
}
