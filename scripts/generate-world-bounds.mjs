// Writes the bounding boxes of the world atlas's outlines (src/report/worldBounds.ts says why)
// beside the compiled mapGeography.js. Run by `npm run build` after tsc.
/* global URL */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import { WORLD_BOUNDS_FILE, worldBoundsJson } from '../dist/report/worldBounds.js';

const atlasText = readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-50m.json'), 'utf8');
const topo = JSON.parse(atlasText);
const target = new URL(`../dist/report/${WORLD_BOUNDS_FILE}`, import.meta.url);
const tmp = new URL(`${target.href}.tmp`);
writeFileSync(tmp, worldBoundsJson(atlasText, feature(topo, topo.objects.countries)));
renameSync(tmp, target);
