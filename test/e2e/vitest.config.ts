// The demo's end-to-end test in headless Chromium (`npm run test:e2e`): kept out of `npm test`
// because it needs the built demo (dist/demo/site) and a Chromium binary (/usr/bin/chromium, or
// CHROMIUM_PATH); .ci/run installs Debian's chromium and runs it after the unit tests.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
