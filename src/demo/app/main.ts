// The demo page: starts the simulation worker, keeps the run's state (scenario, seed, actions) in
// the URL hash, and plays it: the worker runs a frame or two ahead of the screen; each animation
// frame moves the dots a fraction t of the way to the next day, and when t reaches 1 the next frame
// (the next day's dots, rows and enforcement) takes over. Panels redraw at most a few times a
// second while playing.

import atlasUrl from 'world-atlas/countries-50m.json?url';
import type { Topology } from 'topojson-specification';
import { CATEGORIES, type Command, type Frame, type NewAction, type Reply, type RunSpec, type ScenarioMeta } from '../protocol.js';
import { decodeState, encodeState } from '../urlState.js';
import { createControls, type Controls } from './controls.js';
import { hideMessage, showMessage, watchScenarioFiles } from './files.js';
import { bindKeys } from './keys.js';
import { longDate, people, shortDateOf } from './format.js';
import { createMapView, type MapView } from './mapView.js';
import { createPanels, type Panels } from './panels.js';
import { completeWeeks, createRowHistory, exitShares, exitCrossingsTotal, totals, type RowHistory } from './series.js';
import { CATEGORY_COLOURS, CATEGORY_LABELS } from './theme.js';

/** Simulated days per second. */
const SPEEDS = [1, 2, 4, 7, 14, 30, 60, 120, 240, 365];
const PEOPLE_PER_DOT = [1, 2, 5, 10, 20, 50, 100];
/** Frames the worker may run ahead of the screen. */
const AHEAD = 2;
const PANEL_INTERVAL_MS = 300;
/** Charts redraw when a simulated week completes, but not more often than this. */
const CHART_INTERVAL_MS = 500;
const HASH_INTERVAL_MS = 2000;
/** Duration of the animation of a single step (→), in seconds. */
const STEP_SECONDS = 0.3;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
const world: Promise<Topology> = fetch(atlasUrl).then((r) => r.json() as Promise<Topology>);

let builtins: { id: string; name: string; description: string; seed?: number }[] = [];
let meta: ScenarioMeta | undefined;
let spec: RunSpec | undefined;
let history: RowHistory | undefined;
let current: Frame | undefined;
const queue: Frame[] = [];
let t = 0;
let playing = false;
let stepping = false;
let speedIndex = 3;
let inflightSteps = 0;
let busyCommands = 0;
let triedDefault = false;
/** Commands sent and not yet answered, oldest first (the worker answers each with one frame or error). */
const pending: Command['type'][] = [];
let views: { map: MapView; panels: Panels; controls: Controls } | undefined;
let viewsReady: Promise<void> = Promise.resolve();
let lastPanelUpdate = 0;
let lastChartUpdate = 0;
let chartedWeeks = -1;
let lastHashWrite = 0;
let writtenHash = '';
let hashSequence = 0;
let lastEnforcement = '';
let lastActions = '';
const perf = { frames: 0, drawMs: 0, kernelMs: 0, kernelDays: 0, since: performance.now(), fps: 0, drawMean: 0, daysPerSecond: 0 };

function send(command: Command): void {
  if (command.type === 'step') inflightSteps++;
  else busy(+1);
  pending.push(command.type);
  worker.postMessage(command);
}

function answered(): void {
  if (pending.shift() === 'step') inflightSteps--;
  else busy(-1);
}

function busy(delta: number): void {
  busyCommands = Math.max(0, busyCommands + delta);
  const el = $('busy');
  if (busyCommands === 0) el.hidden = true;
  else setTimeout(() => (el.hidden = busyCommands === 0), 200);
}

worker.onmessage = (event: MessageEvent<Reply>) => {
  const r = event.data;
  switch (r.type) {
    case 'ready':
      builtins = r.builtins;
      fillScenarioSelect();
      void startFromUrl();
      break;
    case 'loaded':
      meta = r.meta;
      spec = r.spec;
      history = createRowHistory(meta);
      current = undefined;
      queue.length = 0;
      t = 0;
      viewsReady = buildViews(meta);
      syncRunInputs();
      break;
    case 'frame':
      answered();
      queue.push(r);
      break;
    case 'error':
      answered();
      setPlaying(false);
      showMessage(r.message, r.problems);
      // A link or file that fails on opening: fall back to the default scenario (once).
      if (!meta && !triedDefault) loadDefault();
      break;
  }
};
worker.onerror = (e) => showMessage(`The simulation stopped: ${e.message}`, []);

async function buildViews(m: ScenarioMeta): Promise<void> {
  views?.map.destroy();
  views?.panels.destroy();
  views?.controls.destroy();
  views = undefined;
  lastEnforcement = '';
  lastActions = '';
  const atlas = await world;
  if (meta !== m) return;
  views = {
    map: createMapView($('map'), m, atlas),
    panels: createPanels(document.body, m),
    controls: createControls(m, act),
  };
  buildLegend();
  const timeline = $<HTMLInputElement>('timeline');
  timeline.max = String(m.days);
  $('timeline-start').textContent = shortDateOf(m, 0);
  $('timeline-end').textContent = shortDateOf(m, m.days - 1);
  document.title = `routeshift live — ${m.name}`;
}

function buildLegend(): void {
  $('legend').replaceChildren(
    ...CATEGORIES.filter((c) => c !== 'smuggled' || (meta?.networks.length ?? 0) > 0).map((c) => {
      const item = document.createElement('div');
      item.className = 'legend-item';
      item.dataset.category = c;
      item.innerHTML = `<span class="dot" style="background:${CATEGORY_COLOURS[c]}"></span><span class="label"></span> <span class="count"></span>`;
      item.querySelector('.label')!.textContent = c === 'stranded' && meta ? `Stranded (${meta.strandedAfterDays}+ days without crossing)` : CATEGORY_LABELS[c];
      return item;
    }),
  );
}

// ---- starting a run ------------------------------------------------------------------------------

function load(next: RunSpec, day: number): void {
  setPlaying(false);
  queue.length = 0;
  send({ type: 'load', spec: next, day });
}

function loadDefault(): void {
  triedDefault = true;
  const b = builtins.find((x) => x.id === 'western-balkans') ?? builtins[0];
  if (b) load({ source: { kind: 'builtin', id: b.id }, seed: seedOf(b.id), peoplePerAgent: null, history: true, actions: [] }, 1);
}

/** The seed written in a built-in file (the command line's default), else 1. */
function seedOf(id: string): number {
  return builtins.find((b) => b.id === id)?.seed ?? 1;
}

async function startFromUrl(): Promise<void> {
  try {
    const state = await decodeState(location.hash);
    if (state) {
      writtenHash = location.hash.replace(/^#/, '');
      load(state.spec, state.day);
      return;
    }
  } catch (error) {
    showMessage(`This link cannot be opened: ${(error as Error).message}`, []);
  }
  loadDefault();
}

window.addEventListener('hashchange', () => {
  if (location.hash.replace(/^#/, '') !== writtenHash) void startFromUrl();
});

function act(action: NewAction): void {
  if (!current) return;
  send({ type: 'act', action });
}

// ---- the animation loop --------------------------------------------------------------------------

/** Days per worker step while playing: one at classroom speeds; several at high speeds, so that
 * the screen keeps up at 30 frames per second (intermediate days are simulated, not drawn). */
function daysPerFrame(): number {
  return Math.max(1, Math.ceil(SPEEDS[speedIndex] / 30));
}

let lastTime = performance.now();
function tick(now: number): void {
  const dt = Math.min(0.1, (now - lastTime) / 1000);
  lastTime = now;
  const atEnd = meta !== undefined && current !== undefined && current.day >= meta.days;
  if (playing) {
    t += (dt * SPEEDS[speedIndex]) / daysPerFrame();
    while (!atEnd && inflightSteps + queue.length < AHEAD && current) send({ type: 'step', days: daysPerFrame() });
  } else if (stepping) t += dt / STEP_SECONDS;
  if (views) {
    if (!playing && !stepping) {
      while (queue.length > 0) consume(queue.shift()!, false);
    } else if (t >= 1) {
      // Behind (a slow frame, or high speed): take every frame that is due, draw only the last.
      while (t >= 1 && queue.length > 0) {
        consume(queue.shift()!, true);
        t -= 1;
      }
      if (t >= 1) t = 1;
      if (stepping && queue.length === 0 && t < 1) {
        stepping = false;
        t = 0;
      }
    }
    if (atEnd && playing) setPlaying(false);
    if (current) {
      const t0 = performance.now();
      views.map.drawDots(current.agents, playing || stepping ? t : 0);
      perf.drawMs += performance.now() - t0;
      perf.frames++;
    }
    if (now - perf.since >= 1000) {
      perf.fps = (perf.frames * 1000) / (now - perf.since);
      perf.drawMean = perf.frames > 0 ? perf.drawMs / perf.frames : 0;
      perf.daysPerSecond = perf.kernelMs > 0 ? (perf.kernelDays * 1000) / perf.kernelMs : perf.daysPerSecond;
      perf.frames = 0;
      perf.drawMs = 0;
      perf.kernelMs = 0;
      perf.kernelDays = 0;
      perf.since = now;
    }
    if (playing && now - lastPanelUpdate > PANEL_INTERVAL_MS) updatePanels(now);
    if (playing && now - lastHashWrite > HASH_INTERVAL_MS) writeHash(now);
  }
  requestAnimationFrame(tick);
}
requestAnimationFrame(tick);

function consume(f: Frame, animated: boolean): void {
  if (!meta || !history || !views) return;
  const sameDay = current?.day === f.day;
  if (f.rows.length > 0 || f.fromDay === 0) history.set(f.fromDay, f.rows);
  current = f;
  if (!animated && !sameDay) t = 0;
  if (f.steppedDays > 0 && f.stepMs > 0 && f.steppedDays < 50) {
    perf.kernelMs += f.stepMs;
    perf.kernelDays += f.steppedDays;
  }
  const enforcementKey = f.enforcement.join(',');
  if (enforcementKey !== lastEnforcement) {
    lastEnforcement = enforcementKey;
    views.map.setEnforcement(f.enforcement);
    views.controls.setEnforcement(f.enforcement);
  }
  const actionsKey = JSON.stringify(f.actions);
  if (actionsKey !== lastActions) {
    const first = lastActions === '';
    lastActions = actionsKey;
    if (spec) spec = { ...spec, actions: f.actions };
    views.controls.setActions(f.actions);
    if (!first) writeHash(performance.now());
  }
  showDate();
  if (!playing) {
    updatePanels(performance.now(), true);
    writeHash(performance.now());
  }
}

function showDate(): void {
  if (!meta || !current || !history) return;
  const day = current.day - 1;
  const date = $('date');
  date.textContent = longDate(meta, day);
  date.dataset.day = String(current.day);
  date.dataset.date = shortDateOf(meta, day);
  const timeline = $<HTMLInputElement>('timeline');
  if (document.activeElement !== timeline) timeline.value = String(current.day);
  timeline.setAttribute('aria-valuetext', longDate(meta, day));
  const offsets = current.agents.offsets;
  const ppa = meta.peoplePerAgent;
  CATEGORIES.forEach((c, k) => {
    const item = document.querySelector<HTMLElement>(`.legend-item[data-category="${c}"] .count`);
    if (item) item.textContent = people((offsets[k + 1] - offsets[k]) * ppa);
  });
}

function updatePanels(now: number, force = false): void {
  if (!meta || !history || !views || !current) return;
  lastPanelUpdate = now;
  const weeks = completeWeeks(history);
  const charts = force || (weeks !== chartedWeeks && now - lastChartUpdate >= CHART_INTERVAL_MS);
  if (charts) {
    chartedWeeks = weeks;
    lastChartUpdate = now;
  }
  views.panels.update(history, charts);
  views.map.setShares(exitShares(history, meta));
  const tot = totals(history);
  const crossed = exitCrossingsTotal(history, meta);
  const inRegion = current.agents.offsets[CATEGORIES.length] * meta.peoplePerAgent;
  const el = $('totals');
  el.innerHTML =
    `<span><b>${people(inRegion)}</b> on the route now</span>` +
    `<span><b>${people(crossed)}</b> crossed out of the region</span>` +
    `<span><b>${people(tot.arrivals)}</b> arrived</span>`;
  $('rate').textContent = perf.daysPerSecond > 0 ? `kernel: ${people(perf.daysPerSecond)} days/s` : '';
  Object.assign(el.dataset, {
    day: String(current.day),
    entered: String(Math.round(tot.entered)),
    arrivals: String(Math.round(tot.arrivals)),
    crossings: String(Math.round(crossed)),
    deaths: String(Math.round(tot.deaths)),
    injuries: String(Math.round(tot.injuries)),
    pushbacks: String(Math.round(tot.pushbacks)),
    onRoute: String(Math.round(inRegion)),
  });
}

// Charts are sized when built: rebuild them when the window changes size (projector, full screen).
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (!views || !meta) return;
    views.panels.destroy();
    views.panels = createPanels(document.body, meta);
    updatePanels(performance.now(), true);
  }, 250);
});

// ---- the URL -------------------------------------------------------------------------------------

function writeHash(now: number): void {
  if (!spec || !current) return;
  lastHashWrite = now;
  const sequence = ++hashSequence;
  void encodeState({ spec, day: current.day }).then((hash) => {
    if (sequence !== hashSequence || hash === writtenHash) return;
    writtenHash = hash;
    replaceHash(hash);
  });
}

function replaceHash(hash: string): void {
  window.history.replaceState(null, '', `#${hash}`);
}

// ---- controls ------------------------------------------------------------------------------------

function setPlaying(on: boolean): void {
  if (on && meta && current && current.day >= meta.days) return;
  playing = on;
  stepping = false;
  const b = $('play');
  b.textContent = on ? '❚❚ Pause' : '▶ Play';
  b.setAttribute('aria-pressed', String(on));
  if (!on) writeHash(performance.now());
}

function stepOnce(): void {
  if (!current || !meta || current.day >= meta.days) return;
  setPlaying(false);
  while (queue.length > 0) consume(queue.shift()!, false);
  stepping = true;
  t = 0;
  send({ type: 'step', days: 1 });
}

function setSpeed(index: number): void {
  speedIndex = Math.max(0, Math.min(SPEEDS.length - 1, index));
  $('speed').textContent = `${SPEEDS[speedIndex]} days/s`;
}

function fillScenarioSelect(): void {
  const select = $<HTMLSelectElement>('scenario');
  select.replaceChildren(
    ...builtins.map((b) => {
      const o = document.createElement('option');
      o.value = b.id;
      o.textContent = b.name;
      o.title = b.description;
      return o;
    }),
  );
  const ppa = $<HTMLSelectElement>('ppa');
  ppa.replaceChildren(
    new Option('Default', ''),
    ...PEOPLE_PER_DOT.map((n) => new Option(String(n), String(n))),
  );
}

function syncRunInputs(): void {
  if (!spec || !meta) return;
  const select = $<HTMLSelectElement>('scenario');
  select.querySelector('option[data-file]')?.remove();
  if (spec.source.kind === 'file') {
    const o = new Option(`File: ${spec.source.name}`, `file:${spec.source.name}`);
    o.dataset.file = '';
    select.appendChild(o);
    select.value = o.value;
  } else select.value = spec.source.id;
  $<HTMLInputElement>('seed').value = String(spec.seed);
  const ppa = $<HTMLSelectElement>('ppa');
  ppa.options[0].textContent = `Default (${meta.defaultPeoplePerAgent})`;
  ppa.value = spec.peoplePerAgent === null ? '' : String(spec.peoplePerAgent);
  if (ppa.value === '' && spec.peoplePerAgent !== null) {
    ppa.appendChild(new Option(String(spec.peoplePerAgent), String(spec.peoplePerAgent)));
    ppa.value = String(spec.peoplePerAgent);
  }
  $<HTMLInputElement>('history').checked = spec.history;
}

function reloadWith(change: Partial<RunSpec>): void {
  if (!spec) return;
  load({ ...spec, ...change }, current?.day ?? 1);
}

$('play').addEventListener('click', () => setPlaying(!playing));
$('step').addEventListener('click', stepOnce);
$('reset').addEventListener('click', () => spec && load({ ...spec, actions: [] }, 1));
$('slower').addEventListener('click', () => setSpeed(speedIndex - 1));
$('faster').addEventListener('click', () => setSpeed(speedIndex + 1));
$<HTMLSelectElement>('scenario').addEventListener('change', (e) => {
  const id = (e.target as HTMLSelectElement).value;
  if (id.startsWith('file:')) return;
  load({ source: { kind: 'builtin', id }, seed: seedOf(id), peoplePerAgent: null, history: true, actions: [] }, 1);
});
$<HTMLInputElement>('seed').addEventListener('change', (e) => {
  const seed = Number((e.target as HTMLInputElement).value);
  if (Number.isSafeInteger(seed) && seed >= 0) reloadWith({ seed });
});
$<HTMLSelectElement>('ppa').addEventListener('change', (e) => {
  const v = (e.target as HTMLSelectElement).value;
  reloadWith({ peoplePerAgent: v === '' ? null : Number(v) });
});
$<HTMLInputElement>('history').addEventListener('change', (e) => reloadWith({ history: (e.target as HTMLInputElement).checked }));
$<HTMLInputElement>('timeline').addEventListener('input', (e) => {
  if (meta) $('date').textContent = longDate(meta, Number((e.target as HTMLInputElement).value) - 1);
});
$<HTMLInputElement>('timeline').addEventListener('change', (e) => {
  if (!current) return;
  queue.length = 0;
  send({ type: 'seek', day: Number((e.target as HTMLInputElement).value) });
});
$('share').addEventListener('click', async () => {
  writeHash(performance.now());
  const button = $('share');
  try {
    await navigator.clipboard.writeText(location.href);
    button.textContent = 'Link copied ✓';
  } catch {
    window.prompt('Copy this link:', location.href);
  }
  setTimeout(() => (button.textContent = 'Copy link'), 2000);
});

// ---- scenario files, messages, keys -------------------------------------------------------------

watchScenarioFiles((name, text) => {
  let seed = 1;
  try {
    const parsed = JSON.parse(text) as { seed?: unknown };
    if (typeof parsed.seed === 'number') seed = parsed.seed;
  } catch {
    // The worker reports the syntax error with the file's name.
  }
  load({ source: { kind: 'file', name, text }, seed, peoplePerAgent: null, history: true, actions: [] }, 1);
});

bindKeys({
  playPause: () => setPlaying(!playing),
  step: stepOnce,
  faster: () => setSpeed(speedIndex + 1),
  slower: () => setSpeed(speedIndex - 1),
  dismiss: hideMessage,
});

setSpeed(speedIndex);

/** For the end-to-end test and the benchmark: what is on screen, and how fast it runs. */
Object.assign(window, {
  routeshiftDemo: {
    state: () => ({
      day: current?.day ?? 0,
      days: meta?.days ?? 0,
      playing,
      dots: current?.agents.offsets[CATEGORIES.length] ?? 0,
      queue: queue.length,
      busy: busyCommands,
      inflight: inflightSteps,
      ready: views !== undefined && current !== undefined,
    }),
    perf: () => ({ fps: perf.fps, drawMs: perf.drawMean, kernelDaysPerSecond: perf.daysPerSecond }),
    setSpeed: (daysPerSecond: number) => setSpeed(SPEEDS.indexOf(daysPerSecond) >= 0 ? SPEEDS.indexOf(daysPerSecond) : speedIndex),
    viewsReady: () => viewsReady,
  },
});
