// Time-varying enforcement: the current per-edge enforcement columns and the scheduled events that
// set or ramp them. Applied at the start of each day, before anyone moves, so an event dated D
// acts on every decision of day D. Reports whether anything changed, and whether people re-plan
// today, because route tables are rebuilt only then (never per agent per step): at once after a
// set event, but during a ramp only every `behaviour.rampReplanDays` days from its start and on its
// last day. Attempts always meet the enforcement of the day; only the plans lag, by less than
// rampReplanDays (docs/model.md §1.3).

import type { CompiledEvent, CompiledScenario, EnforcementColumns } from './compiled.js';
import { ENFORCEMENT_FIELDS } from './compiled.js';

export interface EnforcementState {
  columns: EnforcementColumns;
  /** Apply every event active on `day`; true when a value changed. */
  apply(day: number): boolean;
  /** After apply(day): true when a value changed at once (a set event, or a ramp's last step) or a
   * ramp reached one of its re-planning days, so route tables are due for a rebuild. */
  readonly replan: boolean;
}

interface Ramp {
  event: CompiledEvent;
  /** Values of the event's edges when the ramp started. */
  from: Float64Array;
}

function copyColumns(c: EnforcementColumns): EnforcementColumns {
  return Object.fromEntries(ENFORCEMENT_FIELDS.map((f) => [f, Float64Array.from(c[f])])) as unknown as EnforcementColumns;
}

export function createEnforcement(compiled: CompiledScenario): EnforcementState {
  const columns = copyColumns(compiled.enforcement);
  const events = compiled.events;
  let next = 0;
  let ramps: Ramp[] = [];
  const replanDays = compiled.behaviour.rampReplanDays;
  let replan = false;

  function apply(day: number): boolean {
    let changed = false;
    replan = false;
    while (next < events.length && events[next].day <= day) {
      const event = events[next++];
      const col = columns[event.field];
      if (event.rampDays > 0 && event.day + event.rampDays > day) {
        ramps.push({ event, from: Float64Array.from(event.edges, (e) => col[e]) });
      } else {
        for (const e of event.edges) {
          if (col[e] !== event.value) changed = replan = true;
          col[e] = event.value;
        }
      }
    }
    if (ramps.length > 0) {
      for (const { event, from } of ramps) {
        const col = columns[event.field];
        const share = Math.min(1, (day - event.day + 1) / event.rampDays);
        const replanDay = share === 1 || (day - event.day) % replanDays === 0;
        event.edges.forEach((e, k) => {
          const value = from[k] + (event.value - from[k]) * share;
          if (col[e] === value) return;
          changed = true;
          if (replanDay) replan = true;
          col[e] = value;
        });
      }
      ramps = ramps.filter((r) => r.event.day + r.event.rampDays - 1 > day);
    }
    return changed;
  }

  return {
    columns,
    apply,
    get replan() {
      return replan;
    },
  };
}
