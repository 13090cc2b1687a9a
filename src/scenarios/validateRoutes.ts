// Reachability check of validation pass 3 (validator.ts): every destination of a cohort can be
// reached over the network's edges from every entry where that cohort arrives. Why: a forgotten
// or misdirected edge otherwise gives a scenario that validates and runs, and whose people heading
// there never arrive (they wait at the last node from which no hop leads on, counted as stranded),
// with nothing to say why. Enforcement never makes a route impossible in the model (a closed
// border still has attempts), so only the edges themselves are checked.

import type { Scenario } from './types.js';

type Add = (message: string, ...segments: (string | number)[]) => void;

/** Problems at /inflow/i/entry for each inflow whose entry cannot reach one of its cohort's
 * destinations. Inflows naming an unknown entry or cohort, and networks with an edge to an unknown
 * node, are left to the other checks. */
export function unreachableDestinationProblems(s: Scenario, add: Add): void {
  // Under another model's rules (a Flee import) people have no destinations: cohorts' are unused.
  if (s.rules !== undefined) return;
  const next = new Map<string, string[]>(s.nodes.map((n) => [n.id, []]));
  // An edge to an unknown node is reported as such; routes are checked once the edges are right.
  if (s.edges.some((e) => !next.has(e.from) || !next.has(e.to))) return;
  for (const e of s.edges) {
    next.get(e.from)!.push(e.to);
    if (e.bidirectional !== false) next.get(e.to)!.push(e.from);
  }
  const cohorts = new Map(s.cohorts.map((c) => [c.id, c]));
  const reachableFrom = new Map<string, Set<string>>();
  s.inflow.forEach((f, i) => {
    const cohort = cohorts.get(f.cohort);
    if (cohort === undefined || !next.has(f.entry)) return;
    let reached = reachableFrom.get(f.entry);
    if (reached === undefined) {
      reached = reachable(f.entry, next);
      reachableFrom.set(f.entry, reached);
    }
    const missing = Object.keys(cohort.destinations).filter((d) => next.has(d) && !reached.has(d));
    if (missing.length === 0) return;
    const names = missing.map((d) => `"${d}"`).join(', ');
    const what = missing.length === 1 ? `destination ${names}` : `destinations ${names}`;
    add(`no route from "${f.entry}" to ${what} of cohort "${f.cohort}": people who enter here and head there could never arrive (is an edge missing?)`, 'inflow', i, 'entry');
  });
}

/** Nodes reachable from `start` (itself included), breadth first. */
function reachable(start: string, next: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  for (let k = 0; k < queue.length; k++) {
    for (const to of next.get(queue[k]) ?? []) {
      if (seen.has(to)) continue;
      seen.add(to);
      queue.push(to);
    }
  }
  return seen;
}
