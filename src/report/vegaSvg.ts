// Vega-Lite spec → standalone SVG string, rendered in Node (vega View with renderer 'none' and
// toSVG()), ready to be inlined in one HTML page next to other charts.
//
// Why post-process Vega's SVG: (1) Vega numbers clip paths and gradients with counters that two
// views may share (`id="clip1"` in each) and that differ from process to process: ids are
// renumbered per chart with the chart's prefix; (2) path coordinates come with 3 decimals, 1 is enough on screen and cuts the
// map's SVG by about a fifth; (3) the chart needs one accessible name and description
// (<title>/<desc>, role="img") instead of Vega's per-item aria labels, which the config turns off;
// (4) the font stack is written once on the root rather than on each of ~200 <text> elements,
// and labels Vega hid for overlap (opacity 0) are dropped; (5) country outlines lose the vertices
// closer than a pixel to the previous one (about 60% of the map's bytes).

import { logger, parse, View, Warn, type LoggerInterface, type Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { VEGA_CONFIG } from './theme.js';

/** A Vega-Lite spec as plain data. Typed loosely: the specs are built from data at run time and
 * Vega-Lite's own types would force casts at every nesting level. */
export type VlSpec = Record<string, unknown>;

export interface ChartText {
  /** Short accessible name of the chart. */
  title: string;
  /** Text alternative: what the chart shows and its key numbers. */
  desc: string;
}

/** Warnings Vega-Lite or Vega raised while compiling or rendering (tests expect none). */
export interface RenderWarnings {
  warnings: string[];
}

/** Render a Vega-Lite spec to SVG with ids prefixed by `idPrefix` and a <title>/<desc>. */
export async function renderSvg(spec: VlSpec, idPrefix: string, text: ChartText, sink?: RenderWarnings): Promise<string> {
  const log = collectingLogger(sink);
  const full = { ...spec, config: { ...VEGA_CONFIG, ...(spec.config as object | undefined) } };
  const vg: VegaSpec = compile(full as unknown as TopLevelSpec, { logger: log }).spec;
  const view = new View(parse(vg), { renderer: 'none', logger: log });
  const svg = await view.toSVG();
  view.finalize();
  return tidySvg(svg, idPrefix, text);
}

/** Prefix ids, round path coordinates, add the accessible name and description. */
export function tidySvg(svg: string, idPrefix: string, text: ChartText): string {
  // Renumbered in order of appearance: Vega's counters run on across views, so the same chart
  // would otherwise get other ids in another process and the report would not be reproducible.
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/ id="([^"]+)"/g)) if (!ids.has(m[1])) ids.set(m[1], `${idPrefix}-${ids.size + 1}`);
  let out = svg;
  if (ids.size > 0) {
    out = out.replace(/ id="([^"]+)"/g, (_, id: string) => ` id="${ids.get(id)}"`);
    out = out.replace(/url\(#([^)]+)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : whole));
  }
  out = out.replace(/ d="([^"]*)"/g, (_, d: string) => ` d="${roundNumbers(d)}"`);
  out = out.replace(/ transform="translate\(([^)]*)\)"/g, (_, xy: string) => ` transform="translate(${roundNumbers(xy)})"`);
  // Labels Vega hid to avoid overlap are still written, invisible.
  out = out.replace(/<text [^>]*opacity="0"[^>]*>[^<]*<\/text>/g, '');
  // Country outlines (geoshape marks) at 50m detail carry vertices closer together than a pixel.
  out = out.replace(/(<g class="mark-shape[^>]*>)(.*?)(<\/g>)/gs, (_, open: string, body: string, close: string) =>
    open + body.replace(/ d="([^"]*)"/g, (__, d: string) => ` d="${thinPath(d, 1)}"`) + close,
  );
  // One font-family on the root instead of one per <text> (a fifth of a chart's bytes).
  const font = /font-family="([^"]*)"/.exec(out)?.[1];
  if (font !== undefined) out = out.replace(/ font-family="[^"]*"/g, '').replace(/^<svg /, `<svg font-family="${font}" `);
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  return out.replace(
    /^<svg /,
    `<svg role="img" aria-labelledby="${titleId} ${descId}" `,
  ).replace(
    /^(<svg [^>]*>)/,
    `$1<title id="${titleId}">${escapeXml(text.title)}</title><desc id="${descId}">${escapeXml(text.desc)}</desc>`,
  );
}

/** An M/L/Z path without the L vertices closer than `tolPx` to the previous vertex kept (the
 * last vertex before Z or the next M always stays, so rings close where they did). Paths with
 * other commands are returned unchanged. */
export function thinPath(d: string, tolPx: number): string {
  if (/[^MLZ0-9.,\s-]/.test(d)) return d;
  const out: string[] = [];
  for (const sub of d.split('M')) {
    if (sub === '') continue;
    const closed = sub.trimEnd().endsWith('Z');
    const points = sub.replace('Z', '').split('L').map((p) => p.split(',').map(Number));
    const kept = [points[0]];
    for (let i = 1; i < points.length; i++) {
      const [x, y] = kept[kept.length - 1];
      const last = i === points.length - 1;
      if (last || Math.hypot(points[i][0] - x, points[i][1] - y) >= tolPx) kept.push(points[i]);
    }
    out.push(`M${kept.map((p) => p.join(',')).join('L')}${closed ? 'Z' : ''}`);
  }
  return out.join('');
}

/** Numbers in an SVG path rounded to one decimal (-0 written as 0). */
function roundNumbers(d: string): string {
  return d.replace(/-?\d*\.\d+(?:e-?\d+)?/g, (x) => {
    const r = Math.round(Number(x) * 10) / 10;
    return r === 0 ? '0' : String(r);
  });
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A Vega logger that records warnings and errors instead of printing them. */
function collectingLogger(sink?: RenderWarnings): LoggerInterface {
  return logger(Warn, 'warn', (_method, _level, args) => {
    sink?.warnings.push(args.map(String).join(' '));
  });
}
