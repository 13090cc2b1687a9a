// report.html of `routeshift calibrate`: the posterior (a weighted histogram per parameter over its
// prior range, pair plots of the first four parameters), the tolerance schedule, and the fit:
// per benchmark series the observed values against the posterior predictive p05–p95 band and the
// best particle's mean, and per item pass/fail for the best particle and the ensemble. Built from
// the run report's parts (Vega-Lite to SVG, theme, figure and page).

import type { Scorecard } from '../benchmarks/index.js';
import type { RenderedChart } from '../report/chartModel.js';
import { figureHtml, tableHtml } from '../report/figure.js';
import { escapeHtml } from '../report/format.js';
import { pageHtml } from '../report/page.js';
import { FAN, OKABE_ITO } from '../report/theme.js';
import { renderSvg, type VlSpec } from '../report/vegaSvg.js';
import type { AbcState } from './abcSmc.js';
import type { CalibrationJson } from './outputs.js';
import type { FreeParameter } from './paramsFile.js';
import { lastGeneration } from './posterior.js';
import { priorBounds } from './priors.js';

const BINS = 20;

/** Three significant digits: parameters and distances are small numbers, unlike the run report's counts. */
function fmt(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : String(Number(value.toPrecision(3)));
}

async function chart(id: string, title: string, spec: VlSpec, desc: string, caption: string): Promise<string> {
  const alt = { title, desc };
  const svg = await renderSvg(spec, id, alt);
  const rendered: RenderedChart = { id, title, spec, alt, caption, svg };
  return figureHtml(rendered);
}

function histogram(values: number[], weights: number[], lo: number, hi: number): { from: number; to: number; weight: number }[] {
  const bins = Array.from({ length: BINS }, (_, b) => ({ from: lo + ((hi - lo) * b) / BINS, to: lo + ((hi - lo) * (b + 1)) / BINS, weight: 0 }));
  values.forEach((v, i) => {
    const b = Math.min(BINS - 1, Math.max(0, Math.floor(((v - lo) / (hi - lo)) * BINS)));
    bins[b].weight += weights[i];
  });
  return bins;
}

async function posteriorCharts(params: readonly FreeParameter[], state: AbcState): Promise<string> {
  const particles = lastGeneration(state).particles.filter((p) => p.weight > 0);
  const weights = particles.map((p) => p.weight);
  const parts: string[] = [];
  for (const [j, p] of params.entries()) {
    const values = particles.map((x) => x.values[j]);
    const [plo, phi] = priorBounds(p.prior);
    const lo = Number.isFinite(plo) ? plo : Math.min(...values);
    const hi = Number.isFinite(phi) ? phi : Math.max(...values);
    const spec = {
      width: 480,
      height: 140,
      data: { values: histogram(values, weights, lo, hi) },
      mark: { type: 'bar', color: OKABE_ITO.blue },
      encoding: {
        x: { field: 'from', type: 'quantitative', bin: { binned: true }, title: p.path, scale: { domain: [lo, hi] } },
        x2: { field: 'to' },
        y: { field: 'weight', type: 'quantitative', title: 'posterior weight' },
      },
    };
    parts.push(await chart(`post-${j}`, p.path, spec, `Posterior of ${p.path} over its prior range ${fmt(lo)} to ${fmt(hi)}.`, `Weighted histogram of the last population over the prior range (${JSON.stringify(p.prior)}).`));
  }
  const shown = params.slice(0, 4);
  const pairs: VlSpec[] = [];
  for (let a = 0; a < shown.length; a++) {
    for (let b = a + 1; b < shown.length; b++) {
      pairs.push({
        width: 200,
        height: 200,
        data: { values: particles.map((x) => ({ x: x.values[a], y: x.values[b], w: x.weight })) },
        mark: { type: 'circle', opacity: 0.6, color: OKABE_ITO.blue },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: shown[a].path, scale: { zero: false } },
          y: { field: 'y', type: 'quantitative', title: shown[b].path, scale: { zero: false } },
          size: { field: 'w', type: 'quantitative', legend: null },
        },
      });
    }
  }
  if (pairs.length > 0) {
    parts.push(await chart('pairs', 'Pairs', { concat: pairs, columns: 3 }, `Pair plots of ${shown.map((p) => p.path).join(', ')}.`, 'Each dot is a particle of the last population, sized by its weight; a ridge means two parameters trade off against each other.'));
  }
  return parts.join('\n');
}

async function toleranceChart(json: CalibrationJson): Promise<string> {
  const values = json.generations.filter((g) => g.epsilon !== null).map((g) => ({ generation: g.generation, epsilon: g.epsilon, acceptance: g.acceptanceRate }));
  if (values.length === 0) return '<p class="note">Only the prior generation was run.</p>';
  const spec = {
    width: 480,
    height: 160,
    data: { values },
    layer: [
      { mark: { type: 'line', point: true, color: OKABE_ITO.blue }, encoding: { x: { field: 'generation', type: 'ordinal' }, y: { field: 'epsilon', type: 'quantitative', title: 'tolerance ε' } } },
      { mark: { type: 'line', point: true, color: OKABE_ITO.orange, strokeDash: [4, 3] }, encoding: { x: { field: 'generation', type: 'ordinal' }, y: { field: 'acceptance', type: 'quantitative', title: 'acceptance rate (dashed)' } } },
    ],
    resolve: { scale: { y: 'independent' } },
  };
  return chart('tolerance', 'Tolerance and acceptance', spec, 'Tolerance per generation (solid) and share of moves accepted (dashed).', 'The tolerance falls as the population concentrates; a falling acceptance rate means moves rarely land inside it.');
}

async function predictiveCharts(best: Scorecard, predictive: Scorecard): Promise<string> {
  const parts: string[] = [];
  for (const [i, item] of predictive.items.entries()) {
    if (!item.points || item.points.length === 0) continue;
    const bestItem = best.items[i];
    const values = item.points.map((p, k) => ({ label: p.label, observed: p.observed, p05: p.p05, p95: p.p95, best: bestItem?.points?.[k]?.mean ?? null }));
    const x = { field: 'label', type: 'ordinal', title: null, sort: null };
    const spec = {
      width: 560,
      height: 180,
      data: { values },
      layer: [
        { mark: { type: 'area', color: FAN.band, opacity: FAN.bandOpacity }, encoding: { x, y: { field: 'p05', type: 'quantitative', title: item.id }, y2: { field: 'p95' } } },
        { mark: { type: 'line', color: FAN.line }, encoding: { x, y: { field: 'best', type: 'quantitative' } } },
        { mark: { type: 'point', filled: true, color: '#1a1a1a', size: 40 }, encoding: { x, y: { field: 'observed', type: 'quantitative' } } },
      ],
    };
    const covered = item.errors?.coverage;
    parts.push(await chart(`pred-${i}`, item.id, spec, `Observed ${item.id} against the posterior predictive band.`, `Dots: observed (${item.source.document}, ${item.source.where}). Band: posterior predictive p05–p95 (parameters drawn from the posterior, one run each). Line: mean of the best particle's runs.${covered === null || covered === undefined ? '' : ` Coverage of the band: ${Math.round(covered * 100)}%.`}`));
  }
  return parts.length > 0 ? parts.join('\n') : '<p class="note">The benchmarks have no observed series.</p>';
}

function itemsTable(best: Scorecard, predictive: Scorecard): string {
  return tableHtml({
    columns: ['item', 'kind', 'best: pass', 'best: distance', 'posterior predictive: pass', 'distance'],
    rows: best.items.map((it, i) => [it.id, it.kind, it.pass ? 'pass' : 'FAIL', fmt(it.distance), predictive.items[i]?.pass ? 'pass' : 'FAIL', fmt(predictive.items[i]?.distance)]),
    numericFrom: 3,
  });
}

export interface CalibrationReportInput {
  json: CalibrationJson;
  params: readonly FreeParameter[];
  state: AbcState;
  best: Scorecard;
  predictive: Scorecard;
  generator: string;
}

export async function calibrationReport(input: CalibrationReportInput): Promise<string> {
  const { json, params, state, best, predictive } = input;
  const rows = json.parameters.map((p) => [p.path, fmt(p.mean), fmt(p.sd), `${fmt(p.q025)} to ${fmt(p.q975)}`, fmt(json.best.values[p.path])]);
  const split = json.settings.trainUntil
    ? ` Trained on items ending by ${json.settings.trainUntil}: best particle train distance ${fmt(json.fit.best.train?.distance)}, held-out ${fmt(json.fit.best.test?.distance)}.`
    : '';
  return pageHtml({
    title: `Calibration of ${json.settings.scenario}`,
    subtitle: `${json.settings.benchmarks} · ${json.settings.particles} particles · ${json.simulations} simulations · ${json.generations.length} generations · seed ${json.settings.seed}`,
    intro: escapeHtml(`ABC-SMC with adaptive tolerance (Del Moral et al. 2012). Best particle: distance ${fmt(json.fit.best.distance)}, score ${fmt(json.fit.best.score)}; posterior predictive: distance ${fmt(json.fit.posteriorPredictive.distance)}, score ${fmt(json.fit.posteriorPredictive.score)}.${split}`),
    sections: [
      { id: 'posterior', title: 'Posterior', html: tableHtml({ columns: ['parameter', 'mean', 'sd', '95% interval', 'best'], rows, numericFrom: 1 }) + '\n' + (await posteriorCharts(params, state)) },
      { id: 'fit', title: 'Fit to the benchmarks', html: itemsTable(best, predictive) + '\n' + (await predictiveCharts(best, predictive)) },
      { id: 'tolerance', title: 'Tolerance schedule', html: await toleranceChart(json) },
    ],
    generator: input.generator,
  });
}
