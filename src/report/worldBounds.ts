// The geographic bounding box of every Natural Earth outline, computed at build time. Why: the
// report's map keeps the outlines whose box meets the scenario's region, and d3-geo's geoBounds
// over all 241 outlines of the 1:50m atlas took ~0.9 s of a `routeshift run` on a 2-core VM
// (a `--cpu-prof` of `npm start`, 2026-12-04), the same every time since the atlas is a pinned
// dependency. `npm run build` writes them beside the compiled mapGeography.js
// (scripts/generate-world-bounds.mjs); they are used only if they were computed from the very atlas
// file read (a SHA-256 of its text), and computed at run time otherwise (tests run from the
// sources, an atlas changed after the build). JSON keeps every double exactly, so either way the
// map gets the same boxes.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { geoBounds } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';

/** File name of the generated boxes, beside mapGeography.js. */
export const WORLD_BOUNDS_FILE = 'worldBounds.json';

/** [[west, south], [east, north]] as geoBounds gives it (west > east across the antimeridian). */
export type GeoBox = [[number, number], [number, number]];

interface WorldBoundsJson {
  atlasSha256: string;
  bounds: GeoBox[];
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The boxes of every feature of `world`, in feature order. */
export function featureBounds(world: FeatureCollection<Geometry>): GeoBox[] {
  return world.features.map((f) => geoBounds(f) as GeoBox);
}

/** The generated file's text for an atlas (its text and its features). */
export function worldBoundsJson(atlasText: string, world: FeatureCollection<Geometry>): string {
  const out: WorldBoundsJson = { atlasSha256: sha256(atlasText), bounds: featureBounds(world) };
  return JSON.stringify(out) + '\n';
}

/** The generated boxes in `dir` if they were computed from `atlasText` and there is one per
 * feature, else undefined. */
export function loadWorldBounds(dir: URL, atlasText: string, featureCount: number): GeoBox[] | undefined {
  let parsed: WorldBoundsJson;
  try {
    parsed = JSON.parse(readFileSync(new URL(WORLD_BOUNDS_FILE, dir), 'utf8')) as WorldBoundsJson;
  } catch {
    return undefined;
  }
  if (parsed.atlasSha256 !== sha256(atlasText) || !Array.isArray(parsed.bounds) || parsed.bounds.length !== featureCount) return undefined;
  return parsed.bounds;
}
