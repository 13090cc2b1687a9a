// The run's inputs in the toolbar: the scenario, seed, people-per-dot and history fields (filled
// from the worker's built-ins and kept in step with the loaded run), and the buttons and timeline
// that play, step, reset, change speed, seek and copy the link.

import { send } from './commands.js';
import { longDate } from './format.js';
import { writeHash } from './hash.js';
import { setPlaying, setSpeed, stepOnce } from './playback.js';
import { load, reloadWith, seedOf } from './run.js';
import { $, PEOPLE_PER_DOT, state } from './state.js';

export function fillScenarioSelect(): void {
  const select = $<HTMLSelectElement>('scenario');
  select.replaceChildren(
    ...state.builtins.map((b) => {
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

export function syncRunInputs(): void {
  const { spec, meta } = state;
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

$('play').addEventListener('click', () => setPlaying(!state.playing));
$('step').addEventListener('click', stepOnce);
$('reset').addEventListener('click', () => state.spec && load({ ...state.spec, actions: [] }, 1));
$('slower').addEventListener('click', () => setSpeed(state.speedIndex - 1));
$('faster').addEventListener('click', () => setSpeed(state.speedIndex + 1));
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
  if (state.meta) $('date').textContent = longDate(state.meta, Number((e.target as HTMLInputElement).value) - 1);
});
$<HTMLInputElement>('timeline').addEventListener('change', (e) => {
  if (!state.current) return;
  state.queue.length = 0;
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
