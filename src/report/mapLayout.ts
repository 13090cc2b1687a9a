// Screen layout of one map panel, computed with the panel's d3-geo projection: a flow arrow
// across each used crossing (line width by people crossing, head pointing the main direction),
// and label positions for borders, places and countries that avoid each other and the arrows.
//
// Why arrows of a fixed length rather than the segments themselves: the scenario's crossing
// segments join places on either side of the line, often 5–20 km apart, which is 2–10 px on the
// map; a 16 px wide line that short is a blob. A fixed-length arrow centred on the crossing keeps
// width readable and shows the direction.

import { crossingPoint, type MapFrame } from './mapGeography.js';
import type { MapNetwork, MapSegment } from './mapFlows.js';
import { fmtCompact } from './format.js';
import { placeLabels, type Box, type LabelRequest } from './labelPlacement.js';
import { shortName } from './format.js';

export interface FlowArrow {
  /** Tail and the base of the head, [lon, lat]. */
  x: number;
  y: number;
  x2: number;
  y2: number;
  /** Centre of the head, [lon, lat], its angle (degrees clockwise from east) and area in px². */
  hx: number;
  hy: number;
  angle: number;
  headSize: number;
  /** People per crossing point (the border's flow split between its crossing points). */
  flow: number;
  /** Comparison: change of the border's flow. */
  change: number;
  border: string;
}

export interface MapText {
  lon: number;
  lat: number;
  text: string;
  kind: 'border' | 'place' | 'country';
}

export interface MapLayout {
  arrows: FlowArrow[];
  /** Crossings nobody used in the window. */
  unused: MapSegment[];
  texts: MapText[];
}

export interface LayoutOptions {
  /** People crossing per border pair in the window. */
  flows: ReadonlyMap<string, number>;
  change?: ReadonlyMap<string, number>;
  /** Width scale: flow per crossing point at the widest line, and that width. */
  maxSegmentFlow: number;
  maxWidthPx: number;
  arrowPx: number;
  fontSize: number;
  placeNames: boolean;
  /** Smallest border flow that gets a label (people). */
  labelMinFlow: number;
  /** Second line of a border's label per pair (default: its flow, e.g. "203K"). */
  labelValues?: ReadonlyMap<string, string>;
}

/** Line width of a flow on the linear scale [0, maxSegmentFlow] → [0.8, maxWidthPx] (the legend's). */
export function lineWidth(flow: number, o: Pick<LayoutOptions, 'maxSegmentFlow' | 'maxWidthPx'>): number {
  return 0.8 + ((o.maxWidthPx - 0.8) * flow) / Math.max(o.maxSegmentFlow, 1);
}

export function mapLayout(frame: MapFrame, network: MapNetwork, o: LayoutOptions): MapLayout {
  const { projection } = frame;
  const toLonLat = (x: number, y: number): [number, number] => projection.invert?.([x, y]) ?? [NaN, NaN];
  const arrows: FlowArrow[] = [];
  const unused: MapSegment[] = [];
  const obstacles: Box[] = [];
  const borderLabels: (LabelRequest & { flow: number })[] = [];

  for (const b of network.borders) {
    const flow = o.flows.get(b.pair) ?? 0;
    if (flow <= 0) {
      unused.push(...b.segments);
      continue;
    }
    const source = b.label.split('-')[0];
    const perSegment = flow / b.segments.length;
    const width = lineWidth(perSegment, o);
    const head = Math.max(7, 1.9 * width);
    const boxes: Box[] = [];
    for (const s of b.segments) {
      const p = projection([s.x, s.y]);
      const q = projection([s.x2, s.y2]);
      if (!p || !q) continue;
      const [from, to] = s.from === source ? [p, q] : [q, p];
      const len = Math.hypot(to[0] - from[0], to[1] - from[1]) || 1;
      const u = [(to[0] - from[0]) / len, (to[1] - from[1]) / len];
      const m = projection(crossingPoint(frame, s)) ?? [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2];
      const half = o.arrowPx / 2;
      const tail = [m[0] - u[0] * half, m[1] - u[1] * half];
      const centre = [m[0] + u[0] * (half - head / 2), m[1] + u[1] * (half - head / 2)];
      const [x, y] = toLonLat(tail[0], tail[1]);
      const [x2, y2] = toLonLat(centre[0], centre[1]);
      const [hx, hy] = toLonLat(centre[0], centre[1]);
      const angle = (Math.atan2(u[1], u[0]) * 180) / Math.PI;
      arrows.push({ x, y, x2, y2, hx, hy, angle, headSize: head * head, flow: perSegment, change: o.change?.get(b.pair) ?? 0, border: b.label });
      const pad = Math.max(width, head) / 2;
      const box = {
        x0: Math.min(tail[0], m[0] + u[0] * half) - pad,
        y0: Math.min(tail[1], m[1] + u[1] * half) - pad,
        x1: Math.max(tail[0], m[0] + u[0] * half) + pad,
        y1: Math.max(tail[1], m[1] + u[1] * half) + pad,
      };
      obstacles.push(box);
      boxes.push(box);
    }
    if (boxes.length > 0 && flow >= o.labelMinFlow) {
      const anchor = {
        x0: Math.min(...boxes.map((q) => q.x0)),
        y0: Math.min(...boxes.map((q) => q.y0)),
        x1: Math.max(...boxes.map((q) => q.x1)),
        y1: Math.max(...boxes.map((q) => q.y1)),
      };
      borderLabels.push({ anchor, text: `${b.label}\n${o.labelValues?.get(b.pair) ?? fmtCompact(flow)}`, fontSize: o.fontSize, bold: true, gapPx: 1, flow });
    }
  }
  borderLabels.sort((a, b) => b.flow - a.flow);

  const requests: (LabelRequest & { kind: MapText['kind'] })[] = borderLabels.map((r) => ({ ...r, kind: 'border' as const }));
  for (const p of network.places) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const dot = { x0: xy[0] - 3, y0: xy[1] - 3, x1: xy[0] + 3, y1: xy[1] + 3 };
    obstacles.push(dot);
    if (o.placeNames && (p.kind === 'entry' || p.kind === 'destination')) {
      requests.push({ anchor: dot, text: shortName(p.name), fontSize: o.fontSize - 1, gapPx: 1, kind: 'place' });
    }
  }
  for (const c of frame.countryLabels) {
    const xy = projection([c.lon, c.lat]);
    if (xy) requests.push({ anchor: { x0: xy[0], y0: xy[1], x1: xy[0], y1: xy[1] }, text: c.text.toUpperCase(), fontSize: o.fontSize - 2, kind: 'country' });
  }
  const placed = placeLabels(requests, obstacles, frame.widthPx, frame.heightPx);
  const texts = placed.map((l) => {
    const [lon, lat] = toLonLat(l.cx, l.cy);
    return { lon, lat, text: l.request.text, kind: (l.request as (typeof requests)[number]).kind };
  });
  return { arrows, unused, texts };
}
