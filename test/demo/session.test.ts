// The demo's worker protocol, driven in Node through the same session object the Web Worker wraps:
// message types (plain data, nothing transferred), that the kernel is the command line's (same counters as
// createModel), that a run rebuilt from its RunSpec (a replay, a seek, a shared URL) reproduces the
// state exactly, and that actions act.

import { describe, expect, it } from 'vitest';
import { createModel } from '../../src/model/createModel.js';
import { BORDER, TOTAL, borderAt, totalAt } from '../../src/model/recorder.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { createSession, type Outgoing } from '../../src/demo/session.js';
import { CATEGORIES, rowLayout, type Command, type Frame, type Reply, type RunSpec, type ScenarioMeta } from '../../src/demo/protocol.js';
import { decodeState, encodeState } from '../../src/demo/urlState.js';
import { resolveScenario } from '../../src/demo/scenarioSource.js';
import { smugglerScenario } from '../fixtures/scenarios.js';
import { diskLibrary } from './library.js';

const toy: RunSpec = { source: { kind: 'builtin', id: 'toy-three-crossings' }, seed: 7, peoplePerAgent: null, history: true, actions: [] };

function session() {
  let t = 0;
  return createSession({ library: diskLibrary(), now: () => (t += 1) });
}

function replies(out: Outgoing[]): Reply[] {
  return out.map((o) => o.reply);
}

function lastFrame(out: Outgoing[]): Frame {
  const f = replies(out).filter((r): r is Frame => r.type === 'frame').at(-1);
  if (!f) throw new Error(`no frame in ${JSON.stringify(replies(out).map((r) => (r.type === 'error' ? r : r.type)))}`);
  return f;
}

function load(s: ReturnType<typeof session>, spec: RunSpec, day: number): { meta: ScenarioMeta; frame: Frame } {
  const out = s.handle({ type: 'load', spec, day });
  const loaded = out[0].reply;
  if (loaded.type !== 'loaded') throw new Error(JSON.stringify(loaded));
  return { meta: loaded.meta, frame: lastFrame(out) };
}

/** Apply a list of commands and collect every frame's rows into one history, as the page does. */
function drive(s: ReturnType<typeof session>, commands: Command[]): { frame: Frame; history: number[] } {
  let history: number[] = [];
  let frame: Frame | undefined;
  for (const c of commands) {
    for (const r of replies(s.handle(c))) {
      if (r.type === 'error') throw new Error(r.message + r.problems.join('\n'));
      if (r.type !== 'frame') continue;
      if (r.fromDay === 0) history = [];
      history.push(...r.rows);
      frame = r;
    }
  }
  return { frame: frame!, history };
}

describe('demo session (worker protocol)', () => {
  it('announces the built-in scenarios, not the schema or network parents', () => {
    const ready = session().ready().reply;
    expect(ready.type).toBe('ready');
    if (ready.type !== 'ready') return;
    const ids = ready.builtins.map((b) => b.id);
    expect(ids).toContain('western-balkans');
    expect(ids).toContain('toy-three-crossings');
    expect(ids).not.toContain('schema');
    expect(ids.some((id) => id.includes('/'))).toBe(false);
    expect(ready.builtins.find((b) => b.id === 'western-balkans')!.name).toMatch(/Western Balkan/);
  });

  it('answers load with the scenario and a frame replayed to the day, nothing to transfer', () => {
    const out = session().handle({ type: 'load', spec: toy, day: 20 });
    expect(replies(out).map((r) => r.type)).toEqual(['loaded', 'frame']);
    const meta = (out[0].reply as { meta: ScenarioMeta }).meta;
    expect(meta.borders).toContain('XA-XC');
    expect(meta.exits.map((b) => meta.borders[b]).sort()).toEqual(['XA-XB', 'XA-XC', 'XA-XD']);
    expect(meta.presets.find((p) => p.id === 'hungarian-fence')!.unavailable).toMatch(/none of the borders/);
    const frame = lastFrame(out);
    expect(frame.day).toBe(20);
    expect(frame.fromDay).toBe(0);
    expect(frame.rows.length).toBe(20 * rowLayout(meta).length);
    expect(frame.agents.offsets.length).toBe(CATEGORIES.length + 1);
    expect(frame.agents.pos.length).toBe(4 * frame.agents.offsets[CATEGORIES.length]);
    // Every reply survives the structured clone that postMessage does, and nothing is detached.
    for (const o of out) expect(Object.keys(o)).toEqual(['reply']);
    for (const o of out) expect(structuredClone(o.reply)).toEqual(o.reply);
    expect(frame.rows.buffer.byteLength).toBeGreaterThan(0);
  });

  it('runs the command line kernel: rows equal createModel with the same seed', () => {
    const s = session();
    const { meta } = load(s, toy, 1);
    const { frame, history } = drive(s, [{ type: 'load', spec: toy, day: 1 }, { type: 'step', days: 10 }, { type: 'step', days: 1 }, { type: 'step', days: 29 }]);
    expect(frame.day).toBe(41);
    const L = rowLayout(meta);
    const compiled = compileScenario(resolveScenario(diskLibrary(), toy.source).scenario);
    const model = createModel(compiled, toy.seed, 0);
    while (model.day < 41) model.step();
    const rec = model.counters;
    for (let d = 0; d < 41; d++) {
      expect(history[d * L.length + L.entered]).toBe(rec.totalDaily[totalAt(rec, TOTAL.entered, d)] * compiled.peoplePerAgent);
      meta.exits.forEach((b, k) => {
        expect(history[d * L.length + L.exitCrossings + k]).toBe(rec.borderDaily[borderAt(rec, BORDER.crossings, b, d)]);
      });
    }
    let alive = 0;
    for (let i = 0; i < model.agents.highWater; i++) if (model.agents.status[i] !== 0) alive++;
    expect(frame.agents.offsets[CATEGORIES.length]).toBe(alive);
  });

  it('a slider action acts from the next day and is reported with its day', () => {
    const s = session();
    const { meta } = load(s, toy, 30);
    const xc = meta.borders.indexOf('XA-XC');
    const act = lastFrame(s.handle({ type: 'act', action: { kind: 'set', border: 'XA-XC', field: 'detection', value: 1 } }));
    expect(act.day).toBe(30);
    expect(act.rows.length).toBe(0);
    expect(act.actions).toEqual([{ day: 30, kind: 'set', border: 'XA-XC', field: 'detection', value: 1 }]);
    expect(act.enforcement[xc * 5]).toBe(1);
  });

  it('raising detection and pushback on one exit moves crossings to the others', () => {
    const L = (meta: ScenarioMeta) => rowLayout(meta);
    const share = (meta: ScenarioMeta, history: number[], border: string, from: number, to: number) => {
      const k = meta.exits.findIndex((b) => meta.borders[b] === border);
      let mine = 0;
      let all = 0;
      for (let d = from; d < to; d++) {
        for (let j = 0; j < meta.exits.length; j++) {
          const v = history[d * L(meta).length + L(meta).exitCrossings + j];
          all += v;
          if (j === k) mine += v;
        }
      }
      return mine / all;
    };
    const spec = { ...toy, history: false };
    const base = session();
    const { meta } = load(base, spec, 20);
    const before = drive(base, [{ type: 'load', spec, day: 20 }, { type: 'step', days: 30 }]).history;
    const s = session();
    const after = drive(s, [
      { type: 'load', spec, day: 20 },
      { type: 'act', action: { kind: 'set', border: 'XA-XC', field: 'detection', value: 1 } },
      { type: 'act', action: { kind: 'set', border: 'XA-XC', field: 'pushback', value: 1 } },
      { type: 'step', days: 30 },
    ]).history;
    expect(share(meta, after, 'XA-XC', 30, 50)).toBeLessThan(share(meta, before, 'XA-XC', 30, 50) - 0.2);
  });

  it('a run rebuilt from its URL reproduces the same rows, dots and enforcement', async () => {
    const s = session();
    const live = drive(s, [
      { type: 'load', spec: toy, day: 5 },
      { type: 'step', days: 10 },
      { type: 'act', action: { kind: 'set', border: 'XA-XC', field: 'detection', value: 0.9 } },
      { type: 'step', days: 7 },
      { type: 'act', action: { kind: 'set', border: 'XA-XB', field: 'pushback', value: 1 } },
      { type: 'act', action: { kind: 'set', border: 'XA-XC', field: 'detection', value: 0.95 } },
      { type: 'act', action: { kind: 'preset', preset: 'legal-corridor' } },
      { type: 'step', days: 1 },
      { type: 'act', action: { kind: 'set', border: 'XA-XD', field: 'injury', value: 0.5 } },
      { type: 'step', days: 20 },
    ]);
    const hash = await encodeState({ spec: { ...toy, actions: live.frame.actions }, day: live.frame.day });
    const decoded = await decodeState(hash);
    expect(decoded).toBeDefined();
    const other = session();
    const { frame } = load(other, decoded!.spec, decoded!.day);
    expect(frame.day).toBe(live.frame.day);
    expect(Array.from(frame.rows)).toEqual(live.history);
    expect(Array.from(frame.agents.pos)).toEqual(Array.from(live.frame.agents.pos));
    expect(Array.from(frame.enforcement)).toEqual(Array.from(live.frame.enforcement));
    expect(frame.actions).toEqual(live.frame.actions);
  });

  it('a second change of the same slider on the same day replaces the first', () => {
    const s = session();
    load(s, toy, 10);
    s.handle({ type: 'act', action: { kind: 'set', border: 'XA-XC', field: 'detection', value: 0.2 } });
    const f = lastFrame(s.handle({ type: 'act', action: { kind: 'set', border: 'XA-XC', field: 'detection', value: 0.7 } }));
    expect(f.actions).toEqual([{ day: 10, kind: 'set', border: 'XA-XC', field: 'detection', value: 0.7 }]);
  });

  it('seeking back and forth gives the state of an uninterrupted run; later actions still apply', () => {
    const s = session();
    const straight = drive(s, [
      { type: 'load', spec: toy, day: 10 },
      { type: 'act', action: { kind: 'set', border: 'XA-XC', field: 'detection', value: 1 } },
      { type: 'step', days: 40 },
    ]);
    const seeking = drive(s, [{ type: 'seek', day: 3 }, { type: 'seek', day: 25 }, { type: 'step', days: 25 }]);
    expect(seeking.frame.day).toBe(50);
    expect(seeking.history).toEqual(straight.history);
    expect(Array.from(seeking.frame.agents.pos)).toEqual(Array.from(straight.frame.agents.pos));
  });

  it('without the scenario’s own events, its dated crackdown does not happen', () => {
    const s = session();
    const { meta } = load(s, { ...toy, history: false }, 100);
    expect(meta.events).toEqual([]);
    const xc = meta.borders.indexOf('XA-XC');
    expect(lastFrame(s.handle({ type: 'step', days: 1 })).enforcement[xc * 5]).toBe(0.4);
    const withHistory = session();
    load(withHistory, toy, 100);
    expect(lastFrame(withHistory.handle({ type: 'step', days: 1 })).enforcement[xc * 5]).toBe(0.9);
  });

  it('people per dot scales the number of dots, not the people counted', () => {
    const a = session();
    const fine = load(a, { ...toy, peoplePerAgent: 1 }, 40);
    const b = session();
    const coarse = load(b, { ...toy, peoplePerAgent: 10 }, 40);
    expect(coarse.meta.peoplePerAgent).toBe(10);
    const dots = (f: Frame) => f.agents.offsets[CATEGORIES.length];
    expect(dots(coarse.frame)).toBeLessThan(dots(fine.frame) / 5);
    const entered = (m: ScenarioMeta, f: Frame) => {
      const L = rowLayout(m);
      let sum = 0;
      for (let d = 0; d < f.day; d++) sum += f.rows[d * L.length + L.entered];
      return sum;
    };
    expect(entered(coarse.meta, coarse.frame) / entered(fine.meta, fine.frame)).toBeGreaterThan(0.8);
    expect(entered(coarse.meta, coarse.frame) / entered(fine.meta, fine.frame)).toBeLessThan(1.2);
  });

  it('a dropped file with smugglers: dismantling a network replays, names the network, and reproduces from the URL', async () => {
    const spec: RunSpec = { source: { kind: 'file', name: 'market.json', text: JSON.stringify(smugglerScenario()) }, seed: 3, peoplePerAgent: null, history: true, actions: [] };
    const s = session();
    const { meta } = load(s, spec, 30);
    expect(meta.networks.map((n) => n.id)).toEqual(['ring-s', 'ring-o']);
    expect(meta.presets.find((p) => p.id === 'network-dismantled')!.unavailable).toBeUndefined();
    const live = drive(s, [
      { type: 'load', spec, day: 30 },
      { type: 'act', action: { kind: 'preset', preset: 'network-dismantled' } },
      { type: 'step', days: 30 },
    ]);
    expect(live.frame.actions).toEqual([{ day: 30, kind: 'preset', preset: 'network-dismantled', network: 'ring-s' }]);
    const decoded = (await decodeState(await encodeState({ spec: { ...spec, actions: live.frame.actions }, day: 60 })))!;
    expect(decoded.spec.source).toEqual(spec.source);
    const { frame } = load(session(), decoded.spec, decoded.day);
    expect(Array.from(frame.rows)).toEqual(live.history);
    // And dismantling changed the run (prices or crossings differ from a run without it).
    const { frame: plain } = load(session(), spec, 60);
    expect(Array.from(plain.rows)).not.toEqual(live.history);
  });

  it('an information campaign on a scenario without beliefs switches them on, is fixed to a border and place, and reproduces from the URL', async () => {
    const s = session();
    const { meta } = load(s, toy, 40);
    expect(meta.beliefs).toBe('off');
    expect(meta.presets.find((p) => p.id === 'information-campaign')!.unavailable).toBeUndefined();
    // Without beliefs people perceive nothing of their own: the rows carry the truth only.
    const L = rowLayout(meta);
    const before = lastFrame(s.handle({ type: 'step', days: 1 }));
    const lastRow = (f: Frame) => f.rows.subarray(f.rows.length - L.length);
    expect(Number.isNaN(lastRow(before)[L.exitPerceivedChance])).toBe(true);
    expect(lastRow(before)[L.exitTrueChance]).toBeGreaterThan(0);

    const out = s.handle({ type: 'act', action: { kind: 'preset', preset: 'information-campaign' } });
    const loaded = out[0].reply;
    if (loaded.type !== 'loaded') throw new Error(JSON.stringify(loaded));
    expect(loaded.meta.beliefs).toBe('demo');
    expect(loaded.meta.events).toContainEqual({ day: 41, label: 'Information campaign (demo)' });
    const replayed = lastFrame(out);
    expect(replayed.fromDay).toBe(0);
    // The busiest exit in the last four weeks (the middle crossing until its crackdown), given at
    // the place of its country with the most people (the hub).
    expect(replayed.actions).toEqual([{ day: 41, kind: 'preset', preset: 'information-campaign', border: 'XA-XC', place: 'hub' }]);
    const live = drive(s, [{ type: 'step', days: 20 }]);
    const row = lastRow(live.frame);
    const k = loaded.meta.exits.findIndex((b) => loaded.meta.borders[b] === 'XA-XC');
    expect(row[L.exitPerceivedChance + k]).toBeGreaterThan(0);
    expect(row[L.exitPerceivedChance + k]).toBeLessThanOrEqual(1);

    const hash = await encodeState({ spec: { ...toy, actions: live.frame.actions }, day: 61 });
    expect(hash).toContain('a=41:p.information-campaign.XA-XC.hub');
    const decoded = (await decodeState(hash))!;
    const again = load(session(), decoded.spec, decoded.day);
    expect(again.meta.beliefs).toBe('demo');
    expect(Array.from(again.frame.rows.subarray(again.frame.rows.length - L.length))).toEqual(Array.from(row));
  });

  it('the campaign changes what people believe about its border, against the same run with beliefs but no campaign', () => {
    const withInfo = { ...(diskLibrary().files.get('toy-three-crossings.json') as object), id: 'toy-info', information: {} };
    const spec: RunSpec = { ...toy, source: { kind: 'file', name: 'toy-info.json', text: JSON.stringify(withInfo) } };
    const s = session();
    const { meta } = load(s, spec, 20);
    expect(meta.beliefs).toBe('scenario');
    const campaign = drive(s, [
      { type: 'load', spec, day: 20 },
      { type: 'act', action: { kind: 'preset', preset: 'information-campaign' } },
      { type: 'step', days: 30 },
    ]);
    const plain = drive(session(), [{ type: 'load', spec, day: 50 }]);
    const L = rowLayout(meta);
    const k = meta.exits.findIndex((b) => meta.borders[b] === campaign.frame.actions[0].border);
    const perceived = (h: number[]) => Array.from({ length: 50 }, (_, d) => h[d * L.length + L.exitPerceivedChance + k]);
    expect(perceived(campaign.history).slice(0, 20)).toEqual(perceived(plain.history).slice(0, 20));
    expect(perceived(campaign.history).slice(20)).not.toEqual(perceived(plain.history).slice(20));
  });

  it('a dropped file may extend a built-in; its problems name the file and the JSON path', () => {
    const s = session();
    const child = { extends: 'toy-three-crossings', id: 'toy-variant', borders: { 'XA-XC': { detection: 0.1 } } };
    const ok = s.handle({ type: 'load', spec: { ...toy, source: { kind: 'file', name: 'variant.json', text: JSON.stringify(child) } }, day: 2 });
    expect(ok[0].reply.type).toBe('loaded');
    const bad = { ...child, borders: { 'XA-XC': { detection: 2 } } };
    const out = s.handle({ type: 'load', spec: { ...toy, source: { kind: 'file', name: 'variant.json', text: JSON.stringify(bad) } }, day: 2 });
    expect(out[0].reply).toMatchObject({ type: 'error', problems: [expect.stringMatching(/^variant\.json: \/borders\/XA-XC\/detection: must be <= 1/)] });
    const broken = s.handle({ type: 'load', spec: { ...toy, source: { kind: 'file', name: 'x.json', text: '{ "id": ' } }, day: 2 });
    expect(broken[0].reply).toMatchObject({ type: 'error', problems: [expect.stringMatching(/^x\.json: invalid JSON/)] });
  });

  it("a dropped file's warnings come with the scenario, each with the file and the JSON path; a built-in has none", () => {
    const s = session();
    expect(load(s, toy, 1).meta.warnings).toEqual([]);
    const cohort = { id: 'nobody', name: 'Nobody', budgetEur: { mean: 1000, sd: 100 }, riskAversion: 1, destinations: { destination: 1 } };
    const child = { extends: 'toy-three-crossings', id: 'toy-variant', cohorts: [cohort] };
    const { meta } = load(s, { ...toy, source: { kind: 'file', name: 'variant.json', text: JSON.stringify(child) } }, 1);
    expect(meta.warnings).toEqual(['variant.json: /cohorts/0: no inflow brings people of cohort "nobody": nobody of it ever enters']);
  });

  it('a step before any load is an error reply, not a crash', () => {
    expect(session().handle({ type: 'step', days: 1 })[0].reply).toEqual({ type: 'error', message: 'no scenario loaded', problems: [] });
  });
});
