// The built demo works from any web server and offline (issue 8, must-have 1): the static files are
// served by a naive file server that knows nothing of the demo (no special headers, the site under
// a sub-folder, as on a school's web space), and the browser is refused every request that does not
// go to that server. The page must load, run the kernel in its worker and play, with no request
// elsewhere and no console errors.

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import { demoSiteDir } from '../../src/demo/command.js';
import { CHROMIUM, settled } from './browser.js';

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
const PREFIX = '/teachers/routeshift/';

let server: Server;
let origin = '';
let context: BrowserContext;
let profile = '';
const refused: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  const site = demoSiteDir();
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.startsWith(PREFIX) ? normalize(join(site, path.slice(PREFIX.length) || 'index.html')) : '';
    if (!file.startsWith(site) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  profile = mkdtempSync(join(tmpdir(), 'routeshift-offline-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'], viewport: { width: 1280, height: 800 } });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    refused.push(url);
    return route.abort('internetdisconnected');
  });
  context.on('page', (page) => {
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
  });
});

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

it('loads, simulates and plays from a plain file server under a sub-folder, asking nothing of the internet', async () => {
  const page = await context.newPage();
  await page.goto(`${origin}${PREFIX}#s=toy-three-crossings&seed=7&d=10`);
  await settled(page, 10);
  await page.keyboard.press('ArrowRight');
  await settled(page, 11);
  expect(Number(await page.locator('#totals').getAttribute('data-entered'))).toBeGreaterThan(0);
  expect(await page.locator('#map canvas').count()).toBeGreaterThan(0);
  expect(refused).toEqual([]);
  expect(errors).toEqual([]);
});
