// The live panels beside the map: exit shares by border, crossings per week, stranded by country,
// deaths and injuries, smugglers' prices, and what people believe (beliefPanel.ts). Each is a Vega-Lite chart (compiled once per scenario,
// rendered by Vega on a canvas, data replaced on update) above the same numbers in HTML, which
// screen readers and the end-to-end test read (data-* attributes). Charts show the last two years,
// one point per week, in the report's palette and config (theme.ts).

import type { ScenarioMeta } from '../protocol.js';
import { borderName, dayDate, people, percent } from './format.js';
import {
  exitCrossingsTotal,
  exitShares,
  latestPrice,
  strandedNow,
  totals,
  weeklyExits,
  weeklyHarm,
  weeklyPrice,
  WEEK,
  type RowHistory,
} from './series.js';
import { createBeliefPanel } from './beliefPanel.js';
import { chart, timeAxis, WEEKS_SHOWN } from './charts.js';
import { EXIT_COLOURS, HARM_COLOURS } from './theme.js';


export interface Panels {
  /** Update the numbers; redraw the charts too when `charts` (they change once per simulated week). */
  update(h: RowHistory, charts: boolean): void;
  destroy(): void;
}

export function createPanels(root: HTMLElement, meta: ScenarioMeta): Panels {
  const exits = meta.exits.map((b) => meta.borders[b]);
  const colour = { domain: exits, range: exits.map((_, k) => EXIT_COLOURS[k % EXIT_COLOURS.length]) };
  const q = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;

  // Exit shares: a table with one row per exit, and the stacked shares over time.
  const shareBody = q<HTMLTableSectionElement>('#exit-share-table tbody');
  shareBody.replaceChildren(
    ...exits.map((b, k) => {
      const tr = document.createElement('tr');
      tr.dataset.border = b;
      tr.innerHTML = `<th scope="row"><span class="swatch" style="background:${EXIT_COLOURS[k % EXIT_COLOURS.length]}"></span>${b}</th><td class="name"></td><td class="share num"></td><td class="people num"></td>`;
      tr.querySelector('.name')!.textContent = borderName(meta, b);
      return tr;
    }),
  );
  const sharesChart = chart(
    q('#chart-exit-shares'),
    {
      mark: { type: 'area', interpolate: 'monotone' },
      encoding: {
        x: { field: 'date', type: 'temporal', axis: timeAxis },
        y: { field: 'share', type: 'quantitative', stack: 'zero', scale: { domain: [0, 1] }, axis: { title: null, format: '%', tickCount: 3 } },
        color: { field: 'border', type: 'nominal', scale: colour, legend: null },
        order: { field: 'order', type: 'quantitative' },
      },
    },
    'Stacked area: each exit border’s share of the crossings out of the region, four-week windows, last two years',
  );
  const crossingsChart = chart(
    q('#chart-crossings'),
    {
      mark: { type: 'line', strokeWidth: 3, interpolate: 'monotone' },
      encoding: {
        x: { field: 'date', type: 'temporal', axis: timeAxis },
        y: { field: 'crossings', type: 'quantitative', axis: { title: null, tickCount: 3, format: '~s' } },
        color: { field: 'border', type: 'nominal', scale: colour, legend: null },
      },
    },
    'Lines: people crossing each exit border per week, last two years',
  );
  const strandedChart = chart(
    q('#chart-stranded'),
    {
      layer: [
        { mark: { type: 'bar', color: '#E69F00', size: 18 } },
        { mark: { type: 'text', align: 'left', dx: 4, fontSize: 15 }, encoding: { text: { field: 'label' } } },
      ],
      // Rows come ranked by people, largest first.
      encoding: {
        y: { field: 'name', type: 'nominal', sort: { field: 'rank', op: 'min', order: 'ascending' }, axis: { title: null, labelLimit: 170, labelFontSize: 15 } },
        x: { field: 'people', type: 'quantitative', axis: null, scale: { domainMin: 0, nice: false, padding: 60 } },
      },
    },
    'Bars: people stranded in each country now',
  );
  const harmChart = chart(
    q('#chart-harm'),
    {
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'date', type: 'temporal', axis: timeAxis },
        y: { field: 'people', type: 'quantitative', stack: 'zero', axis: { title: null, tickCount: 3, format: '~s' } },
        color: { field: 'kind', type: 'nominal', scale: { domain: ['injuries', 'deaths'], range: [HARM_COLOURS.injuries, HARM_COLOURS.deaths] }, legend: null },
      },
    },
    'Stacked bars: injuries and deaths per week, last two years',
  );
  const hasSmugglers = meta.networks.length > 0;
  q('#price-panel').toggleAttribute('data-empty', !hasSmugglers);
  q('#price-note').textContent = hasSmugglers ? '' : 'No smuggling networks in this scenario: nobody sells crossings.';
  const priceChart = hasSmugglers
    ? chart(
        q('#chart-price'),
        {
          mark: { type: 'line', strokeWidth: 3, interpolate: 'monotone' },
          encoding: {
            x: { field: 'date', type: 'temporal', axis: timeAxis },
            y: { field: 'priceEur', type: 'quantitative', axis: { title: null, tickCount: 3, format: ',.0f' } },
            color: { field: 'border', type: 'nominal', scale: colour, legend: null },
          },
        },
        'Lines: price of one smuggled attempt at each exit border, EUR, weekly mean, last two years',
      )
    : undefined;
  if (!hasSmugglers) q('#chart-price').replaceChildren();
  const beliefs = createBeliefPanel(root, meta);

  const ms = (day: number) => dayDate(meta, day).getTime();

  function update(h: RowHistory, charts: boolean): void {
    const shares = exitShares(h, meta);
    for (const s of shares) {
      const tr = shareBody.querySelector<HTMLTableRowElement>(`tr[data-border="${s.border}"]`)!;
      tr.dataset.share = s.share.toFixed(4);
      tr.dataset.crossings = String(Math.round(s.crossings));
      tr.querySelector('.share')!.textContent = s.crossings > 0 ? percent(s.share) : '–';
      tr.querySelector('.people')!.textContent = people(s.crossings);
    }
    const lastWeek = exits.reduce((s, _, k) => s + h.sum(h.layout.exitCrossings + k, h.days - WEEK, h.days), 0);
    q('#crossings-headline').textContent = `${people(lastWeek)} people crossed out of the region in the last 7 days; ${people(exitCrossingsTotal(h, meta))} since the start.`;

    const stranded = strandedNow(h, meta);
    const strandedTotal = stranded.reduce((s, c) => s + c.people, 0);
    const shown = stranded.filter((c) => c.people > 0).slice(0, 5);
    q('#chart-stranded').hidden = shown.length === 0;
    const sh = q('#stranded-headline');
    sh.textContent = `${people(strandedTotal)} people stranded now`;
    sh.dataset.people = String(Math.round(strandedTotal));

    const t = totals(h);
    const harm = q('#harm-headline');
    harm.innerHTML = `<span class="big deaths">${people(t.deaths)}</span> deaths · <span class="big injuries">${people(t.injuries)}</span> injuries · ${people(t.pushbacks)} pushbacks since the start`;
    harm.dataset.deaths = String(Math.round(t.deaths));
    harm.dataset.injuries = String(Math.round(t.injuries));

    if (charts) {
      const weekly = weeklyExits(h, meta, WEEKS_SHOWN);
      sharesChart.set(weekly.filter((r) => r.share !== null).map((r) => ({ date: ms(r.day), border: r.border, share: r.share, order: exits.indexOf(r.border) })));
      crossingsChart.set(weekly.map((r) => ({ date: ms(r.day), border: r.border, crossings: r.crossings })));
      strandedChart.set(shown.map((c, rank) => ({ name: c.name, people: c.people, label: people(c.people), rank })));
      harmChart.set(weeklyHarm(h, WEEKS_SHOWN).map((r) => ({ date: ms(r.day), kind: r.kind, people: r.people })));
      priceChart?.set(weeklyPrice(h, meta, WEEKS_SHOWN).map((r) => ({ date: ms(r.day), border: r.border, priceEur: r.priceEur })));
    }
    if (priceChart) {
      const quotes = latestPrice(h, meta).filter((p) => p.priceEur !== null);
      q('#price-note').textContent = quotes.length > 0 ? quotes.map((p) => `${p.border} €${people(p.priceEur!)}`).join(' · ') : 'No exit is served by a smuggler right now.';
    }
    beliefs.update(h, charts);
  }

  return {
    update,
    destroy() {
      for (const c of [sharesChart, crossingsChart, strandedChart, harmChart, priceChart]) c?.view.finalize();
      beliefs.destroy();
    },
  };
}
