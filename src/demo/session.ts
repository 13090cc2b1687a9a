// The simulation behind the demo page: what the Web Worker does with each Command, as a plain
// object with no messaging, so unit tests drive it directly in Node. It holds one run (a RunSpec,
// its compiled scenario and a Model from createModel, the command line's kernel), applies the
// user's actions on their days through model.setEnforcement, and answers with Frames: the daily rows
// since the last frame, the dots, the current enforcement.
//
// Replays: the kernel is deterministic given the compiled scenario, the seed and the actions on
// their days, so any earlier state is rebuilt by replaying from day 0 (a shared URL, the timeline,
// reset). Police pressure on smuggling bases and a dismantled network are not enforcement fields:
// those parts of a preset become dated scenario events (as a scenario file would write them), and
// taking one recompiles and replays to the current day. A western-balkans replay of the whole
// 12-year period takes 1.4 s in headless Chromium on the 2-core development machine, longer when it
// is busy (bench/DECLARATION.md, "the browser demo").

import { createModel, type Model } from '../model/createModel.js';
import type { CompiledScenario } from '../model/compiled.js';
import { compileScenario } from '../scenarios/compile.js';
import { dayIndex, isoDay } from '../scenarios/dates.js';
import { DEFAULT_PEOPLE_PER_AGENT } from '../scenarios/defaults.js';
import { ScenarioError, formatProblem } from '../scenarios/errors.js';
import type { EventSpec, Scenario } from '../scenarios/types.js';
import { createAgentFramer, type AgentFramer } from './agentFrame.js';
import { campaignEvent, campaignTarget, createBeliefSampler, type BeliefSampler } from './campaign.js';
import { dailyRows } from './dailyRows.js';
import { PRESETS, presetBorderSets, presetById, presetPressureNodes, presetUnavailable } from './presets.js';
import { mapFrame, projectPlaces } from './projection.js';
import {
  SHOWN_FIELDS,
  rowLayout,
  type Action,
  type Command,
  type Frame,
  type NewAction,
  type Reply,
  type RowLayout,
  type RunSpec,
  type ScenarioMeta,
} from './protocol.js';
import { listBuiltins, resolveScenario, type ResolvedScenario, type ScenarioLibrary } from './scenarioSource.js';

/** A reply to post. Its typed arrays are copied by postMessage, never transferred: the first
 * detached buffer in the worker would invalidate V8's ArrayBufferDetaching protector and slow
 * every typed-array access of the kernel in that worker (bench/DECLARATION.md, "bench/parallel.mjs";
 * in Node, one 8-byte transfer before 6 replicates: 2.54–2.98 → 3.38–3.77 s of thread CPU). The
 * price, one copy of each frame's arrays, was not measured. */
export interface Outgoing {
  reply: Reply;
}

export interface SessionEnv {
  library: ScenarioLibrary;
  /** A clock in milliseconds for the step-rate figures (performance.now in the worker). */
  now: () => number;
}

export interface Session {
  /** The first message: the built-in scenarios to choose from. */
  ready(): Outgoing;
  handle(command: Command): Outgoing[];
}

interface Compiled {
  key: string;
  compiled: CompiledScenario;
  meta: ScenarioMeta;
  layout: RowLayout;
  framer: AgentFramer;
  borderIndex: Map<string, number>;
  /** First edge of each border (enforcement is set per border, so any of its edges tells). */
  borderEdge: Int32Array;
}

interface Run {
  spec: RunSpec;
  scenario: Scenario;
  c: Compiled;
  model: Model;
  /** actions[0 .. nextAction) have been applied. */
  nextAction: number;
  /** Daily rows before this day have been sent to the page. */
  sentThrough: number;
  beliefs: BeliefSampler;
}

export function createSession(env: SessionEnv): Session {
  let run: Run | undefined;
  let resolved: ({ source: string } & ResolvedScenario) | undefined;
  let cached: Compiled | undefined;

  function scenarioOf(spec: RunSpec): Scenario {
    const key = JSON.stringify(spec.source);
    if (resolved?.source !== key) resolved = { source: key, ...resolveScenario(env.library, spec.source) };
    return resolved.scenario;
  }

  function compiledFor(spec: RunSpec, scenario: Scenario): Compiled {
    const effective = effectiveScenario(scenario, spec);
    const key = JSON.stringify([spec.source, effective.peoplePerAgent, effective.events, effective.information !== undefined]);
    if (cached?.key === key) return cached;
    const compiled = compileScenario(effective);
    const meta = describe(scenario, effective, compiled, spec, resolved?.warnings ?? []);
    const frame = mapFrame(meta.nodes);
    const net = compiled.network;
    cached = {
      key,
      compiled,
      meta,
      layout: rowLayout(meta),
      framer: createAgentFramer(net, projectPlaces(frame, meta.nodes), compiled.behaviour.strandedAfterDays),
      borderIndex: new Map(net.borderIds.map((b, i) => [b, i])),
      borderEdge: Int32Array.from(net.borderIds, (_, b) => net.edgeBorder.indexOf(b)),
    };
    return cached;
  }

  /** A fresh run of `spec`, simulated to `day` (clamped to [1, days]). */
  function start(spec: RunSpec, day: number): Run {
    const scenario = scenarioOf(spec);
    const c = compiledFor(spec, scenario);
    const actions = [...spec.actions].sort((a, b) => a.day - b.day);
    const r: Run = {
      spec: { ...spec, actions },
      scenario,
      c,
      model: createModel(c.compiled, spec.seed, 0),
      nextAction: 0,
      sentThrough: 0,
      beliefs: createBeliefSampler(c.compiled.network, c.meta.exits, c.compiled.days),
    };
    advance(r, Math.max(1, Math.min(c.compiled.days, Math.round(day))) - 0);
    return r;
  }

  /** Step the run until model.day reaches `day`, applying actions as their days come. */
  function advance(r: Run, day: number): number {
    let stepped = 0;
    while (r.model.day < day && r.model.day < r.c.compiled.days) {
      r.model.step();
      r.beliefs.sample(r.model, r.model.day - 1);
      stepped++;
      applyDue(r);
    }
    return stepped;
  }

  function applyDue(r: Run): void {
    const actions = r.spec.actions;
    while (r.nextAction < actions.length && actions[r.nextAction].day <= r.model.day) apply(r, actions[r.nextAction++]);
  }

  function apply(r: Run, a: Action): void {
    const sets = a.kind === 'set' ? [a] : presetBorderSets(presetById(a.preset), r.c.compiled.network.borderIds);
    for (const s of sets) {
      const b = r.c.borderIndex.get(s.border);
      if (b !== undefined) r.model.setEnforcement(b, s.field, s.value);
    }
  }

  function act(r: Run, action: NewAction): Run {
    const day = r.model.day;
    let full: Action = { ...action, day } as Action;
    if (full.kind === 'preset' && full.preset === 'network-dismantled') full = { ...full, network: largestNetwork(r) };
    if (full.kind === 'preset' && full.preset === 'information-campaign') full = { ...full, ...campaignOf(r) };
    const same = (a: Action) =>
      a.day === day &&
      a.kind === full.kind &&
      (a.kind === 'set' && full.kind === 'set' ? a.border === full.border && a.field === full.field : a.kind === 'preset' && full.kind === 'preset' && a.preset === full.preset);
    // A repeated change on the same day replaces the earlier one and goes last among that day's
    // actions, so a replay applies them in the order they were made.
    const kept = r.spec.actions.filter((a) => !same(a));
    const at = kept.findIndex((a) => a.day > day);
    const actions = at < 0 ? [...kept, full] : [...kept.slice(0, at), full, ...kept.slice(at)];
    const spec = { ...r.spec, actions };
    if (structuralEvents(r.scenario, [full]).length > 0) return start(spec, day);
    r.spec = spec;
    r.nextAction = at < 0 ? actions.length : at + 1;
    apply(r, full);
    return r;
  }

  function largestNetwork(r: Run): string {
    const m = r.model.market;
    const ids = r.c.compiled.smugglers?.ids ?? [];
    let best = -1;
    for (let n = 0; m && n < ids.length; n++) if (m.active[n] === 1 && (best < 0 || m.capacity[n] > m.capacity[best])) best = n;
    if (best < 0) throw new ScenarioError([{ file: r.c.meta.id, path: '/smugglers', message: 'no active smuggling network left to dismantle' }]);
    return ids[best];
  }

  function campaignOf(r: Run): { border: string; place: string } {
    const net = r.c.compiled.network;
    const candidates = r.c.meta.exits.length > 0 ? r.c.meta.exits : net.borderIds.map((_, b) => b);
    const target = campaignTarget(r.model, net, candidates);
    if (!target) throw new ScenarioError([{ file: r.c.meta.id, path: '/nodes', message: 'no place in the country of a border for an information campaign' }]);
    return target;
  }

  function frame(r: Run, fromDay: number, stepMs: number, steppedDays: number): Outgoing {
    const { model, c } = r;
    const rows = dailyRows(model, c.meta, c.layout, c.compiled.peoplePerAgent, r.beliefs, fromDay, model.day);
    r.sentThrough = model.day;
    const agents = c.framer.build(model.agents, model.day - 1);
    const enforcement = new Float64Array(c.borderEdge.length * SHOWN_FIELDS.length);
    c.borderEdge.forEach((e, b) => {
      SHOWN_FIELDS.forEach((f, k) => {
        enforcement[b * SHOWN_FIELDS.length + k] = e >= 0 ? model.enforcement[f][e] : 0;
      });
    });
    const reply: Frame = {
      type: 'frame',
      day: model.day,
      fromDay,
      rows,
      agents,
      enforcement,
      actions: r.spec.actions.map((a) => ({ ...a })),
      stepMs,
      steppedDays,
    };
    return { reply };
  }

  function timed<T>(f: () => T): [T, number] {
    const t0 = env.now();
    const out = f();
    return [out, env.now() - t0];
  }

  function handle(command: Command): Outgoing[] {
    try {
      switch (command.type) {
        case 'load': {
          const [r, ms] = timed(() => start(command.spec, command.day));
          run = r;
          return [{ reply: { type: 'loaded', meta: r.c.meta, spec: r.spec } }, frame(r, 0, ms, r.model.day)];
        }
        case 'step': {
          const r = requireRun();
          const [stepped, ms] = timed(() => advance(r, r.model.day + Math.max(1, Math.round(command.days))));
          return [frame(r, r.sentThrough, ms, stepped)];
        }
        case 'act': {
          const r = requireRun();
          const [next, ms] = timed(() => act(r, command.action));
          const replayed = next !== r;
          run = next;
          const out = frame(next, replayed ? 0 : next.sentThrough, replayed ? ms : 0, replayed ? next.model.day : 0);
          // A recompiled scenario (a campaign that switched beliefs on, a dismantled network) has
          // new meta: the page rebuilds its views before the replayed frame.
          return next.c !== r.c ? [{ reply: { type: 'loaded', meta: next.c.meta, spec: next.spec } }, out] : [out];
        }
        case 'seek': {
          const r = requireRun();
          const target = Math.max(1, Math.min(r.c.compiled.days, Math.round(command.day)));
          if (target >= r.model.day) {
            const [stepped, ms] = timed(() => advance(r, target));
            return [frame(r, r.sentThrough, ms, stepped)];
          }
          const [next, ms] = timed(() => start(r.spec, target));
          run = next;
          return [frame(next, 0, ms, next.model.day)];
        }
      }
    } catch (error) {
      return [{ reply: errorReply(error) }];
    }
  }

  function requireRun(): Run {
    if (!run) throw new Error('no scenario loaded');
    return run;
  }

  return {
    ready: () => ({ reply: { type: 'ready', builtins: listBuiltins(env.library) } }),
    handle,
  };
}

function errorReply(error: unknown): Reply {
  if (error instanceof ScenarioError) {
    return { type: 'error', message: 'The scenario has problems:', problems: error.problems.map(formatProblem) };
  }
  return { type: 'error', message: error instanceof Error ? error.message : String(error), problems: [] };
}

/** The scenario as this run simulates it: people per dot, the scenario's own events (all of them,
 * or only those in force on its first day), the structural parts of the user's presets, and
 * beliefs with every default when a campaign needs them and the scenario has none (campaign.ts). */
export function effectiveScenario(scenario: Scenario, spec: RunSpec): Scenario {
  const own = (scenario.events ?? []).filter((e) => spec.history || e.date <= scenario.period.start);
  const campaign = spec.actions.some((a) => a.kind === 'preset' && presetById(a.preset).campaign);
  return {
    ...scenario,
    peoplePerAgent: spec.peoplePerAgent ?? scenario.peoplePerAgent,
    events: [...own, ...structuralEvents(scenario, spec.actions)],
    ...(campaign && scenario.information === undefined ? { information: {} } : {}),
  };
}

/** Scenario events for the presets' police pressure on bases, dismantled networks and campaigns. */
export function structuralEvents(scenario: Scenario, actions: readonly Action[]): EventSpec[] {
  return actions.flatMap((a): EventSpec[] => {
    if (a.kind !== 'preset') return [];
    const p = presetById(a.preset);
    const date = isoDay(scenario.period.start, a.day);
    const label = `${p.label} (demo)`;
    if (p.campaign) return a.border !== undefined && a.place !== undefined ? [campaignEvent(date, label, { border: a.border, place: a.place })] : [];
    if (!scenario.smugglers) return [];
    const out: EventSpec[] = presetPressureNodes(p, scenario).map((place) => ({ date, label, place, set: { arrestPressure: p.basePressure!.arrestPressure } }));
    if (p.dismantle && a.network !== undefined) out.push({ date, label, dismantle: a.network });
    return out;
  });
}

function describe(scenario: Scenario, effective: Scenario, compiled: CompiledScenario, spec: RunSpec, warnings: string[]): ScenarioMeta {
  const net = compiled.network;
  const start = scenario.period.start;
  const seen = new Set<string>();
  const events = (effective.events ?? [])
    .map((e) => ({ day: dayIndex(start, e.date), label: e.label }))
    .filter((e) => e.day > 0 && !seen.has(`${e.day} ${e.label}`) && seen.add(`${e.day} ${e.label}`))
    .sort((a, b) => a.day - b.day);
  return {
    id: scenario.id,
    name: scenario.name,
    description: scenario.description,
    startDate: start,
    days: compiled.days,
    peoplePerAgent: compiled.peoplePerAgent,
    defaultPeoplePerAgent: scenario.peoplePerAgent ?? DEFAULT_PEOPLE_PER_AGENT,
    seed: spec.seed,
    countries: net.countryIds.map((code, i) => ({ code, name: scenario.countries[code]?.name ?? code, eu: net.countryEu[i] === 1 })),
    nodes: scenario.nodes.map((n) => ({ id: n.id, name: n.name, country: n.country, lat: n.lat, lon: n.lon, kind: n.kind })),
    edges: Array.from(net.edgeFrom, (from, e) => ({ from, to: net.edgeTo[e], border: net.edgeBorder[e] })),
    borders: net.borderIds,
    exits: net.borderIds.flatMap((_, b) => (net.borderIsExit[b] === 1 ? [b] : [])),
    networks: (scenario.smugglers?.networks ?? []).map((n) => ({ id: n.id, name: n.name })),
    events,
    strandedAfterDays: compiled.behaviour.strandedAfterDays,
    beliefs: scenario.information !== undefined ? 'scenario' : effective.information !== undefined ? 'demo' : 'off',
    presets: PRESETS.map((p) => ({ id: p.id, label: p.label, description: p.description, unavailable: presetUnavailable(p, scenario, net.borderIds) })),
    warnings,
  };
}
