// The verdict block `jitsim compare` prints after the difference table: the headline in plain
// words, then every figure behind it (JIT − pre-stock, with its 95% interval) for the platform
// and for each seller class whose mode changed; fits a 100-column terminal.
import { formatNumber, percent, readableUnit, signed } from '../experiment/number-format.ts';
import type { KpiDifference } from '../experiment/summary.ts';
import type { Outcome, Side, Verdict, VerdictFigure } from '../experiment/verdict.ts';
import { pad } from './table.ts';

const WIDTH = 100;

/** Short, so that a label, a difference in millions and its interval still fit the width. */
const OUTCOME: Record<Outcome, string> = { better: 'better', worse: 'worse', 'no clear difference': '—' };
const PEAK: Record<Verdict['platform']['peak'], string> = {
  relieved: 'relieved', worsened: 'worsened', mixed: 'mixed', 'no clear difference': '—', 'not reported': '',
};

export function verdictTable(v: Verdict): string {
  const letter = (s: Side) => s.toUpperCase();
  const other = (s: Side): Side => (s === 'a' ? 'b' : 'a');
  const lines = [
    'Verdict: is JIT progress, or does it move the burden onto sellers?',
    ...wrap(`JIT side ${letter(v.jitSide)} (${v.labels[v.jitSide]}), pre-stock side ${letter(other(v.jitSide))} (${v.labels[other(v.jitSide)]}); every figure is JIT − pre-stock, paired over ${v.replications} replications.`, ''),
    '',
    ...v.headline.flatMap((s) => wrap(s, '  ')),
    '',
  ];

  const rows: string[][] = [['for the platform', 'JIT − pre', '95% interval', '']];
  for (const f of v.platform.figures) rows.push(figureRow(f));
  if (v.platform.peak !== 'not reported') rows.push(['  the peak, on the whole', '', '', PEAK[v.platform.peak]]);
  for (const c of v.classes) {
    const jitNote = c.jitIn === v.jitSide ? '' : `, JIT in ${letter(c.jitIn)}`;
    rows.push(['', '', '', '']);
    rows.push([`for ${c.className} sellers (${formatNumber(c.sellers)}${jitNote})`, 'JIT − pre', '95% interval', '']);
    const w = c.worseOff?.interval;
    if (w) rows.push(['  worse off under JIT (share)', percent(w.mean), `[${percent(w.low)}, ${percent(w.high)}]`, '']);
    for (const f of c.figures) rows.push(figureRow(f));
  }
  const outcomeWidth = Math.max(...rows.map((r) => r[3].length));
  lines.push(...pad(rows.map((r) => [r[0], r[1], r[2], r[3].padEnd(outcomeWidth)])).split('\n').map((l) => l.trimEnd()));
  lines.push('better, worse: for the platform or for those sellers; —: no clear difference (the interval holds 0)');

  for (const u of v.unchanged) {
    const mode = u.mode === 'jit' ? 'JIT' : 'pre-stock';
    const profit = u.profitMean ? `; mean profit per seller, ${letter(v.jitSide)} − ${letter(other(v.jitSide))}: ${withInterval(u.profitMean, 'CNY')}` : '';
    lines.push(...wrap(`${u.className} sellers: ${mode} in both, not judged${profit}`, ''));
  }
  if (v.notReported.length > 0) lines.push(...wrap(`not reported by these runs: ${v.notReported.join(', ')}`, ''));
  return lines.join('\n');
}

function figureRow(f: VerdictFigure): string[] {
  const d = f.difference, r = readableUnit(f.unit, d.mean);
  return [`  ${f.label}, ${r.unit}`, signed(d.mean * r.scale), `[${formatNumber(d.low * r.scale)}, ${formatNumber(d.high * r.scale)}]`, OUTCOME[f.outcome]];
}

function withInterval(d: KpiDifference, unit: string): string {
  const r = readableUnit(unit, d.mean);
  return `${signed(d.mean * r.scale)} ${r.unit} [${formatNumber(d.low * r.scale)}, ${formatNumber(d.high * r.scale)}]`;
}

/** Words wrapped to the terminal, continuation lines indented two more spaces; an interval is never split. */
function wrap(text: string, indent: string): string[] {
  const out: string[] = [];
  let line = indent;
  for (const word of text.split(/ (?![^[]*\])/)) {
    if (line.trim() !== '' && line.length + 1 + word.length > WIDTH) {
      out.push(line);
      line = `${indent}  ${word}`;
    } else line += (line.trim() === '' ? '' : ' ') + word;
  }
  out.push(line);
  return out;
}
