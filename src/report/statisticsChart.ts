// What official statistics would show next to what happened: per border, the attempts, the
// detections a country would record and the people who actually crossed, as bars (mean over
// runs) with p05–p95 whiskers, from summary.json.
//
// Why these three: recorded detections count attempts, not people (one person turned back five
// times is five detections) and miss what is not detected or not reported, so they can be far
// above or below the true number of crossings; side by side the gap is visible per border.

import { OKABE_ITO } from './theme.js';
import { fmt, fmtStats } from './format.js';
import { meanOf, statsTable, topBy, type ChartDef, type RunContext } from './chartModel.js';

const MEASURES = [
  { metric: 'attempts', label: 'Attempts', color: OKABE_ITO.orange },
  { metric: 'detectionsRecorded', label: 'Detections recorded', color: OKABE_ITO.vermillion },
  { metric: 'crossings', label: 'People who crossed', color: OKABE_ITO.blue },
];

export function statisticsChart(ctx: RunContext): ChartDef | undefined {
  const { summary } = ctx;
  const borders = topBy(summary.borders, (b) => meanOf(b.attempts), 8);
  if (borders.length === 0) return undefined;
  const values = borders.flatMap((b) =>
    MEASURES.map((m) => {
      const s = summary.borders[b][m.metric];
      return { border: b, measure: m.label, mean: s?.mean ?? 0, p05: s?.p05 ?? 0, p95: s?.p95 ?? 0 };
    }),
  );
  const y = { field: 'border', type: 'nominal', sort: borders, axis: { title: null, labelFontWeight: 600 } };
  const yOffset = { field: 'measure', type: 'nominal', sort: MEASURES.map((m) => m.label) };
  const spec = {
    width: ctx.widthPx - 300,
    height: { step: 13 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.9 } },
        encoding: {
          y,
          yOffset,
          x: { field: 'mean', type: 'quantitative', axis: { title: 'over the whole period (mean; whiskers p05–p95)', format: '~s' } },
          color: {
            field: 'measure',
            type: 'nominal',
            sort: MEASURES.map((m) => m.label),
            scale: { domain: MEASURES.map((m) => m.label), range: MEASURES.map((m) => m.color) },
            legend: { title: null, orient: 'right', labelLimit: 220 },
          },
        },
      },
      { mark: { type: 'rule', color: '#222', strokeWidth: 1 }, encoding: { y, yOffset, x: { field: 'p05', type: 'quantitative' }, x2: { field: 'p95' } } },
    ],
  };
  const t = summary.totals;
  const ratio = meanOf(t.crossings) > 0 ? meanOf(t.detectionsRecorded) / meanOf(t.crossings) : NaN;
  const perBorder = borders
    .slice(0, 4)
    .map((b) => `${b}: ${fmt(meanOf(summary.borders[b].detectionsRecorded))} recorded for ${fmt(meanOf(summary.borders[b].crossings))} crossings`)
    .join('; ');
  return {
    id: 'recorded',
    title: 'Recorded detections and true crossings',
    spec,
    alt: {
      title: 'Recorded detections compared with attempts and true crossings, per border',
      desc: `Grouped bars with p05–p95 whiskers. All borders: ${fmt(meanOf(t.detectionsRecorded))} detections recorded, ${fmt(meanOf(t.crossings))} crossings, ${fmt(meanOf(t.attempts))} attempts. ${perBorder}.`,
    },
    caption:
      `Official statistics count detected attempts, not people, and only the share each country reports. ` +
      `On all borders: ${fmtStats(t.detectionsRecorded)} detections recorded for ${fmtStats(t.crossings)} crossings ` +
      `and ${fmtStats(t.attempts)} attempts${Number.isFinite(ratio) ? ` (${ratio.toFixed(2)} recorded detections per crossing)` : ''}. ` +
      `${perBorder}.`,
    table: statsTable('border', borders, MEASURES.map((m) => m.metric), (b, m) => summary.borders[b][m]),
  };
}
