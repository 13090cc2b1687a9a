// Build of the browser demo (`npm run build:demo`): static files in dist/demo/site that work from any
// web server and offline (relative URLs, no CDN; the worker bundles the kernel, the scenario compiler,
// the validator, the schema and the built-in scenarios; the country outlines ship as an asset).

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./app'),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: here('../../dist/demo/site'),
    emptyOutDir: true,
    target: 'es2022',
    // vega + vega-lite are one large chunk by design (the charts); nothing is fetched from a CDN.
    chunkSizeWarningLimit: 2500,
    assetsInlineLimit: 0,
    // Rolldown's note that a plugin (Vite's HTML transform) took a third of the build is not ours to act on.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  worker: { format: 'es' },
  server: { fs: { allow: [here('../..')] } },
});
