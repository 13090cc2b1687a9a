// What the page shows of the run outside the animated dots: builds the map, panels and controls
// for a scenario, and keeps the legend, date, timeline, totals and charts up to date with the
// current frame. Charts are sized when built, so they are rebuilt when the window changes size.

import atlasUrl from 'world-atlas/countries-50m.json?url';
import type { Topology } from 'topojson-specification';
import { CATEGORIES, type ScenarioMeta } from '../protocol.js';
import { act } from './commands.js';
import { createControls } from './controls.js';
import { longDate, people, shortDateOf } from './format.js';
import { createMapView } from './mapView.js';
import { createPanels } from './panels.js';
import { completeWeeks, exitShares, exitCrossingsTotal, totals } from './series.js';
import { $, CHART_INTERVAL_MS, perf, state } from './state.js';
import { CATEGORY_COLOURS, CATEGORY_LABELS } from './theme.js';

const world: Promise<Topology> = fetch(atlasUrl).then((r) => r.json() as Promise<Topology>);

let lastChartUpdate = 0;
let chartedWeeks = -1;

export async function buildViews(m: ScenarioMeta): Promise<void> {
  state.views?.map.destroy();
  state.views?.panels.destroy();
  state.views?.controls.destroy();
  state.views = undefined;
  state.lastEnforcement = '';
  state.lastActions = '';
  const atlas = await world;
  if (state.meta !== m) return;
  state.views = {
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
  const meta = state.meta;
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

export function showDate(): void {
  const { meta, current, history } = state;
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

export function updatePanels(now: number, force = false): void {
  const { meta, history, views, current } = state;
  if (!meta || !history || !views || !current) return;
  state.lastPanelUpdate = now;
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
    if (!state.views || !state.meta) return;
    state.views.panels.destroy();
    state.views.panels = createPanels(document.body, state.meta);
    updatePanels(performance.now(), true);
  }, 250);
});
