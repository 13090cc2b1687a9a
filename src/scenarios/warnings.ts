// Warnings about a valid scenario: things the model runs with, and that are almost always a
// mistake, because they make part of the file do nothing or something other than it says. Why:
// these scenarios validate and run, and their results look plausible, so without a word from
// validation the mistake shows (if ever) only as a puzzling series. The checks, on the merged
// scenario (paths into it; load.ts maps them to the file that supplied the value):
// - an enforcement value set while a ramp moves the same field on the same crossing: the ramp
//   writes its own path every day until it ends (enforcement.ts), so the set value never acts;
// - two ramps moving the same field on the same crossing at once: the one applied later wins while
//   both run, and the other jumps back to its own path if it outlasts it;
// - a ramp that ends after the period: the run stops before it reaches its value;
// - a place on no edge: nobody can reach or leave it;
// - a cohort that no inflow brings: nobody of it ever enters;
// - a cohort whose median budget is below the cheapest fares from an entry to its destinations
//   (budgetWarning.ts).
// No fs, no node: imports, so the browser demo can show the same warnings.

import { ENFORCEMENT_FIELDS } from '../model/compiled.js';
import { cohortsThatCannotPay } from './budgetWarning.js';
import { compileScenarioNetwork, eventEdges } from './compile.js';
import { dayIndex, isoDay } from './dates.js';
import type { ScenarioProblem } from './errors.js';
import { locateInChain, type SourceFile } from './extends.js';
import type { Scenario } from './types.js';

/** A warning at a JSON Pointer into the merged scenario. */
export interface PathWarning {
  path: string;
  message: string;
}

/** Says where a JSON Pointer into the merged scenario is, for a message about another value
 * (`scenarios/x.json /events/3`); locatedWarnings gives the file and its path there. */
export type Where = (path: string) => string;

export function scenarioWarnings(s: Scenario, where: Where = (path) => path): PathWarning[] {
  return [...eventConflicts(s, where), ...rampsPastTheEnd(s), ...placesOnNoEdge(s), ...cohortsWithoutInflow(s), ...cohortsThatCannotPay(s)];
}

/** The warnings of a merged scenario in the files of its extends chain (the requested file first),
 * as validation attributes its problems; without files, against `<scenario>`. */
export function locatedWarnings(s: Scenario, files: readonly SourceFile[] = []): ScenarioProblem[] {
  const chain = files.length > 0 ? files : [{ file: '<scenario>', data: s }];
  const where: Where = (path) => {
    const at = locateInChain(chain, s, path);
    return `${at.file} ${at.path}`;
  };
  return scenarioWarnings(s, where).map((w) => ({ ...locateInChain(chain, s, w.path), message: w.message }));
}

/** An enforcement event on one field, as enforcement.ts applies it: in (day, file order). */
interface Change {
  event: number;
  field: string;
  startDay: number;
  /** The last day the event writes its field (its start day for a set). */
  lastDay: number;
  ramp: boolean;
  /** The directed edges of the compiled network it acts on, each with the border it crosses. */
  crossings: Map<number, string>;
}

function eventConflicts(s: Scenario, where: Where): PathWarning[] {
  const warnings: PathWarning[] = [];
  const active: Change[] = [];
  for (const change of enforcementChanges(s)) {
    for (let k = active.length - 1; k >= 0; k--) if (active[k].lastDay < change.startDay) active.splice(k, 1);
    for (const ramp of active) {
      if (ramp.field !== change.field) continue;
      const shared = [...change.crossings].filter(([key]) => ramp.crossings.has(key));
      if (shared.length === 0) continue;
      const all = shared.length === change.crossings.size;
      const borders = [...new Set(shared.map(([, border]) => border))].join(', ');
      const on = all ? '' : ` on ${shared.length} of its ${change.crossings.size} crossings (${borders})`;
      const there = all ? 'on the same crossings' : 'there';
      const theRamp = `the ramp of ${eventName(s, ramp.event)} (${where(`/events/${ramp.event}`)})`;
      const until = isoDay(s.period.start, ramp.lastDay);
      const message = change.ramp
        ? `this ramp${on} runs while ${theRamp} still moves ${change.field} ${there} (until ${until}): while both run, this one's value wins each day, and ${eventName(s, ramp.event)} jumps back to its own path if it outlasts this one (start one after the other ends?)`
        : `has no effect${on}: ${theRamp} moves ${change.field} ${there} every day until ${until}, overwriting this value (date this event after the ramp ends, or end the ramp earlier?)`;
      warnings.push({ path: `/events/${change.event}/set/${change.field}`, message });
    }
    if (change.ramp) active.push(change);
  }
  return warnings;
}

/** `"west-ramp"` (the id), else the label in quotes. */
function eventName(s: Scenario, i: number): string {
  const ev = s.events![i];
  return JSON.stringify(ev.id ?? ev.label);
}

/** Every enforcement event on every field it sets, in the order enforcement.ts applies them, on
 * the edges the compiler gives it. */
function enforcementChanges(s: Scenario): Change[] {
  const network = compileScenarioNetwork(s);
  const changes: Change[] = [];
  (s.events ?? []).forEach((ev, i) => {
    if (ev.set === undefined || ev.place !== undefined || ev.dismantle !== undefined) return;
    const crossings = new Map(eventEdges(ev, i, network).map((e) => [e, network.borderIds[network.edgeBorder[e]]]));
    const startDay = dayIndex(s.period.start, ev.date);
    const rampDays = Math.round(ev.rampDays ?? 0);
    for (const field of ENFORCEMENT_FIELDS) {
      if (ev.set[field] === undefined) continue;
      changes.push({ event: i, field, startDay, lastDay: startDay + Math.max(rampDays, 1) - 1, ramp: rampDays > 0, crossings });
    }
  });
  return changes.sort((a, b) => a.startDay - b.startDay || a.event - b.event);
}

function rampsPastTheEnd(s: Scenario): PathWarning[] {
  const lastDay = dayIndex(s.period.start, s.period.end);
  const warnings: PathWarning[] = [];
  (s.events ?? []).forEach((ev, i) => {
    const rampDays = Math.round(ev.rampDays ?? 0);
    if (ev.set === undefined || rampDays <= 0) return;
    const startDay = dayIndex(s.period.start, ev.date);
    const endDay = startDay + rampDays - 1;
    if (endDay <= lastDay) return;
    const reachedPercent = Math.round((100 * (lastDay - startDay + 1)) / rampDays);
    warnings.push({
      path: `/events/${i}/rampDays`,
      message: `the ramp ends on ${isoDay(s.period.start, endDay)}, after the period ends (${s.period.end}): the run stops when it has made ${reachedPercent}% of its change`,
    });
  });
  return warnings;
}

function placesOnNoEdge(s: Scenario): PathWarning[] {
  const onEdge = new Set(s.edges.flatMap((e) => [e.from, e.to]));
  return s.nodes.flatMap((n, i) => (onEdge.has(n.id) ? [] : [{ path: `/nodes/${i}`, message: `place "${n.id}" is on no edge: nobody can reach or leave it` }]));
}

function cohortsWithoutInflow(s: Scenario): PathWarning[] {
  const brought = new Set(s.inflow.map((f) => f.cohort));
  return s.cohorts.flatMap((c, i) => (brought.has(c.id) ? [] : [{ path: `/cohorts/${i}`, message: `no inflow brings people of cohort "${c.id}": nobody of it ever enters` }]));
}
