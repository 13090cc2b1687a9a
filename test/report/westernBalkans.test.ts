// The report of the default scenario: 5 runs of western-balkans, then `routeshift report` on the
// results. A guard against a report that becomes heavy (< 3 MB; about 1.7 MB measured for the
// 2015–2026 scenario). Its rendering time is printed, not asserted: time belongs in benchmarks.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';

const root = mkdtempSync(join(tmpdir(), 'routeshift-report-wb-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('report of western-balkans, 5 runs', () => {
  it('renders into a file well under 3 MB with the map and the charts', async () => {
    let stderr = '';
    const io = { stdout: () => {}, stderr: (s: string) => void (stderr += s), cwd: root, env: {} };
    expect(await main(['run', 'western-balkans', '--runs', '5', '--out', 'wb', '--no-report'], io)).toBe(0);
    const started = performance.now();
    expect(await main(['report', 'wb'], io)).toBe(0);
    const seconds = (performance.now() - started) / 1000;
    expect(stderr).toBe('');
    const file = join(root, 'wb', 'report.html');
    const bytes = statSync(file).size;
    console.log(`western-balkans report: ${seconds.toFixed(2)} s, ${Math.round(bytes / 1024)} KB`);
    expect(bytes).toBeLessThan(3 * 1024 * 1024);
    const html = readFileSync(file, 'utf8');
    for (const id of ['map', 'before-after-1', 'crossings', 'exit-shares', 'attempts', 'pushbacks', 'injuries-deaths', 'stranded', 'recorded']) {
      expect(html, id).toContain(`<figure class="chart" id="${id}">`);
    }
  }, 180_000);
});
