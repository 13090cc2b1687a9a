// `routeshift demo`: registered on the command line, serves a folder of static files on localhost,
// prints the address, refuses paths outside the folder, and stops cleanly on Ctrl-C (the abort signal).

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import type { CliIo } from '../../src/cli/io.js';
import { demoCommand } from '../../src/demo/command.js';

function io(signal?: AbortSignal): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: process.cwd(), env: {}, signal };
}

describe('routeshift demo', () => {
  it('is a command of the CLI', async () => {
    const cli = io();
    expect(await main(['demo', '--help'], cli)).toBe(0);
    expect(cli.out.join('')).toMatch(/serve the live browser demo/);
    expect(cli.out.join('')).toMatch(/--port/);
  });

  it('serves the site, prints its URL, and stops on abort', async () => {
    const site = mkdtempSync(join(tmpdir(), 'routeshift-site-'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>demo</title>');
    mkdirSync(join(site, 'assets'));
    writeFileSync(join(site, 'assets', 'app.js'), 'export {};');
    const controller = new AbortController();
    const cli = io(controller.signal);
    const done = demoCommand({ host: '127.0.0.1', port: 0, site }, cli);
    await expect.poll(() => cli.out.join('')).toMatch(/open http:\/\/127\.0\.0\.1:\d+\//);
    const url = /open (\S+)/.exec(cli.out.join(''))![1];

    const index = await fetch(url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>demo</title>');
    const js = await fetch(new URL('assets/app.js', url));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(new URL('nothing.js', url))).status).toBe(404);
    expect((await fetch(`${url}..%2f..%2fetc%2fpasswd`)).status).toBeGreaterThanOrEqual(403);
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);

    controller.abort();
    expect(await done).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('says so when the port asked for is taken', async () => {
    const site = mkdtempSync(join(tmpdir(), 'routeshift-site-'));
    writeFileSync(join(site, 'index.html'), '');
    const controller = new AbortController();
    const first = io(controller.signal);
    const running = demoCommand({ host: '127.0.0.1', port: 0, site }, first);
    await expect.poll(() => first.out.join('')).toMatch(/open /);
    const port = Number(/:(\d+)\//.exec(first.out.join(''))![1]);
    await expect(demoCommand({ host: '127.0.0.1', port, site }, io())).rejects.toThrow(`port ${port} on 127.0.0.1 is in use`);
    controller.abort();
    await running;
  });
});
