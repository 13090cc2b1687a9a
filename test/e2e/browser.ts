// Headless Chromium (Debian's package, driven by playwright-core) on the built demo, served by the
// same static server as `routeshift demo`. Each launch gets a new empty profile; console errors and
// uncaught page errors are collected so a test can require that there were none.

import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { demoSiteDir } from '../../src/demo/command.js';
import { startStaticServer, type StaticServer } from '../../src/demo/staticServer.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface DemoBrowser {
  url: string;
  context: BrowserContext;
  /** Console errors and page errors seen so far, on any page. */
  errors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function openDemoBrowser(viewport = { width: 1920, height: 1080 }): Promise<DemoBrowser> {
  const site = demoSiteDir();
  if (!existsSync(join(site, 'index.html'))) throw new Error(`the demo is not built (${site}): run npm run build:demo`);
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const server: StaticServer = await startStaticServer(site, '127.0.0.1', 0);
  const profile = mkdtempSync(join(tmpdir(), 'routeshift-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, viewport });
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    url: server.url,
    context,
    errors,
    newPage: async () => context.pages().find((p) => p.url() === 'about:blank') ?? context.newPage(),
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface DemoState {
  day: number;
  days: number;
  playing: boolean;
  dots: number;
  queue: number;
  busy: number;
  inflight: number;
  ready: boolean;
}

export function demoState(page: Page): Promise<DemoState> {
  return page.evaluate(() => (window as unknown as { routeshiftDemo: { state(): DemoState } }).routeshiftDemo.state());
}

/** Wait until the page shows a loaded run at rest (nothing being computed or queued). */
export async function settled(page: Page, day?: number): Promise<DemoState> {
  await page.waitForFunction(
    (d) => {
      const s = (window as unknown as { routeshiftDemo?: { state(): DemoState } }).routeshiftDemo?.state();
      return s !== undefined && s.ready && s.busy === 0 && s.queue === 0 && s.inflight === 0 && !s.playing && (d === null || s.day === d);
    },
    day ?? null,
    { timeout: 120_000, polling: 100 },
  );
  // Panels and the hash update when the last frame lands; give them a frame.
  await page.waitForTimeout(300);
  return demoState(page);
}
