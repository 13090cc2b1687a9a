// A live Vega-Lite chart for the demo's panels: compiled once per scenario, rendered by Vega on a
// canvas, its data replaced on update (one render at a time; the latest data waits for the next).

import { View, parse, type Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { DEMO_VEGA_CONFIG } from './theme.js';

/** Weeks the time charts show: the last two years. */
export const WEEKS_SHOWN = 104;
const CHART_HEIGHT = 112;

export const timeAxis = { title: null, format: '%b %Y', tickCount: 4, labelOverlap: true, grid: false };

export interface Chart {
  view: View;
  set(values: object[]): void;
}

export function chart(container: HTMLElement, spec: Record<string, unknown>, label: string): Chart {
  container.replaceChildren();
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', label);
  // 'fit': the whole chart, axes included, takes the container's width and CHART_HEIGHT, whatever
  // the width of the axis labels as the numbers grow.
  const full = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // The panel's width, not the chart's: a chart may be hidden (nothing to show yet) when built.
    width: Math.max(200, (container.parentElement ?? container).clientWidth),
    height: CHART_HEIGHT,
    autosize: { type: 'fit', contains: 'padding', resize: true },
    data: { name: 'table' },
    ...spec,
    config: DEMO_VEGA_CONFIG,
  };
  const vg = compile(full as unknown as TopLevelSpec).spec as VegaSpec;
  const view = new View(parse(vg), { renderer: 'canvas', container, hover: false });
  let busy = false;
  let queued: object[] | undefined;
  const run = (values: object[]) => {
    busy = true;
    view
      .data('table', values)
      .runAsync()
      .catch((error: unknown) => console.error(error))
      .finally(() => {
        busy = false;
        if (queued) {
          const next = queued;
          queued = undefined;
          run(next);
        }
      });
  };
  return {
    view,
    set(values) {
      if (busy) queued = values;
      else run(values);
    },
  };
}

