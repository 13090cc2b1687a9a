// The map: country outlines (Natural Earth 1:50m from world-atlas, bundled), the route network,
// place names and, per border crossing, a bar across the route whose length shows how closed it
// is, drawn once in SVG; the people as dots on a canvas above it, redrawn every animation frame.
// Both use projection.ts's logical frame, scaled to the container like an SVG viewBox with
// "meet", so the dots land on the routes at any window size.
//
// Dots are small squares written straight into an ImageData and put on the canvas once per frame.
// Why: with 20,000–32,000 dots, one canvas path of rects per colour cost ~4 ms of script but ~30 ms of
// rasterisation per frame in headless Chromium without a GPU (21 fps); pixels cost a few ms in all
// (bench/DECLARATION.md, "the browser demo").

import { geoBounds, geoContains, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { CATEGORIES, SHOWN_FIELDS, type AgentFrame, type ScenarioMeta } from '../protocol.js';
import { mapFrame, placesBox, projectPlaces, type MapFrame } from '../projection.js';
import { percent, shortPlace } from './format.js';
import { CATEGORY_COLOURS, DRAW_ORDER, EXIT_COLOURS } from './theme.js';

const SVG = 'http://www.w3.org/2000/svg';
/** Side of a dot in CSS pixels. */
const DOT_PX = 3.2;
/** Font size of place names in CSS pixels (converted to map units at the current scale). */
const PLACE_FONT_PX = 15;
const COUNTRY_FONT_PX = 17;

type World = FeatureCollection<Geometry, { name: string }>;

/** Category colours as RGBA pixels in the byte order of ImageData (little-endian: ABGR in a uint32). */
const PACKED = CATEGORIES.map((c) => {
  const hex = CATEGORY_COLOURS[c];
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
});

export interface MapView {
  /** Redraw the dots at fraction t ∈ [0, 1] of the way to the next day. */
  drawDots(agents: AgentFrame, t: number): void;
  /** Show the current enforcement (borders × SHOWN_FIELDS). */
  setEnforcement(values: Float64Array): void;
  /** Show each exit's share next to its crossings. */
  setShares(shares: { border: string; share: number; crossings: number }[]): void;
  destroy(): void;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent?.appendChild(node);
  return node;
}

export function createMapView(container: HTMLElement, meta: ScenarioMeta, world: Topology): MapView {
  container.replaceChildren();
  const frame = mapFrame(meta.nodes);
  const xy = projectPlaces(frame, meta.nodes);
  const svg = el('svg', { class: 'map-base', viewBox: `0 0 ${frame.width} ${frame.height}`, preserveAspectRatio: 'xMidYMid meet', role: 'img' });
  svg.setAttribute('aria-label', `Map of ${meta.countries.map((c) => c.name).join(', ')} with the routes between ${meta.nodes.length} places`);
  container.appendChild(svg);
  const canvas = document.createElement('canvas');
  canvas.className = 'map-dots';
  canvas.setAttribute('aria-hidden', 'true');
  container.appendChild(canvas);
  const ctx = canvas.getContext('2d', { alpha: true })!;
  // Names and exit chips above the dots, so a crowd never hides them.
  const overlay = el('svg', { class: 'map-overlay', viewBox: `0 0 ${frame.width} ${frame.height}`, preserveAspectRatio: 'xMidYMid meet', 'aria-hidden': 'true' });
  container.appendChild(overlay);

  const countryLabels = drawCountries(svg, frame, meta, world);
  const countryNames = el('g', { class: 'country-labels' }, svg);
  const routes = el('g', { class: 'routes' }, svg);
  const barriers = el('g', { class: 'barriers' }, svg);
  const places = el('g', { class: 'places' }, svg);
  const labels = el('g', { class: 'place-labels' }, overlay);
  const chips = el('g', { class: 'exit-chips' }, overlay);

  // One line per pair of places, whichever directions the scenario has.
  const pairs = new Map<string, number[]>();
  meta.edges.forEach((e, i) => {
    const key = e.from < e.to ? `${e.from}-${e.to}` : `${e.to}-${e.from}`;
    pairs.set(key, [...(pairs.get(key) ?? []), i]);
  });
  const barrierMarks: { edges: number[]; line: SVGLineElement; cx: number; cy: number; nx: number; ny: number }[] = [];
  for (const edgeIds of pairs.values()) {
    const e = meta.edges[edgeIds[0]];
    const [x1, y1, x2, y2] = [xy[2 * e.from], xy[2 * e.from + 1], xy[2 * e.to], xy[2 * e.to + 1]];
    const crossing = e.border >= 0;
    el('line', { x1, y1, x2, y2, class: crossing ? 'route crossing' : 'route' }, routes);
    if (!crossing) continue;
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const line = el('line', { class: 'barrier' }, barriers);
    barrierMarks.push({ edges: edgeIds, line, cx: (x1 + x2) / 2, cy: (y1 + y2) / 2, nx: -(y2 - y1) / len, ny: (x2 - x1) / len });
  }
  meta.nodes.forEach((n, i) => {
    const major = n.kind === 'entry' || n.kind === 'destination';
    el('circle', { cx: xy[2 * i], cy: xy[2 * i + 1], r: major ? 5 : 2.6, class: `place ${n.kind}` }, places);
  });

  // Exit chips: the border's name and its share, set off from the middle of its crossings into
  // the country it leads to (direction from one country's places to the other's), joined to it by a line.
  const centre = (code: string) => {
    let x = 0;
    let y = 0;
    let n = 0;
    meta.nodes.forEach((node, i) => {
      if (node.country !== code) return;
      x += xy[2 * i];
      y += xy[2 * i + 1];
      n++;
    });
    return n > 0 ? [x / n, y / n] : [0, 0];
  };
  const exitChips = meta.exits.map((b, k) => {
    const border = meta.borders[b];
    const mids = meta.edges.flatMap((e) => (e.border === b ? [[(xy[2 * e.from] + xy[2 * e.to]) / 2, (xy[2 * e.from + 1] + xy[2 * e.to + 1]) / 2]] : []));
    const cx = mids.reduce((s, p) => s + p[0], 0) / mids.length;
    const cy = mids.reduce((s, p) => s + p[1], 0) / mids.length;
    const [ax, ay] = centre(border.slice(0, 2));
    const [bx, by] = centre(border.slice(3));
    const len = Math.hypot(bx - ax, by - ay) || 1;
    const g = el('g', { class: 'exit-chip', 'data-border': border }, chips);
    const leader = el('line', { class: 'leader', stroke: EXIT_COLOURS[k % EXIT_COLOURS.length] }, g);
    const rect = el('rect', { rx: 4, stroke: EXIT_COLOURS[k % EXIT_COLOURS.length] }, g);
    const text = el('text', { 'dominant-baseline': 'central' }, g);
    text.textContent = border;
    return { g, leader, rect, text, cx, cy, dx: (bx - ax) / len, dy: (by - ay) / len, border };
  });

  let image: ImageData | undefined;
  let pixels = new Uint32Array(0);
  let scale = 1;
  let offsetX = 0;
  let offsetY = 0;
  let dpr = 1;

  function layout(): void {
    const w = container.clientWidth;
    const h = container.clientHeight;
    if (w === 0 || h === 0) return;
    dpr = window.devicePixelRatio || 1;
    scale = Math.min(w / frame.width, h / frame.height);
    offsetX = (w - frame.width * scale) / 2;
    offsetY = (h - frame.height * scale) / 2;
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    container.style.setProperty('--u', String(1 / scale));
    // Names must fit in the part of the frame on screen (the frame is letterboxed in the container).
    const visible: [number, number, number, number] = [-offsetX / scale, -offsetY / scale, (w - offsetX) / scale, (h - offsetY) / scale];
    const taken = layoutChips();
    placeLabels(labels, meta, xy, PLACE_FONT_PX / scale, taken, visible);
    // Country names last, clear of the chips and place names (on a projector, text over text is unreadable).
    placeCountryLabels(countryNames, countryLabels, COUNTRY_FONT_PX / scale, taken);
  }

  /** Place the chips (wide enough for "RS-HU 100%", so they never move as shares change); returns their boxes. */
  function layoutChips(): [number, number, number, number][] {
    const font = PLACE_FONT_PX / scale;
    const placed: [number, number, number, number][] = [];
    for (const c of exitChips) {
      const width = 10 * font * 0.64 + font;
      const height = font * 1.6;
      // Out along the direction of travel until clear of the chips already placed.
      let box: [number, number, number, number] = [0, 0, 0, 0];
      for (let distance = 46 / scale; distance < 400 / scale; distance += 12 / scale) {
        const x = c.cx + c.dx * distance - width / 2;
        const y = c.cy + c.dy * distance - height / 2;
        box = [x, y, x + width, y + height];
        if (!placed.some((p) => box[0] < p[2] && box[2] > p[0] && box[1] < p[3] && box[3] > p[1])) break;
      }
      placed.push(box);
      const [x, y] = box;
      c.rect.setAttribute('x', String(x));
      c.rect.setAttribute('y', String(y));
      c.rect.setAttribute('width', String(width));
      c.rect.setAttribute('height', String(height));
      c.text.setAttribute('x', String(x + font / 2));
      c.text.setAttribute('y', String(y + height / 2));
      c.leader.setAttribute('x1', String(c.cx));
      c.leader.setAttribute('y1', String(c.cy));
      c.leader.setAttribute('x2', String(x + width / 2));
      c.leader.setAttribute('y2', String(y + height / 2));
    }
    return placed;
  }

  const observer = new ResizeObserver(layout);
  observer.observe(container);
  layout();

  return {
    drawDots(agents, t) {
      const w = canvas.width;
      const h = canvas.height;
      if (w === 0 || h === 0) return;
      if (!image || image.width !== w || image.height !== h) {
        image = ctx.createImageData(w, h);
        pixels = new Uint32Array(image.data.buffer);
      }
      pixels.fill(0);
      const s = scale * dpr;
      const size = Math.max(2, Math.round(DOT_PX * dpr));
      const ox = offsetX * dpr - size / 2;
      const oy = offsetY * dpr - size / 2;
      const { pos, offsets } = agents;
      for (const c of DRAW_ORDER) {
        const colour = PACKED[c];
        for (let i = offsets[c], end = offsets[c + 1]; i < end; i++) {
          const k = 4 * i;
          const x0 = Math.round((pos[k] + pos[k + 2] * t) * s + ox);
          const y0 = Math.round((pos[k + 1] + pos[k + 3] * t) * s + oy);
          if (x0 < 0 || y0 < 0 || x0 + size > w || y0 + size > h) continue;
          for (let y = y0; y < y0 + size; y++) pixels.fill(colour, y * w + x0, y * w + x0 + size);
        }
      }
      ctx.putImageData(image, 0, 0);
    },
    setEnforcement(values) {
      const F = SHOWN_FIELDS.length;
      const at = (edge: number, field: (typeof SHOWN_FIELDS)[number]) => values[meta.edges[edge].border * F + SHOWN_FIELDS.indexOf(field)];
      for (const m of barrierMarks) {
        let closed = 0;
        let corridor = false;
        for (const e of m.edges) {
          if (at(e, 'legalCorridor') > 0) corridor = true;
          else closed = Math.max(closed, 1 - (1 - at(e, 'fence')) * (1 - at(e, 'detection') * at(e, 'pushback')));
        }
        const half = corridor ? 7 : 3 + 12 * closed;
        m.line.setAttribute('x1', String(m.cx - m.nx * half));
        m.line.setAttribute('y1', String(m.cy - m.ny * half));
        m.line.setAttribute('x2', String(m.cx + m.nx * half));
        m.line.setAttribute('y2', String(m.cy + m.ny * half));
        m.line.setAttribute('class', corridor ? 'barrier corridor' : closed >= 0.5 ? 'barrier closed' : 'barrier');
        m.line.style.opacity = corridor ? '1' : String(0.35 + 0.65 * closed);
      }
    },
    setShares(shares) {
      for (const c of exitChips) {
        const s = shares.find((x) => x.border === c.border);
        c.text.textContent = s && s.crossings > 0 ? `${c.border} ${percent(s.share)}` : c.border;
      }
    },
    destroy() {
      observer.disconnect();
      container.replaceChildren();
    },
  };
}

interface CountryLabel {
  x: number;
  y: number;
  text: string;
}

/** Land and water, the scenario's countries a shade darker; returns where their names go. */
function drawCountries(svg: SVGSVGElement, frame: MapFrame, meta: ScenarioMeta, world: Topology): CountryLabel[] {
  const all = feature(world, world.objects.countries) as World;
  const [w, s, e, n] = placesBox(meta.nodes);
  const pad = Math.max(e - w, n - s);
  const near = all.features.filter((f) => {
    const [[x0, y0], [x1, y1]] = geoBounds(f);
    return x1 >= w - pad && x0 <= e + pad && y1 >= s - pad && y0 <= n + pad;
  });
  const draw = frame.projection
    .clipExtent([
      [-frame.width, -frame.height],
      [2 * frame.width, 2 * frame.height],
    ]);
  const path = geoPath(draw);
  el('rect', { x: -frame.width, y: -frame.height, width: 3 * frame.width, height: 3 * frame.height, class: 'water' }, svg);
  const land = el('g', { class: 'countries' }, svg);
  const inScenario = new Map<Feature, string>();
  for (const c of meta.countries) {
    const votes = new Map<Feature, number>();
    for (const node of meta.nodes) {
      if (node.country !== c.code) continue;
      const hit = near.find((f) => geoContains(f, [node.lon, node.lat]));
      if (hit) votes.set(hit, (votes.get(hit) ?? 0) + 1);
    }
    const best = [...votes].sort((a, b) => b[1] - a[1])[0];
    if (best && !inScenario.has(best[0])) inScenario.set(best[0], c.code);
  }
  for (const f of near) {
    const d = path(f);
    if (d) el('path', { d, class: inScenario.has(f) ? 'country scenario' : 'country' }, land);
  }
  // Names of the scenario's countries at the centre of their visible part.
  const out: CountryLabel[] = [];
  const visible = geoPath(
    frame.projection.clipExtent([
      [0, 0],
      [frame.width, frame.height],
    ]),
  );
  for (const [f, code] of inScenario) {
    if (visible.area(f) < 1500) continue;
    const [x, y] = visible.centroid(f);
    if (!Number.isFinite(x)) continue;
    out.push({ x, y, text: (meta.countries.find((c) => c.code === code)?.name ?? code).toUpperCase() });
  }
  frame.projection.clipExtent(null);
  return out;
}

/** Country names near their centres, moved up, down or sideways (or left out) where they would
 * overlap each other or the boxes already `taken` (chips, place names). */
function placeCountryLabels(g: SVGGElement, labels: readonly CountryLabel[], font: number, avoid: readonly [number, number, number, number][]): void {
  g.replaceChildren();
  const taken: [number, number, number, number][] = [...avoid];
  const shifts = [0, -1.2, 1.2, -2.4, 2.4, -3.6, 3.6].flatMap((dy) => [0, -0.3, 0.3].map((dx) => [dx, dy] as const));
  for (const l of labels) {
    const width = l.text.length * font * 0.78;
    for (const [dx, dy] of shifts) {
      const x = l.x + dx * width;
      const y = l.y + dy * font;
      const box: [number, number, number, number] = [x - width / 2, y - font, x + width / 2, y + font * 0.2];
      if (taken.some((t) => box[0] < t[2] && box[2] > t[0] && box[1] < t[3] && box[3] > t[1])) continue;
      taken.push(box);
      const text = el('text', { x, y, 'text-anchor': 'middle', class: 'country-label' }, g);
      text.textContent = l.text;
      break;
    }
  }
}



/** Names of entries, destinations, hubs and camps, placed greedily without overlapping each other or `taken`. */
function placeLabels(
  g: SVGGElement,
  meta: ScenarioMeta,
  xy: Float32Array,
  font: number,
  taken: [number, number, number, number][],
  [vx0, vy0, vx1, vy1]: [number, number, number, number],
): void {
  g.replaceChildren();
  const rank = (kind: string) => ['entry', 'destination', 'hub', 'camp'].indexOf(kind);
  const order = meta.nodes.map((n, i) => ({ n, i })).filter(({ n }) => rank(n.kind) >= 0).sort((a, b) => rank(a.n.kind) - rank(b.n.kind));
  const overlaps = (b: [number, number, number, number]) => taken.some((t) => b[0] < t[2] && b[2] > t[0] && b[1] < t[3] && b[3] > t[1]);
  for (const { n, i } of order) {
    const name = shortPlace(n.name);
    const width = name.length * font * 0.56;
    const x = xy[2 * i];
    const y = xy[2 * i + 1];
    const gap = font * 0.45;
    const candidates: [number, number, 'start' | 'end'][] = [
      [x + gap, y + font * 0.35, 'start'],
      [x - gap, y + font * 0.35, 'end'],
      [x + gap * 0.5, y - gap, 'start'],
      [x + gap * 0.5, y + font + gap * 0.5, 'start'],
    ];
    for (const [tx, ty, anchor] of candidates) {
      const left = anchor === 'start' ? tx : tx - width;
      const box: [number, number, number, number] = [left, ty - font * 0.8, left + width, ty + font * 0.2];
      if (box[0] < vx0 || box[2] > vx1 || box[1] < vy0 || box[3] > vy1 || overlaps(box)) continue;
      taken.push(box);
      const text = el('text', { x: tx, y: ty, 'text-anchor': anchor, class: `place-label ${n.kind}` }, g);
      text.textContent = name;
      break;
    }
  }
}
