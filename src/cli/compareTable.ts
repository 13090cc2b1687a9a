// The readable summary of a comparison printed to stdout: per border with crossings in either arm,
// mean crossings in each arm, the paired difference with its 95% interval and, on exits, the exit
// share before → after; then the main totals, the displacement ratio and the adaptation lag.

import type { Comparison, PairedStats } from '../run/compare.js';
import { lagIntervalText } from '../run/comparisonLag.js';

const TOTAL_ROWS = ['arrivals', 'crossings', 'attempts', 'pushbacks', 'injuries', 'deaths', 'strandedEnd', 'meanTransitDays'];

function num(value: number | null, digits = 0): string {
  if (value === null) return '–';
  const abs = Math.abs(value);
  const d = abs !== 0 && abs < 10 && digits === 0 ? 2 : digits;
  return value.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: 0 });
}

function signed(value: number | null, digits = 0): string {
  if (value === null) return '–';
  return (value > 0 ? '+' : '') + num(value, digits);
}

function share(value: number | null): string {
  return value === null ? '–' : `${(value * 100).toFixed(1)}%`;
}

function row(label: string, s: PairedStats): string[] {
  const d = s.difference;
  return [label, num(s.baseline.mean), num(s.variant.mean), signed(d.mean), `[${signed(d.ciLow)}, ${signed(d.ciHigh)}]`];
}

function table(rows: string[][], header: string[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function formatComparisonTable(c: Comparison): string {
  const out: string[] = [];
  out.push(`baseline: ${c.baseline.scenario}   variant: ${c.variant.scenario}   ${c.runs} paired runs, seed ${c.seed}, ${c.period.start} – ${c.period.end}`);
  out.push('differences are variant − baseline, paired by replicate, with 95% intervals');
  out.push('');
  const borderRows: string[][] = [];
  for (const [id, metrics] of Object.entries(c.borders)) {
    const crossings = metrics.crossings;
    if (crossings.baseline.mean === 0 && crossings.variant.mean === 0) continue;
    const exit = c.exitShareChange[id];
    const shareText = exit === undefined ? '' : `${share(exit.baseline)} → ${share(exit.variant)}`;
    borderRows.push([...row(id, crossings), shareText]);
  }
  out.push(table(borderRows, ['crossings', 'baseline', 'variant', 'difference', '95% CI', 'exit share']));
  out.push('');
  const totalRows = TOTAL_ROWS.filter((k) => c.totals[k] !== undefined).map((k) => row(k, c.totals[k]));
  out.push(table(totalRows, ['totals', 'baseline', 'variant', 'difference', '95% CI']));
  out.push('');
  const d = c.displacement;
  if (d === null) out.push('displacement: no exit border lost crossings');
  else {
    const r = d.ratio;
    const ratio = r === null || r.estimate === null ? 'undefined (nothing lost)' : `${num(r.estimate, 2)} [${num(r.ciLow, 2)}, ${num(r.ciHigh, 2)}]`;
    out.push(`displacement: ${ratio} crossings gained by the other exits per crossing lost on ${d.target} (${num(d.lostOnTarget.mean)} lost, ${signed(d.gainedElsewhere.mean)} elsewhere)`);
  }
  const lag = c.adaptationLag;
  if (lag === null) out.push('adaptation lag: undefined (the scenarios do not differ, or no exit lost crossings)');
  else if (lag.lagDays === null) out.push(`adaptation lag: half of the final shift of ${lag.target}'s exit share (${signed(lag.finalShift, 3)}) never reached after ${lag.differenceFrom}`);
  else {
    out.push(`adaptation lag: ${lag.lagDays} days from ${lag.differenceFrom} to half of the final shift of ${lag.target}'s exit share (${signed(lag.finalShift, 3)}), reached ${lag.halfShiftReachedOn}`);
    const interval = lagIntervalText(lag.lagDaysInterval);
    if (interval !== '') out.push(`  ${interval}`);
  }
  return out.join('\n') + '\n';
}
