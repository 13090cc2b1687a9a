// The demo page's entry point: starts the simulation worker and routes its replies, keeps the run's
// state (scenario, seed, actions) in the URL hash, and plays it (see playback.ts). This module
// wires the pieces together: worker replies, scenario files, keys, and the hook the end-to-end
// test and the benchmark read.

import { CATEGORIES, type Reply } from '../protocol.js';
import { answered, worker } from './commands.js';
import { buildViews } from './display.js';
import { fitToScreen } from './fit.js';
import { hideMessage, showMessage, showWarnings, watchScenarioFiles } from './files.js';
import { fillScenarioSelect, syncRunInputs } from './inputs.js';
import { bindKeys } from './keys.js';
import { setPlaying, setSpeed, stepOnce, tick } from './playback.js';
import { load, loadDefault, startFromUrl } from './run.js';
import { createRowHistory } from './series.js';
import { perf, SPEEDS, state } from './state.js';

fitToScreen();

worker.onmessage = (event: MessageEvent<Reply>) => {
  const r = event.data;
  switch (r.type) {
    case 'ready':
      state.builtins = r.builtins;
      fillScenarioSelect();
      void startFromUrl();
      break;
    case 'loaded':
      state.meta = r.meta;
      state.spec = r.spec;
      state.history = createRowHistory(state.meta);
      state.current = undefined;
      state.queue.length = 0;
      state.t = 0;
      state.viewsReady = buildViews(state.meta);
      syncRunInputs();
      showWarnings(r.meta.warnings, JSON.stringify(r.spec.source));
      break;
    case 'frame':
      answered();
      state.queue.push(r);
      break;
    case 'error':
      answered();
      setPlaying(false);
      showMessage(r.message, r.problems);
      // A link or file that fails on opening: fall back to the default scenario (once).
      if (!state.meta && !state.triedDefault) loadDefault();
      break;
  }
};
worker.onerror = (e) => showMessage(`The simulation stopped: ${e.message}`, []);

requestAnimationFrame(tick);

// ---- scenario files, messages, keys -------------------------------------------------------------

watchScenarioFiles((name, text) => {
  let seed = 1;
  try {
    const parsed = JSON.parse(text) as { seed?: unknown };
    if (typeof parsed.seed === 'number') seed = parsed.seed;
  } catch {
    // The worker reports the syntax error with the file's name.
  }
  load({ source: { kind: 'file', name, text }, seed, peoplePerAgent: null, history: true, actions: [] }, 1);
});

bindKeys({
  playPause: () => setPlaying(!state.playing),
  step: stepOnce,
  faster: () => setSpeed(state.speedIndex + 1),
  slower: () => setSpeed(state.speedIndex - 1),
  dismiss: hideMessage,
});

setSpeed(state.speedIndex);

/** For the end-to-end test and the benchmark: what is on screen, and how fast it runs. */
Object.assign(window, {
  routeshiftDemo: {
    state: () => ({
      day: state.current?.day ?? 0,
      days: state.meta?.days ?? 0,
      playing: state.playing,
      dots: state.current?.agents.offsets[CATEGORIES.length] ?? 0,
      queue: state.queue.length,
      busy: state.busyCommands,
      inflight: state.inflightSteps,
      ready: state.views !== undefined && state.current !== undefined,
    }),
    perf: () => ({ fps: perf.fps, drawMs: perf.drawMean, kernelDaysPerSecond: perf.daysPerSecond }),
    setSpeed: (daysPerSecond: number) => setSpeed(SPEEDS.indexOf(daysPerSecond) >= 0 ? SPEEDS.indexOf(daysPerSecond) : state.speedIndex),
    viewsReady: () => state.viewsReady,
  },
});
