// The messages between the demo page and its Web Worker, and the data they carry. The worker owns
// the simulation (the same createModel as the command line); the page owns the screen. Everything
// here is plain structured-clone data; the large parts (agent positions, daily rows) are typed
// arrays, copied rather than transferred (session.ts, Outgoing, says why).
//
// A run is fully described by a RunSpec: scenario, seed, people per dot, whether the scenario's own
// policy events apply, and the user's actions with the day each was taken. The kernel is
// deterministic given those, so the page can rebuild any state by replaying a RunSpec to a day
// (opening a shared URL, moving the timeline, a change that needs a recompile).

import type { EnforcementField } from '../scenarios/types.js';

/** Where the scenario comes from: a built-in by name, or the text of a file the user dropped. */
export type ScenarioSource = { kind: 'builtin'; id: string } | { kind: 'file'; name: string; text: string };

/** Enforcement fields the page shows per border (sliders use the first three). */
export const SHOWN_FIELDS = ['detection', 'pushback', 'injury', 'fence', 'legalCorridor'] as const satisfies readonly EnforcementField[];
export type ShownField = (typeof SHOWN_FIELDS)[number];
/** Fields that have a slider on each exit border. */
export const SLIDER_FIELDS = ['detection', 'pushback', 'injury'] as const satisfies readonly ShownField[];
export type SliderField = (typeof SLIDER_FIELDS)[number];

/** Ready-made events (presets.ts says what each one does). */
export const PRESET_IDS = ['hungarian-fence', 'serbian-crackdown', 'greece-fortified', 'legal-corridor', 'network-dismantled', 'information-campaign'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** Something the user did, and the day it took effect (before that day was simulated). */
export type Action =
  | { day: number; kind: 'set'; border: string; field: SliderField; value: number }
  /** `network`: the smuggling network a `network-dismantled` preset removes; `border` and `place`:
   * what an `information-campaign` is about and where it is given; all fixed when applied. */
  | { day: number; kind: 'preset'; preset: PresetId; network?: string; border?: string; place?: string };

export interface RunSpec {
  source: ScenarioSource;
  seed: number;
  /** People each dot stands for; null for the scenario's own peoplePerAgent. */
  peoplePerAgent: number | null;
  /** Apply the scenario's own dated policy events (true), or only those in force on its first day. */
  history: boolean;
  /** In the order they were taken; at most one per (day, border, field) or (day, preset). */
  actions: Action[];
}

/** Dot colours: what a person is doing at the end of the day, derived from the kernel's status. */
export const CATEGORIES = ['moving', 'waiting', 'stranded', 'pushedBack', 'detained', 'smuggled'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY = Object.fromEntries(CATEGORIES.map((c, i) => [c, i])) as Record<Category, number>;

/** What the page needs to know about a loaded scenario (no typed arrays: sent once). */
export interface ScenarioMeta {
  id: string;
  name: string;
  description: string;
  startDate: string;
  /** Days in the period (the last simulated day is days - 1). */
  days: number;
  peoplePerAgent: number;
  /** The scenario's own peoplePerAgent (what `null` in RunSpec means). */
  defaultPeoplePerAgent: number;
  seed: number;
  countries: { code: string; name: string; eu: boolean }[];
  nodes: { id: string; name: string; country: string; lat: number; lon: number; kind: string }[];
  /** Directed edges of the compiled network; `border` is an index into `borders` or -1. */
  edges: { from: number; to: number; border: number }[];
  borders: string[];
  /** Indices into `borders` of the exits (non-EU into EU), in the order of the daily rows. */
  exits: number[];
  /** Smuggling networks (empty without a smugglers block). */
  networks: { id: string; name: string }[];
  /** The scenario's own dated events, for the timeline. */
  events: { day: number; label: string }[];
  strandedAfterDays: number;
  /** Where beliefs come from: the scenario's `information` block, the demo's defaults (turned on by
   * an information campaign, campaign.ts), or none (people see the true enforcement). */
  beliefs: 'scenario' | 'demo' | 'off';
  /** Ready-made events and, when one cannot act on this scenario, why. */
  presets: { id: PresetId; label: string; description: string; unavailable?: string }[];
  /** Validation's warnings about the scenario files (src/scenarios/warnings.ts), as `file: /path: message`. */
  warnings: string[];
}

/** Layout of one day's row of numbers (people, except prices in EUR). */
export interface RowLayout {
  length: number;
  entered: number;
  arrivals: number;
  deaths: number;
  injuries: number;
  attempts: number;
  pushbacks: number;
  /** First of `exits.length` values each. */
  exitCrossings: number;
  exitPriceEur: number;
  /** Chance of getting through alone: the truth, and what the people in the exit's country believe
   * (NaN without beliefs or without people there). */
  exitTrueChance: number;
  exitPerceivedChance: number;
  /** First of `countries.length` values each. */
  stranded: number;
  present: number;
}

export function rowLayout(meta: Pick<ScenarioMeta, 'exits' | 'countries'>): RowLayout {
  const e = meta.exits.length;
  const c = meta.countries.length;
  const base = 6;
  return {
    length: base + 4 * e + 2 * c,
    entered: 0,
    arrivals: 1,
    deaths: 2,
    injuries: 3,
    attempts: 4,
    pushbacks: 5,
    exitCrossings: base,
    exitPriceEur: base + e,
    exitTrueChance: base + 2 * e,
    exitPerceivedChance: base + 3 * e,
    stranded: base + 4 * e,
    present: base + 4 * e + c,
  };
}

/** Dots of one frame, grouped by category: category k owns dots [offsets[k], offsets[k+1]). Each
 * dot is 4 floats in map units: x, y at the end of the day shown, and dx, dy to where it will be
 * one day later if it keeps moving (the page interpolates between them). */
export interface AgentFrame {
  offsets: Int32Array;
  pos: Float32Array;
}

export interface Frame {
  type: 'frame';
  /** Days simulated so far (the model's `day`); the state shown is the end of day `day - 1`. */
  day: number;
  /** The daily rows for days [fromDay, day), rowLayout(meta).length numbers each. fromDay is 0
   * after a (re)load or seek: the page then replaces its history. */
  fromDay: number;
  rows: Float64Array;
  agents: AgentFrame;
  /** Current enforcement: borders × SHOWN_FIELDS (value of the border's first edge). */
  enforcement: Float64Array;
  actions: Action[];
  /** Milliseconds spent in model.step() for this frame, and the days stepped (step-rate display). */
  stepMs: number;
  steppedDays: number;
}

/** Page → worker. */
export type Command =
  /** Load (or reload) a run and replay it to `day` (at least 1: day 0 is always simulated, so that
   * the enforcement in force on the first day is what the sliders show). */
  | { type: 'load'; spec: RunSpec; day: number }
  /** Simulate `days` more days (fewer at the end of the period). */
  | { type: 'step'; days: number }
  /** Take an action now (it acts from the next simulated day). */
  | { type: 'act'; action: DistributiveOmit<Action, 'day'> }
  /** Replay the current run to `day`, keeping every action (later ones apply when reached). */
  | { type: 'seek'; day: number };

/** Worker → page. */
export type Reply =
  /** The built-in scenarios; `seed` is the one their file gives (the command line's default). */
  | { type: 'ready'; builtins: { id: string; name: string; description: string; seed?: number }[] }
  | { type: 'loaded'; meta: ScenarioMeta; spec: RunSpec }
  | Frame
  | { type: 'error'; message: string; problems: string[] };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewAction = DistributiveOmit<Action, 'day'>;
