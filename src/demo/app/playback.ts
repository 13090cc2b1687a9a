// Playing the run: the animation loop and the play / pause / step / speed controls. The worker runs
// a frame or two ahead of the screen; each animation frame moves the dots a fraction t of the way
// to the next day, and when t reaches 1 the next frame (the next day's dots, rows and enforcement)
// takes over. Panels redraw at most a few times a second while playing.

import type { Frame } from '../protocol.js';
import { send } from './commands.js';
import { showDate, updatePanels } from './display.js';
import { writeHash } from './hash.js';
import { $, AHEAD, HASH_INTERVAL_MS, PANEL_INTERVAL_MS, perf, SPEEDS, state, STEP_SECONDS } from './state.js';

/** Days per worker step while playing: one at classroom speeds; several at high speeds, so that
 * the screen keeps up at 30 frames per second (intermediate days are simulated, not drawn). */
function daysPerFrame(): number {
  return Math.max(1, Math.ceil(SPEEDS[state.speedIndex] / 30));
}

let lastTime = performance.now();
export function tick(now: number): void {
  const dt = Math.min(0.1, (now - lastTime) / 1000);
  lastTime = now;
  const atEnd = state.meta !== undefined && state.current !== undefined && state.current.day >= state.meta.days;
  if (state.playing) {
    state.t += (dt * SPEEDS[state.speedIndex]) / daysPerFrame();
    while (!atEnd && state.inflightSteps + state.queue.length < AHEAD && state.current) send({ type: 'step', days: daysPerFrame() });
  } else if (state.stepping) state.t += dt / STEP_SECONDS;
  if (state.views) {
    if (!state.playing && !state.stepping) {
      while (state.queue.length > 0) consume(state.queue.shift()!, false);
    } else if (state.t >= 1) {
      // Behind (a slow frame, or high speed): take every frame that is due, draw only the last.
      while (state.t >= 1 && state.queue.length > 0) {
        consume(state.queue.shift()!, true);
        state.t -= 1;
      }
      if (state.t >= 1) state.t = 1;
      if (state.stepping && state.queue.length === 0 && state.t < 1) {
        state.stepping = false;
        state.t = 0;
      }
    }
    if (atEnd && state.playing) setPlaying(false);
    if (state.current) {
      const t0 = performance.now();
      state.views.map.drawDots(state.current.agents, state.playing || state.stepping ? state.t : 0);
      perf.drawMs += performance.now() - t0;
      perf.frames++;
    }
    if (now - perf.since >= 1000) {
      perf.fps = (perf.frames * 1000) / (now - perf.since);
      perf.drawMean = perf.frames > 0 ? perf.drawMs / perf.frames : 0;
      perf.daysPerSecond = perf.kernelMs > 0 ? (perf.kernelDays * 1000) / perf.kernelMs : perf.daysPerSecond;
      perf.frames = 0;
      perf.drawMs = 0;
      perf.kernelMs = 0;
      perf.kernelDays = 0;
      perf.since = now;
    }
    if (state.playing && now - state.lastPanelUpdate > PANEL_INTERVAL_MS) updatePanels(now);
    if (state.playing && now - state.lastHashWrite > HASH_INTERVAL_MS) writeHash(now);
  }
  requestAnimationFrame(tick);
}

function consume(f: Frame, animated: boolean): void {
  const { meta, history, views } = state;
  if (!meta || !history || !views) return;
  const sameDay = state.current?.day === f.day;
  if (f.rows.length > 0 || f.fromDay === 0) history.set(f.fromDay, f.rows);
  state.current = f;
  if (!animated && !sameDay) state.t = 0;
  if (f.steppedDays > 0 && f.stepMs > 0 && f.steppedDays < 50) {
    perf.kernelMs += f.stepMs;
    perf.kernelDays += f.steppedDays;
  }
  const enforcementKey = f.enforcement.join(',');
  if (enforcementKey !== state.lastEnforcement) {
    state.lastEnforcement = enforcementKey;
    views.map.setEnforcement(f.enforcement);
    views.controls.setEnforcement(f.enforcement);
  }
  const actionsKey = JSON.stringify(f.actions);
  if (actionsKey !== state.lastActions) {
    const first = state.lastActions === '';
    state.lastActions = actionsKey;
    if (state.spec) state.spec = { ...state.spec, actions: f.actions };
    views.controls.setActions(f.actions);
    if (!first) writeHash(performance.now());
  }
  showDate();
  if (!state.playing) {
    updatePanels(performance.now(), true);
    writeHash(performance.now());
  }
}

export function setPlaying(on: boolean): void {
  if (on && state.meta && state.current && state.current.day >= state.meta.days) return;
  state.playing = on;
  state.stepping = false;
  const b = $('play');
  b.textContent = on ? '❚❚ Pause' : '▶ Play';
  b.setAttribute('aria-pressed', String(on));
  if (!on) writeHash(performance.now());
}

export function stepOnce(): void {
  if (!state.current || !state.meta || state.current.day >= state.meta.days) return;
  setPlaying(false);
  while (state.queue.length > 0) consume(state.queue.shift()!, false);
  state.stepping = true;
  state.t = 0;
  send({ type: 'step', days: 1 });
}

export function setSpeed(index: number): void {
  state.speedIndex = Math.max(0, Math.min(SPEEDS.length - 1, index));
  $('speed').textContent = `${SPEEDS[state.speedIndex]} days/s`;
}
