// The report of a small run opened in headless Chromium (Debian's `chromium` driven by
// playwright-core): no console error, no request beyond the file itself, the map and every chart
// drawn with a non-empty size, and the border names on the map and in the exit-share legend are
// the scenario's. A screenshot is kept in out/test-artifacts/ (git-ignored) for people to look at.
//
// Skipped, with a note, when no Chromium is installed (set ROUTESHIFT_CHROMIUM to its path if it
// is not /usr/bin/chromium); `apt-get install chromium` provides it.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';

const CHROMIUM = [process.env.ROUTESHIFT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
const TINY = resolve('test/fixtures/tiny.json');
const ARTIFACTS = resolve('out/test-artifacts');
const root = mkdtempSync(join(tmpdir(), 'routeshift-report-browser-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(!CHROMIUM)(`report.html in headless Chromium${CHROMIUM ? '' : ' (skipped: no chromium installed)'}`, () => {
  it('loads offline without errors and draws the map and every chart', async () => {
    const io = { stdout: () => {}, stderr: () => {}, cwd: root, env: {} };
    expect(await main(['run', TINY, '--runs', '3', '--threads', '1', '--out', 'run'], io)).toBe(0);
    const file = join(root, 'run', 'report.html');
    const summary = JSON.parse(readFileSync(join(root, 'run', 'summary.json'), 'utf8'));
    const borders = new Set(Object.keys(summary.borders));

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => {
        if (r.url() !== `file://${file}`) problems.push(`request: ${r.url()}`);
      });
      await page.goto(`file://${file}`, { waitUntil: 'load' });

      const figures = await page.$$eval('figure.chart', (els) =>
        els.map((f) => {
          const svg = f.querySelector('svg');
          const box = svg?.getBoundingClientRect();
          return { id: f.id, width: box?.width ?? 0, height: box?.height ?? 0, marks: svg?.querySelectorAll('path, line, text').length ?? 0 };
        }),
      );
      expect(figures.map((f) => f.id)).toEqual(expect.arrayContaining(['map', 'crossings', 'exit-shares', 'attempts', 'pushbacks', 'injuries-deaths', 'recorded']));
      for (const f of figures) {
        expect(f.width, f.id).toBeGreaterThan(200);
        expect(f.height, f.id).toBeGreaterThan(100);
        expect(f.marks, f.id).toBeGreaterThan(10);
      }

      const legend = await page.$$eval('#exit-shares .role-legend-label text', (els) => els.map((e) => e.textContent ?? ''));
      expect(legend.length).toBeGreaterThan(0);
      for (const name of legend) expect(borders.has(name) || name === 'other exits', name).toBe(true);
      // Border labels are two lines (tspans): the border id, then its flow.
      const mapLabels = await page.$$eval('#map .mark-text text tspan:first-child', (els) => els.map((e) => e.textContent ?? ''));
      const borderLabels = mapLabels.filter((t) => /^[A-Z]{2}-[A-Z]{2}$/.test(t));
      expect(borderLabels.length).toBeGreaterThan(0);
      for (const name of borderLabels) expect(borders.has(name), name).toBe(true);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'report-tiny.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
