// The map's projection, shared by the page (country outlines, routes, labels) and the worker (dot
// positions), so both agree to the pixel without sending coordinates back and forth. Same choice as
// the report's map (src/report/mapGeography.ts): a conformal conic with standard parallels inside
// the scenario's box (its places plus a margin), fitted here to a fixed logical frame MAP_WIDTH wide;
// the page scales that frame to the screen.

import { geoConicConformal, geoPath, type GeoProjection } from 'd3-geo';
import { boxOutline, placesBox as boxOf } from '../geo/box.js';

/** Width of the logical map frame, in map units (the page scales it to the canvas). */
export const MAP_WIDTH = 1000;

export interface MapFrame {
  projection: GeoProjection;
  width: number;
  height: number;
}

/** [west, south, east, north] of the places, widened by a margin (≥ 0.6°). */
export function placesBox(places: readonly { lat: number; lon: number }[]): [number, number, number, number] {
  return boxOf(places, 0.6, 0.05);
}

export function mapFrame(places: readonly { lat: number; lon: number }[]): MapFrame {
  const box = placesBox(places);
  const [w, s, e, n] = box;
  const outline = boxOutline(box);
  const projection = geoConicConformal()
    .parallels([s + (n - s) / 6, n - (n - s) / 6])
    .rotate([-(w + e) / 2, 0])
    .fitWidth(MAP_WIDTH, outline);
  const [[, y0], [, y1]] = geoPath(projection).bounds(outline);
  const [tx, ty] = projection.translate();
  projection.translate([tx, ty - y0]);
  return { projection, width: MAP_WIDTH, height: Math.round(y1 - y0) };
}

/** Node positions in map units, as x0, y0, x1, y1, … */
export function projectPlaces(frame: MapFrame, places: readonly { lat: number; lon: number }[]): Float32Array {
  const out = new Float32Array(places.length * 2);
  places.forEach((p, i) => {
    const xy = frame.projection([p.lon, p.lat]) ?? [0, 0];
    out[2 * i] = xy[0];
    out[2 * i + 1] = xy[1];
  });
  return out;
}
