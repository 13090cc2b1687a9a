// report.html of `routeshift compare`: written next to comparison.json, it shows the paired
// differences per border with their 95% intervals (the numbers of comparison.json), the change
// of the exit shares, the displacement ratio and the adaptation lag, and the events that differ.
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';

const TINY = resolve('test/fixtures/tiny.json');
const root = mkdtempSync(join(tmpdir(), 'routeshift-report-cmp-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd: root, env: {} });
  return { code, stdout, stderr };
}

let html = '';
let comparison: {
  borders: Record<string, Record<string, { difference: { mean: number; ciLow: number; ciHigh: number } }>>;
  displacement: { target: string; ratio: { estimate: number } };
};
beforeAll(async () => {
  writeFileSync(
    join(root, 'no-fence.json'),
    JSON.stringify({ extends: TINY, id: 'no-fence', name: 'Tiny without the fence', events: [{ id: 'hu-fence', label: 'no fence', set: { fence: 0, detection: 0.3 } }] }),
  );
  const { code, stdout } = await cli(['compare', 'no-fence.json', TINY, '--runs', '4', '--threads', '1', '--out', 'cmp']);
  expect(code).toBe(0);
  expect(stdout).toMatch(/wrote cmp\/ \(comparison\.json, manifest\.json, report\.html\)\n$/);
  html = readFileSync(join(root, 'cmp', 'report.html'), 'utf8');
  comparison = JSON.parse(readFileSync(join(root, 'cmp', 'comparison.json'), 'utf8'));
});

describe('report.html of a comparison', () => {
  it('is self-contained and has the change map and the paired differences', () => {
    expect(html).not.toMatch(/https?:|<script|<link/i);
    for (const id of ['map', 'border-differences', 'exit-share-change', 'displacement']) {
      expect(html, id).toMatch(new RegExp(`<figure class="chart" id="${id}">[\\s\\S]*?<svg role="img" aria-labelledby="${id}-title ${id}-desc"`));
    }
    expect(html).toContain('Tiny test network compared with Tiny without the fence');
  });

  it('tables the paired differences and 95% intervals of comparison.json', () => {
    const fig = /<figure class="chart" id="border-differences">([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? '';
    const rows = [...fig.matchAll(/<tr><th scope="row">([^<]+)<\/th>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/g)];
    expect(rows.length).toBeGreaterThan(0);
    for (const [, border, cells] of rows) {
      const values = [...cells.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
      const d = comparison.borders[border].crossings.difference;
      expect(values.slice(2, 5).map(Number)).toEqual([d.mean, d.ciLow, d.ciHigh]);
    }
    const rsHu = comparison.borders['RS-HU'].crossings.difference;
    expect(rsHu.ciHigh).toBeLessThan(0);
  });

  it('states the displacement ratio, the adaptation lag and the event that differs', () => {
    expect(html).toMatch(/Displacement ratio \d+\.\d\d \(95% CI/);
    expect(html).toContain(`lost on ${comparison.displacement.target}`);
    expect(html).toMatch(/The scenarios differ from 2015-09-15/);
    // The lag with its bootstrap interval.
    expect(html).toMatch(/<b>\d+ days<\/b> after the scenarios start to differ \(95% CI [^)]*bootstrap, 200 resamples/);
    expect(html).toContain('Hungarian fence closes');
  });

  it('is written again by `routeshift report <dir>`', async () => {
    unlinkSync(join(root, 'cmp', 'report.html'));
    const { code, stderr } = await cli(['report', 'cmp']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(readFileSync(join(root, 'cmp', 'report.html'), 'utf8') === html).toBe(true);
  });
});
