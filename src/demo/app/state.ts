// The demo page's shared state: the run on screen (scenario, spec, frames, playback flags), the
// pacing constants and the performance counters. It lives in one object so that the modules of the
// page (worker commands, playback, display, URL, inputs) can all read and update the same run.

import type { Command, Frame, RunSpec, ScenarioMeta } from '../protocol.js';
import type { Controls } from './controls.js';
import type { MapView } from './mapView.js';
import type { Panels } from './panels.js';
import type { RowHistory } from './series.js';

/** Simulated days per second. */
export const SPEEDS = [1, 2, 4, 7, 14, 30, 60, 120, 240, 365];
export const PEOPLE_PER_DOT = [1, 2, 5, 10, 20, 50, 100];
/** Frames the worker may run ahead of the screen. */
export const AHEAD = 2;
export const PANEL_INTERVAL_MS = 300;
/** Charts redraw when a simulated week completes, but not more often than this. */
export const CHART_INTERVAL_MS = 500;
export const HASH_INTERVAL_MS = 2000;
/** Duration of the animation of a single step (→), in seconds. */
export const STEP_SECONDS = 0.3;

export const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

export const state: {
  builtins: { id: string; name: string; description: string; seed?: number }[];
  meta: ScenarioMeta | undefined;
  spec: RunSpec | undefined;
  history: RowHistory | undefined;
  current: Frame | undefined;
  queue: Frame[];
  t: number;
  playing: boolean;
  stepping: boolean;
  speedIndex: number;
  inflightSteps: number;
  busyCommands: number;
  triedDefault: boolean;
  /** The scenario source whose warnings were last shown, so a reload (a new seed) does not repeat them. */
  warnedSource: string;
  /** Commands sent and not yet answered, oldest first (the worker answers each with one frame or error). */
  pending: Command['type'][];
  views: { map: MapView; panels: Panels; controls: Controls } | undefined;
  viewsReady: Promise<void>;
  lastPanelUpdate: number;
  lastHashWrite: number;
  writtenHash: string;
  lastEnforcement: string;
  lastActions: string;
} = {
  builtins: [],
  meta: undefined,
  spec: undefined,
  history: undefined,
  current: undefined,
  queue: [],
  t: 0,
  playing: false,
  stepping: false,
  speedIndex: 3,
  inflightSteps: 0,
  busyCommands: 0,
  triedDefault: false,
  warnedSource: '',
  pending: [],
  views: undefined,
  viewsReady: Promise.resolve(),
  lastPanelUpdate: 0,
  lastHashWrite: 0,
  writtenHash: '',
  lastEnforcement: '',
  lastActions: '',
};

export const perf = { frames: 0, drawMs: 0, kernelMs: 0, kernelDays: 0, since: performance.now(), fps: 0, drawMean: 0, daysPerSecond: 0 };
