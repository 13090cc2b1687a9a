// report.html of a run, end to end through the CLI in-process: `run` writes it next to
// summary.json, it is one file with no external reference, it holds the map and every expected
// chart with a text alternative, the numbers behind a chart are those of summary.json and
// series.csv, and `routeshift report <dir>` writes the very same file again.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';

const TINY = resolve('test/fixtures/tiny.json');
const root = mkdtempSync(join(tmpdir(), 'routeshift-report-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd: root, env: {} });
  return { code, stdout, stderr };
}

const dir = join(root, 'run');
let html = '';
beforeAll(async () => {
  const { code, stderr } = await cli(['run', TINY, '--runs', '3', '--threads', '1', '--out', 'run']);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  html = readFileSync(join(dir, 'report.html'), 'utf8');
});

/** The HTML of the <figure> with this id. */
function figure(id: string): string {
  const m = new RegExp(`<figure class="chart" id="${id}">([\\s\\S]*?)</figure>`).exec(html);
  if (!m) throw new Error(`no figure ${id}`);
  return m[1];
}

/** Rows of the first table in some HTML, as arrays of cell texts. */
function tableRows(fragment: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(fragment)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]));
}

describe('report.html of a run', () => {
  it('is one file with no external reference', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/https?:/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/@import|url\((?!#)/);
    for (const m of html.matchAll(/\b(?:href|src)="([^"]*)"/g)) expect(m[1]).toMatch(/^(#|data:)/);
  });

  it('holds the map and every expected chart, each with a title and a text alternative', () => {
    // (tiny strands nobody, so it has no stranded chart)
    const ids = ['map', 'before-after-1', 'crossings', 'exit-shares', 'attempts', 'pushbacks', 'injuries-deaths', 'recorded'];
    for (const id of ids) {
      const f = figure(id);
      expect(f, id).toMatch(new RegExp(`<svg role="img" aria-labelledby="${id}-title ${id}-desc"`));
      expect(f, id).toMatch(new RegExp(`<title id="${id}-title">[^<]+</title><desc id="${id}-desc">[^<]+\\d[^<]*</desc>`));
      expect(f, id).toMatch(/<figcaption>[^<]+<\/figcaption>/);
      expect(f, id).toMatch(/<details><summary>Numbers behind this chart<\/summary>/);
    }
    // The map draws country outlines, places and flow arrows.
    expect(figure('map')).toMatch(/class="mark-shape role-mark/);
    expect(figure('map')).toMatch(/class="mark-rule role-mark/);
    // Ids are unique across the inlined SVGs (Vega numbers its clip paths from 1 in each).
    const ids2 = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids2).size).toBe(ids2.length);
    // No smuggler section when the run has no smugglers.
    expect(html).not.toContain('id="smuggler-prices"');
  });

  it('puts the numbers of summary.json in the tables and the rows of series.csv in the downloads', () => {
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    const rows = tableRows(figure('crossings'));
    expect(rows.length).toBeGreaterThan(0);
    for (const [border, mean, p05, p95] of rows) {
      expect([mean, p05, p95].map(Number)).toEqual([summary.borders[border].crossings.mean, summary.borders[border].crossings.p05, summary.borders[border].crossings.p95]);
    }
    const href = /href="data:text\/csv;charset=utf-8,([^"]*)"/.exec(figure('crossings'))?.[1] ?? '';
    const csv = decodeURIComponent(href);
    const series = new Set(readFileSync(join(dir, 'series.csv'), 'utf8').split('\n'));
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('metric,entity,date,mean,p05,p50,p95');
    expect(lines.length).toBe(1 + rows.length * 153);
    for (const line of lines) expect(series.has(line), line).toBe(true);
    // The key numbers are summary.json's totals.
    expect(html).toContain(`<div class="value">${Math.round(summary.totals.entered.mean).toLocaleString('en-GB')}</div>`);
  });

  it('shows the scenario with its events and the provenance from manifest.json', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(html).toContain('Tiny test network (tiny)');
    expect(html).toContain('Hungarian fence closes');
    expect(html).toContain(manifest.scenario.hash);
    expect(html).toContain(`<dt>Seed</dt><dd>3</dd>`);
    expect(html).toContain(`<dt>Runs</dt><dd>3</dd>`);
    expect(html).toContain(`<dt>Threads</dt><dd>1</dd>`);
  });

  it('is written again, byte for byte, by `routeshift report <dir>`', async () => {
    unlinkSync(join(dir, 'report.html'));
    const { code, stdout, stderr } = await cli(['report', 'run']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^wrote run\/report\.html \(\d+ KB, \d+ charts\) in [\d.]+ s\n$/);
    expect(readFileSync(join(dir, 'report.html'), 'utf8') === html).toBe(true);
    // It replaces its own report, but not a file it did not write, unless --force.
    expect((await cli(['report', 'run'])).code).toBe(0);
    writeFileSync(join(dir, 'report.html'), '<html>mine</html>');
    const refused = await cli(['report', 'run']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/report\.html exists and was not written by routeshift; use --force/);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('<html>mine</html>');
    expect((await cli(['report', 'run', '--force'])).code).toBe(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8') === html).toBe(true);
  });

  it('warns when the scenario changed since the run, and refuses a directory without results', async () => {
    const edited = JSON.parse(readFileSync(TINY, 'utf8'));
    edited.name = 'Tiny, edited';
    edited.$schema = undefined;
    writeFileSync(join(root, 'edited.json'), JSON.stringify(edited));
    const { code, stderr } = await cli(['report', 'run', '--scenario', 'edited.json', '--out', 'edited.html']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/warning: The scenario tiny has changed since this run/);
    expect(readFileSync(join(root, 'edited.html'), 'utf8')).toContain('has changed since this run');
    const empty = await cli(['report', '.']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/does not hold routeshift results/);
  });

  it('reports a damaged series.csv as a problem with that file (exit 1), not an internal error', async () => {
    mkdirSync(join(root, 'damaged'));
    for (const f of ['summary.json', 'manifest.json']) writeFileSync(join(root, 'damaged', f), readFileSync(join(dir, f)));
    const lines = readFileSync(join(dir, 'series.csv'), 'utf8').split('\n');
    lines[40] = lines[40].slice(0, lines[40].lastIndexOf(','));
    writeFileSync(join(root, 'damaged', 'series.csv'), lines.join('\n'));
    const { code, stderr } = await cli(['report', 'damaged']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^routeshift: damaged\/series\.csv line 41: expected 7 fields/);
    expect(existsSync(join(root, 'damaged', 'report.html'))).toBe(false);
  });

  it('is not written with --no-report', async () => {
    const { code, stdout } = await cli(['run', TINY, '--runs', '1', '--out', 'plain', '--no-report']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\(summary\.json, series\.csv, manifest\.json\)\n$/);
    expect(existsSync(join(root, 'plain', 'report.html'))).toBe(false);
  });
});
