// The outline boxes generated at build time (src/report/worldBounds.ts) are exactly d3-geo's
// geoBounds of every outline of the atlas (after a JSON round trip), and they are used only when
// computed from the atlas text being read and complete.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { geoBounds } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { afterAll, describe, expect, it } from 'vitest';
import { WORLD_BOUNDS_FILE, loadWorldBounds, worldBoundsJson } from '../../src/report/worldBounds.js';

const atlasText = readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-50m.json'), 'utf8');
const topo = JSON.parse(atlasText) as Topology;
const world = feature(topo, topo.objects.countries) as FeatureCollection<Geometry>;
const dir = mkdtempSync(join(tmpdir(), 'routeshift-bounds-'));
const dirUrl = pathToFileURL(`${dir}/`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('world outline boxes generated at build time', () => {
  writeFileSync(join(dir, WORLD_BOUNDS_FILE), worldBoundsJson(atlasText, world));

  it('are geoBounds of every outline, bit for bit, including those across the antimeridian', () => {
    const loaded = loadWorldBounds(dirUrl, atlasText, world.features.length);
    expect(loaded).toBeDefined();
    expect(loaded).toHaveLength(world.features.length);
    world.features.forEach((f, i) => expect(loaded![i]).toEqual(geoBounds(f)));
    // Russia and Fiji span the antimeridian: west > east, as geoBounds gives it.
    expect(loaded!.some(([[west], [east]]) => west > east)).toBe(true);
  });

  it('are not used for another atlas, another number of outlines, or when missing', () => {
    expect(loadWorldBounds(dirUrl, `${atlasText} `, world.features.length)).toBeUndefined();
    expect(loadWorldBounds(dirUrl, atlasText, world.features.length - 1)).toBeUndefined();
    expect(loadWorldBounds(pathToFileURL(`${join(dir, 'nowhere')}/`), atlasText, world.features.length)).toBeUndefined();
  });
});
