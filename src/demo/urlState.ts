// The share link: a run (RunSpec) and the day on screen, in the URL's hash, so that opening the
// link replays the same run to the same day (the kernel is deterministic given the scenario, seed,
// people per dot, the policy-events switch and the user's actions on their days).
//
//   #s=western-balkans&seed=2015&ppa=5&d=3012&a=3020:RS-HU.detection=1,3050:p.hungarian-fence
//
// s: built-in id, or `file:<name>` with the dropped file in f (deflate-raw, base64url: a 117 kB
// scenario becomes about 20 kB of URL); seed; ppa: people per dot (omitted: the scenario's own);
// h=0: without the scenario's own dated events; d: day; a: actions, `day:BORDER.field=value` or
// `day:p.preset[.network]` (a dismantled network) or `day:p.information-campaign.BORDER.place` (a
// campaign's border and place), in the order they were taken.

import { PRESET_IDS, SLIDER_FIELDS, type Action, type PresetId, type RunSpec, type SliderField } from './protocol.js';

export interface UrlState {
  spec: RunSpec;
  day: number;
}

/** The hash (without '#') for a run shown at `day`. */
export async function encodeState({ spec, day }: UrlState): Promise<string> {
  const p = new URLSearchParams();
  if (spec.source.kind === 'builtin') p.set('s', spec.source.id);
  else {
    p.set('s', `file:${spec.source.name}`);
    p.set('f', await deflate(spec.source.text));
  }
  p.set('seed', String(spec.seed));
  if (spec.peoplePerAgent !== null) p.set('ppa', String(spec.peoplePerAgent));
  if (!spec.history) p.set('h', '0');
  p.set('d', String(day));
  if (spec.actions.length > 0) p.set('a', spec.actions.map(encodeAction).join(','));
  // URLSearchParams escapes ':', ',' and '='; they are safe in a fragment and easier to read (a
  // parameter's value runs to the next '&', so an '=' inside it reads back unchanged).
  return p.toString().replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%3D/g, '=');
}

/** Decode a hash (with or without '#'); undefined when it names no scenario. Throws on a hash that
 * names one but is malformed, with a message for the page. */
export async function decodeState(hash: string): Promise<UrlState | undefined> {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const s = p.get('s');
  if (s === null || s === '') return undefined;
  let source: RunSpec['source'];
  if (s.startsWith('file:')) {
    const f = p.get('f');
    if (f === null) throw new Error(`the link names the file "${s.slice(5)}" but does not contain it`);
    source = { kind: 'file', name: s.slice(5), text: await inflate(f) };
  } else source = { kind: 'builtin', id: s };
  const seed = integer(p.get('seed') ?? '1', 'seed', 0);
  const ppaText = p.get('ppa');
  const peoplePerAgent = ppaText === null ? null : positive(ppaText, 'ppa');
  const day = integer(p.get('d') ?? '1', 'd', 1);
  const a = p.get('a');
  const actions = a === null || a === '' ? [] : a.split(',').map(decodeAction);
  return { spec: { source, seed, peoplePerAgent, history: p.get('h') !== '0', actions }, day };
}

export function encodeAction(a: Action): string {
  if (a.kind === 'set') return `${a.day}:${a.border}.${a.field}=${formatValue(a.value)}`;
  if (a.border !== undefined && a.place !== undefined) return `${a.day}:p.${a.preset}.${a.border}.${a.place}`;
  return `${a.day}:p.${a.preset}${a.network !== undefined ? `.${a.network}` : ''}`;
}

export function decodeAction(text: string): Action {
  const m = /^(\d+):(.+)$/.exec(text);
  if (!m) throw new Error(`cannot read the action "${text}" in the link`);
  const day = Number(m[1]);
  const body = m[2];
  if (body.startsWith('p.')) {
    const [preset, ...rest] = body.slice(2).split('.');
    if (!(PRESET_IDS as readonly string[]).includes(preset)) throw new Error(`unknown event "${preset}" in the link`);
    const base = { day, kind: 'preset', preset: preset as PresetId } as const;
    if (preset === 'information-campaign') {
      const [border, place] = rest;
      if (rest.length !== 2 || !/^[A-Z]{2}-[A-Z]{2}$/.test(border) || place === '') throw new Error(`cannot read the action "${text}" in the link`);
      return { ...base, border, place };
    }
    const network = rest.join('.');
    return network === '' ? base : { ...base, network };
  }
  const set = /^([A-Z]{2}-[A-Z]{2})\.(\w+)=([-\d.e]+)$/.exec(body);
  if (!set || !(SLIDER_FIELDS as readonly string[]).includes(set[2])) throw new Error(`cannot read the action "${text}" in the link`);
  const value = Number(set[3]);
  if (!(value >= 0 && value <= 1)) throw new Error(`the value in "${text}" must be between 0 and 1`);
  return { day, kind: 'set', border: set[1], field: set[2] as SliderField, value };
}

/** Slider values have two decimals; more would only lengthen the link. */
function formatValue(v: number): string {
  return String(Math.round(v * 10000) / 10000);
}

function integer(text: string, name: string, min: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`"${name}" in the link must be a whole number ≥ ${min}, got "${text}"`);
  return n;
}

function positive(text: string, name: string): number {
  const n = Number(text);
  if (!(n > 0) || !Number.isFinite(n)) throw new Error(`"${name}" in the link must be a positive number, got "${text}"`);
  return n;
}

async function deflate(text: string): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

async function inflate(data: string): Promise<string> {
  try {
    const stream = new Blob([fromBase64Url(data)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return await new Response(stream).text();
  } catch {
    throw new Error('the scenario file in the link is damaged (was the link cut short?)');
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(data: string): Uint8Array<ArrayBuffer> {
  const s = atob(data.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
