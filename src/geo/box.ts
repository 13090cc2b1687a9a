// The geographic frame of a scenario's places, shared by the HTML report's maps and the browser
// demo's map: a [west, south, east, north] box with a margin, and points along its edge for
// fitting a conic projection (which bends parallels, so corners alone are not enough). Pure, no
// I/O, so it bundles for the browser.

import type { MultiPoint } from 'geojson';

/** [west, south, east, north] of the places, widened by max(minMarginDeg, marginShare × extent). */
export function placesBox(
  places: readonly { lat: number; lon: number }[],
  minMarginDeg: number,
  marginShare: number,
): [number, number, number, number] {
  const lons = places.map((n) => n.lon);
  const lats = places.map((n) => n.lat);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const margin = Math.max(minMarginDeg, marginShare * Math.max(e - w, n - s));
  return [w - margin, s - margin, e + margin, n + margin];
}

/** Points along the edge of a [west, south, east, north] box. */
export function boxOutline([w, s, e, n]: readonly number[]): MultiPoint {
  const coordinates: [number, number][] = [];
  for (let i = 0; i <= 10; i++) {
    const t = i / 10;
    coordinates.push([w + t * (e - w), s], [w + t * (e - w), n], [w, s + t * (n - s)], [e, s + t * (n - s)]);
  }
  return { type: 'MultiPoint', coordinates };
}
