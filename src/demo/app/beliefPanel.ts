// The "What people believe" panel: at each exit, the chance of getting across alone that the people
// in its country believe beside the true chance, and a chart of both for the border of the latest
// information campaign (or, before one, the exit with the widest gap). It says where beliefs come
// from: the scenario, the demo's defaults switched on by a campaign, or nowhere (people then see
// the true enforcement, and the table shows only the truth).

import type { ScenarioMeta } from '../protocol.js';
import { chart, timeAxis, WEEKS_SHOWN, type Chart } from './charts.js';
import { borderName, countryName, dayDate, percent } from './format.js';
import { exitBeliefs, weeklyBeliefs, type RowHistory } from './series.js';
import { OKABE_ITO } from '../../report/theme.js';
import { state } from './state.js';

const SOURCE_NOTE: Record<ScenarioMeta['beliefs'], string> = {
  scenario: 'Beliefs as the scenario’s information block sets them.',
  demo: 'Beliefs switched on by the information campaign, with the model’s default parameters, from the first day.',
  off: 'This scenario has no beliefs: people act on the true chances. The information campaign switches beliefs on.',
};

export interface BeliefPanel {
  update(h: RowHistory, charts: boolean): void;
  destroy(): void;
}

export function createBeliefPanel(root: HTMLElement, meta: ScenarioMeta): BeliefPanel {
  const q = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
  const exits = meta.exits.map((b) => meta.borders[b]);
  q('#beliefs-note').textContent = SOURCE_NOTE[meta.beliefs];
  // With beliefs, the panel goes right under the exit shares, where a projector shows it; without,
  // it waits at the bottom.
  const panel = q('#belief-panel');
  if (meta.beliefs === 'off') panel.parentElement!.appendChild(panel);
  else q('#exit-panel').after(panel);
  const body = q<HTMLTableSectionElement>('#belief-table tbody');
  body.replaceChildren(
    ...exits.map((b) => {
      const tr = document.createElement('tr');
      tr.dataset.border = b;
      tr.innerHTML = `<th scope="row"></th><td class="who"></td><td class="believed num"></td><td class="true num"></td>`;
      tr.querySelector('th')!.textContent = b;
      tr.querySelector('th')!.title = borderName(meta, b);
      tr.querySelector('.who')!.textContent = `in ${countryName(meta, b.slice(0, 2))}`;
      return tr;
    }),
  );
  const focusTitle = q('#beliefs-focus');
  const beliefChart: Chart | undefined =
    meta.beliefs === 'off'
      ? undefined
      : chart(
          q('#chart-beliefs'),
          {
            mark: { type: 'line', strokeWidth: 3, interpolate: 'monotone' },
            encoding: {
              x: { field: 'date', type: 'temporal', axis: timeAxis },
              y: { field: 'chance', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: null, format: '%', tickCount: 3 } },
              color: { field: 'kind', type: 'nominal', scale: { domain: ['believed', 'true'], range: [OKABE_ITO.orange, OKABE_ITO.blue] }, legend: { orient: 'top', title: null } },
              strokeDash: { field: 'kind', type: 'nominal', scale: { domain: ['believed', 'true'], range: [[6, 3], [1, 0]] }, legend: null },
            },
          },
          'Lines: believed and true chance of getting across the focus border alone, weekly, last two years',
        );
  if (!beliefChart) q('#chart-beliefs').replaceChildren();

  function focus(rows: ReturnType<typeof exitBeliefs>): number {
    const campaign = state.spec?.actions.filter((a) => a.kind === 'preset' && a.border !== undefined).at(-1);
    const k = campaign?.kind === 'preset' ? exits.indexOf(campaign.border!) : -1;
    if (k >= 0) return k;
    let best = 0;
    rows.forEach((r, i) => {
      const gap = r.perceived === null ? -1 : Math.abs(r.perceived - r.trueChance);
      const bestGap = rows[best].perceived === null ? -1 : Math.abs(rows[best].perceived! - rows[best].trueChance);
      if (gap > bestGap) best = i;
    });
    return best;
  }

  return {
    update(h, charts) {
      const rows = exitBeliefs(h, meta);
      for (const r of rows) {
        const tr = body.querySelector<HTMLTableRowElement>(`tr[data-border="${r.border}"]`)!;
        tr.dataset.true = r.trueChance.toFixed(4);
        tr.dataset.believed = r.perceived === null ? '' : r.perceived.toFixed(4);
        tr.querySelector('.believed')!.textContent = r.perceived === null ? '–' : percent(r.perceived);
        tr.querySelector('.true')!.textContent = percent(r.trueChance);
      }
      if (!beliefChart || rows.length === 0) return;
      const k = focus(rows);
      focusTitle.textContent = `${exits[k]}, ${borderName(meta, exits[k])}`;
      if (charts) beliefChart.set(weeklyBeliefs(h, k, WEEKS_SHOWN).map((r) => ({ date: dayDate(meta, r.day).getTime(), kind: r.kind, chance: r.chance })));
    },
    destroy() {
      beliefChart?.view.finalize();
    },
  };
}
