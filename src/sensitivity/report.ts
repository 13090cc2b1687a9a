// report.html of `routeshift sensitivity`: per output, a bar chart of the parameters' indices with
// their 95% bootstrap intervals as whiskers (Morris μ* and σ, or Sobol' first-order and total), the
// numbers in a table beneath, drawn with the run report's Vega-Lite renderer, theme and page.

import type { FreeParameter } from '../calibration/paramsFile.js';
import type { RenderedChart } from '../report/chartModel.js';
import { figureHtml } from '../report/figure.js';
import { escapeHtml } from '../report/format.js';
import { pageHtml } from '../report/page.js';
import { OKABE_ITO } from '../report/theme.js';
import { renderSvg } from '../report/vegaSvg.js';
import type { SensitivityResult, SensitivitySettings } from './analysis.js';
import { INDEX_NAMES } from './outputs.js';

const LABEL: Record<string, string> = { muStar: 'μ* (mean |effect|)', sigma: 'σ (sd of effects)', mu: 'μ', first: 'first-order S1', total: 'total ST' };

async function outputChart(settings: SensitivitySettings, output: SensitivityResult['outputs'][number], index: number): Promise<RenderedChart> {
  const shown = settings.method === 'morris' ? ['muStar', 'sigma'] : ['first', 'total'];
  const values = output.factors.flatMap((f) =>
    shown.map((name) => ({
      parameter: f.path,
      index: LABEL[name],
      value: Number.isFinite(f.values[name]) ? f.values[name] : 0,
      low: f.intervals[name]?.low ?? f.values[name],
      high: f.intervals[name]?.high ?? f.values[name],
    })),
  );
  const key = settings.method === 'morris' ? 'muStar' : 'total';
  const order = [...output.factors].sort((a, b) => (b.values[key] ?? 0) - (a.values[key] ?? 0)).map((f) => f.path);
  const y = { field: 'parameter', type: 'nominal', sort: order, axis: { title: null, labelLimit: 320 } };
  const yOffset = { field: 'index', type: 'nominal', sort: shown.map((n) => LABEL[n]) };
  const color = { field: 'index', type: 'nominal', sort: shown.map((n) => LABEL[n]), scale: { range: [OKABE_ITO.blue, OKABE_ITO.orange] }, legend: { title: null, orient: 'top', labelLimit: 400 } };
  const spec = {
    width: 480,
    height: { step: 16 },
    data: { values },
    layer: [
      { mark: { type: 'bar', height: { band: 0.85 } }, encoding: { y, yOffset, color, x: { field: 'value', type: 'quantitative', title: settings.method === 'morris' ? 'effect per prior range' : 'share of output variance' } } },
      { mark: { type: 'rule', color: '#333333' }, encoding: { y, yOffset, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
    ],
  };
  const top = order[0];
  const alt = { title: `Sensitivity of ${output.output}`, desc: `${settings.method === 'morris' ? 'Morris μ* and σ' : 'Sobol first-order and total indices'} of ${output.output} for ${output.factors.length} parameters; largest: ${top}.` };
  const svg = await renderSvg(spec, `sens-${index}`, alt);
  const names = INDEX_NAMES[settings.method];
  return {
    id: `sens-${index}`,
    title: output.output,
    spec,
    alt,
    svg,
    caption: `${alt.desc} Whiskers: 95% bootstrap intervals.`,
    table: {
      columns: ['parameter', ...names.map((n) => LABEL[n])],
      rows: order.map((path) => {
        const f = output.factors.find((x) => x.path === path) as SensitivityResult['outputs'][number]['factors'][number];
        return [path, ...names.map((n) => (Number.isFinite(f.values[n]) ? f.values[n].toPrecision(3) : '–'))];
      }),
      numericFrom: 1,
    },
  };
}

export async function sensitivityReport(scenario: string, settings: SensitivitySettings, params: readonly FreeParameter[], result: SensitivityResult, generator: string): Promise<string> {
  const charts = [];
  for (const [i, o] of result.outputs.entries()) charts.push(figureHtml(await outputChart(settings, o, i)));
  const method =
    settings.method === 'morris'
      ? `Morris screening, ${settings.trajectories} trajectories on a ${settings.levels}-level grid (Campolongo et al. 2007): μ* is the mean absolute change of the output when a parameter moves over its prior range, σ the spread of those changes (high σ: non-linear or interacting).`
      : `Sobol' indices from ${settings.samples} base samples (Saltelli et al. 2010; Jansen total): S1 is the share of the output's variance a parameter explains alone, ST with all its interactions.`;
  const paramRows = params.map((p) => `<li><code>${escapeHtml(p.path)}</code>: ${escapeHtml(JSON.stringify(p.prior))} — ${escapeHtml(p.source ?? p.guess ?? '')}</li>`).join('\n');
  return pageHtml({
    title: `Sensitivity of ${scenario}`,
    subtitle: `${settings.method} · ${result.points} points × ${settings.runsPerPoint} runs · seed ${settings.seed}`,
    intro: escapeHtml(method) + ' Each point runs the same replicates (common random numbers), so differences between points come from the parameters.',
    sections: [
      { id: 'indices', title: 'Indices', html: charts.join('\n') },
      { id: 'parameters', title: 'Parameters', html: `<ul class="sources">${paramRows}</ul>` },
    ],
    generator,
  });
}
