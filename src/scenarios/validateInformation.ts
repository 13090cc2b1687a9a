// Consistency checks for what the schema cannot say about the `information` block and information
// events (validator.ts, pass 3): the borders, places and countries they name exist, each kind of
// event has the targets it needs, and information events come with an `information` block.

import { didYouMean } from './suggest.js';
import type { EventSpec, Scenario } from './types.js';

type Add = (message: string, ...segments: (string | number)[]) => void;
type CheckBorder = (border: string, ...segments: (string | number)[]) => void;

/** Problems of event i, which has an `information` block. */
export function informationEventProblems(s: Scenario, ev: EventSpec, i: number, add: Add, checkBorder: CheckBorder): void {
  const info = ev.information!;
  const at = ['events', i, 'information'] as const;
  if (s.information === undefined) add('an information event needs an "information" block in the scenario', ...at);
  if (ev.set !== undefined) add('an information event takes no "set"', 'events', i, 'set');
  if (ev.rampDays !== undefined) add('an information event takes no "rampDays"', 'events', i, 'rampDays');
  const needs = (field: keyof typeof info, ok: boolean, what: string) => {
    if (!ok) add(`a ${info.kind} ${what} "${field}"`, ...at);
  };
  if (info.kind === 'blackout') {
    needs('countries', info.countries !== undefined && info.countries.length > 0, 'needs');
    needs('border', info.border === undefined, 'takes no');
    needs('place', info.place === undefined, 'takes no');
  } else {
    needs('border', info.border !== undefined, 'needs');
    if (info.kind === 'campaign') needs('place', info.place !== undefined, 'needs');
    else needs('place', info.place === undefined, 'takes no');
  }
  if (info.kind !== 'campaign') {
    for (const field of ['trust', 'reachPerDay', 'injury'] as const) needs(field, info[field] === undefined, 'takes no');
  }
  if (info.kind === 'blackout') needs('chance', info.chance === undefined, 'takes no');
  if (info.kind !== 'rumour') needs('confidence', info.confidence === undefined, 'takes no');
  if (info.kind === 'rumour') needs('days', info.days === undefined, 'takes no');
  if (info.border !== undefined) checkBorder(info.border, ...at, 'border');
  const nodeIds = s.nodes.map((n) => n.id);
  if (info.place !== undefined && !nodeIds.includes(info.place)) add(`unknown node "${info.place}"${didYouMean(info.place, nodeIds)}`, ...at, 'place');
  info.countries?.forEach((c, j) => {
    if (!(c in s.countries)) add(`unknown country "${c}" (not in /countries)`, ...at, 'countries', j);
  });
}

/** Problems of the `information` block itself. */
export function informationBlockProblems(s: Scenario, checkBorder: CheckBorder): void {
  for (const border of Object.keys(s.information?.priors ?? {})) checkBorder(border, 'information', 'priors', border);
}
