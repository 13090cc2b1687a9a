// The left column: ready-made event buttons, the list of the user's changes, and three sliders per
// exit border (detection, pushback, and violence: the injury probability of a pushback). Sliders show
// the enforcement in force (which the scenario's own events also change) and report a change when
// released, as an action.

import { SHOWN_FIELDS, SLIDER_FIELDS, type Action, type NewAction, type ScenarioMeta, type SliderField } from '../protocol.js';
import { borderName, percent, shortDateOf, shortPlace } from './format.js';
import { EXIT_COLOURS } from './theme.js';

const FIELD_LABELS: Record<SliderField, string> = { detection: 'Detection', pushback: 'Pushback', injury: 'Violence' };
const FIELD_HELP: Record<SliderField, string> = {
  detection: 'chance that a person crossing alone is caught',
  pushback: 'chance that a caught person is pushed back (else registered and let through)',
  injury: 'chance that a pushback injures the person (the model’s injury probability)',
};

export interface Controls {
  setEnforcement(values: Float64Array): void;
  setActions(actions: Action[]): void;
  destroy(): void;
}

export function createControls(meta: ScenarioMeta, act: (action: NewAction) => void): Controls {
  const presets = document.getElementById('presets')!;
  const sliders = document.getElementById('sliders')!;
  const applied = document.getElementById('applied')!;

  presets.replaceChildren(
    ...meta.presets.map((p) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'preset';
      b.dataset.preset = p.id;
      b.textContent = p.label;
      b.title = p.unavailable ? `Not available: ${p.unavailable}` : p.description;
      b.setAttribute('aria-description', p.unavailable ? `not available: ${p.unavailable}` : p.description);
      b.disabled = p.unavailable !== undefined;
      b.addEventListener('click', () => act({ kind: 'preset', preset: p.id }));
      return b;
    }),
  );

  const inputs = new Map<string, { input: HTMLInputElement; output: HTMLOutputElement; dragging: boolean }>();
  sliders.replaceChildren(
    ...meta.exits.map((b, k) => {
      const border = meta.borders[b];
      const set = document.createElement('fieldset');
      set.className = 'border';
      set.dataset.border = border;
      const legend = document.createElement('legend');
      legend.innerHTML = `<span class="swatch" style="background:${EXIT_COLOURS[k % EXIT_COLOURS.length]}"></span><b></b> <span class="name"></span>`;
      legend.querySelector('b')!.textContent = border;
      legend.querySelector('.name')!.textContent = borderName(meta, border);
      set.appendChild(legend);
      for (const field of SLIDER_FIELDS) {
        const id = `slider-${border}-${field}`;
        const row = document.createElement('div');
        row.className = 'slider';
        const label = document.createElement('label');
        label.htmlFor = id;
        label.textContent = FIELD_LABELS[field];
        label.title = FIELD_HELP[field];
        const input = document.createElement('input');
        input.type = 'range';
        input.id = id;
        input.min = '0';
        input.max = '100';
        input.step = '1';
        input.dataset.border = border;
        input.dataset.field = field;
        input.setAttribute('aria-description', FIELD_HELP[field]);
        const output = document.createElement('output');
        output.htmlFor.add(id);
        const entry = { input, output, dragging: false };
        inputs.set(`${border}.${field}`, entry);
        input.addEventListener('pointerdown', () => (entry.dragging = true));
        input.addEventListener('input', () => {
          output.textContent = `${input.value}%`;
          input.setAttribute('aria-valuetext', `${FIELD_LABELS[field]} ${input.value}%`);
        });
        input.addEventListener('change', () => {
          entry.dragging = false;
          act({ kind: 'set', border, field, value: Number(input.value) / 100 });
        });
        row.append(label, input, output);
        set.appendChild(row);
      }
      return set;
    }),
  );

  return {
    setEnforcement(values) {
      for (const b of meta.exits) {
        const border = meta.borders[b];
        for (const field of SLIDER_FIELDS) {
          const entry = inputs.get(`${border}.${field}`)!;
          if (entry.dragging) continue;
          const v = values[b * SHOWN_FIELDS.length + SHOWN_FIELDS.indexOf(field)];
          const pct = String(Math.round(v * 100));
          if (entry.input.value !== pct) entry.input.value = pct;
          entry.output.textContent = percent(v);
          entry.input.setAttribute('aria-valuetext', `${FIELD_LABELS[field]} ${percent(v)}`);
          entry.input.dataset.value = v.toFixed(4);
        }
      }
    },
    setActions(actions) {
      if (actions.length === 0) {
        const li = document.createElement('li');
        li.className = 'empty';
        li.textContent = 'None yet: move a slider or press an event.';
        applied.replaceChildren(li);
        return;
      }
      applied.replaceChildren(
        ...actions.map((a) => {
          const li = document.createElement('li');
          const what =
            a.kind === 'set'
              ? `${a.border} ${FIELD_LABELS[a.field].toLowerCase()} → ${percent(a.value)}`
              : (meta.presets.find((p) => p.id === a.preset)?.label ?? a.preset) + presetDetail(meta, a);
          li.innerHTML = 'from <time></time> <span></span>';
          li.querySelector('time')!.textContent = shortDateOf(meta, a.day);
          li.querySelector('span')!.textContent = what;
          return li;
        }),
      );
      applied.scrollTop = applied.scrollHeight;
    },
    destroy() {
      presets.replaceChildren();
      sliders.replaceChildren();
      applied.replaceChildren();
    },
  };
}

/** What a preset was fixed to act on: the dismantled network, or a campaign's border and place. */
function presetDetail(meta: ScenarioMeta, a: Extract<Action, { kind: 'preset' }>): string {
  if (a.network) return ` (${meta.networks.find((n) => n.id === a.network)?.name ?? a.network})`;
  if (a.border && a.place) return ` (${a.border}, at ${shortPlace(meta.nodes.find((n) => n.id === a.place)?.name ?? a.place)})`;
  return '';
}
