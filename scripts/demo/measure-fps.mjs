#!/usr/bin/env node
// Frame time and step rate of the built demo in headless Chromium (bench/DECLARATION.md, "Demo").
// Usage: npm run build:demo && node scripts/demo/measure-fps.mjs [seconds] [hash]
// Default run: western-balkans, 5 people per dot, from day 250 (August 2015), about 20,000 dots on
// screen, played at 7 and at 60 simulated days per second; prints JSON with frame intervals
// (requestAnimationFrame timestamps: mean, p50, p95, max), the dots drawn, the time spent drawing
// dots per frame, and the kernel's simulated days per second in the worker. Then times a replay
// (seek) of the whole 12-year period. Plain JavaScript with its own static server, so it needs
// nothing but the built site, playwright-core and Chromium (CHROMIUM_PATH, default /usr/bin/chromium).

/* global window, document, requestAnimationFrame, setTimeout, performance, Event, console, URL, process */

import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const seconds = Number(process.argv[2] ?? 10);
const hash = process.argv[3] ?? 's=western-balkans&seed=2015&ppa=5&d=250';
const root = fileURLToPath(new URL('../../dist/demo/site/', import.meta.url));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

const server = createServer(async (req, res) => {
  let path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  if (path.endsWith('/')) path += 'index.html';
  try {
    const body = await readFile(join(root, path));
    res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;
const profile = await mkdtemp(join(tmpdir(), 'routeshift-fps-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  viewport: { width: 1920, height: 1080 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? (await context.newPage());
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

const demo = (fn, arg) => page.evaluate(fn, arg);
await page.goto(`${url}#${hash}`);
const t0 = Date.now();
await page.waitForFunction(() => {
  const s = window.routeshiftDemo?.state();
  return s && s.ready && s.busy === 0 && s.queue === 0;
}, null, { timeout: 180_000 });
const loadMs = Date.now() - t0;

async function play(daysPerSecond) {
  await demo((v) => window.routeshiftDemo.setSpeed(v), daysPerSecond);
  return demo(async (ms) => {
    const d = window.routeshiftDemo;
    const startDay = d.state().day;
    const stamps = [];
    const dots = [];
    let running = true;
    const loop = (t) => {
      stamps.push(t);
      dots.push(d.state().dots);
      if (running) requestAnimationFrame(loop);
    };
    document.getElementById('play').click();
    await new Promise((r) => setTimeout(r, 500));
    requestAnimationFrame(loop);
    const wall0 = performance.now();
    await new Promise((r) => setTimeout(r, ms));
    running = false;
    const wall = performance.now() - wall0;
    const perf = d.perf();
    document.getElementById('play').click();
    const intervals = stamps.slice(1).map((t, i) => t - stamps[i]).sort((a, b) => a - b);
    const q = (p) => intervals[Math.min(intervals.length - 1, Math.floor(p * intervals.length))];
    const mean = intervals.reduce((a, b) => a + b, 0) / intervals.length;
    return {
      frames: intervals.length,
      frameMs: { mean: +mean.toFixed(2), p50: +q(0.5).toFixed(2), p95: +q(0.95).toFixed(2), max: +intervals[intervals.length - 1].toFixed(2) },
      fps: +(1000 / mean).toFixed(1),
      dots: { min: Math.min(...dots), max: Math.max(...dots) },
      drawDotsMs: +perf.drawMs.toFixed(2),
      simulatedDays: d.state().day - startDay,
      simulatedDaysPerWallSecond: +((d.state().day - startDay) / ((wall + 500) / 1000)).toFixed(1),
      kernelDaysPerSecond: Math.round(perf.kernelDaysPerSecond),
    };
  }, seconds * 1000);
}

const at7 = await play(7);
await page.waitForTimeout(1000);
const at60 = await play(60);

// A replay of the whole period (what a shared link to its last day, or the timeline, costs).
const replay = await demo(async () => {
  const d = window.routeshiftDemo;
  const input = document.getElementById('timeline');
  const wall0 = performance.now();
  input.value = input.max;
  input.dispatchEvent(new Event('change'));
  await new Promise((r) => {
    const check = () => (d.state().busy === 0 && d.state().queue === 0 && d.state().day === Number(input.max) ? r() : setTimeout(check, 20));
    setTimeout(check, 50);
  });
  return { days: Number(input.max), ms: Math.round(performance.now() - wall0) };
});

console.log(JSON.stringify({ hash, viewport: '1920x1080', loadMs, at7DaysPerSecond: at7, at60DaysPerSecond: at60, replay, errors }, null, 2));
await context.close();
await rm(profile, { recursive: true, force: true });
server.close();
