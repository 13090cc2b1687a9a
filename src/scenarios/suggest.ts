// "Did you mean …?" for a name that is not one of the known ones: a misspelt property, node,
// cohort, network, edge or built-in scenario. Why: the message then points at the fix, not only at
// the problem ("unknown node "belgrad" (did you mean "belgrade"?)"), as compilers and git do.
// Also the Flee importer's hint for an unknown setting. fastest-levenshtein measures the edits;
// case is ignored.

import { closest, distance } from 'fastest-levenshtein';

/** The known name closest to `name` when it is at most two edits away and the edits are at most a
 * third of `name`'s length (so that "xa" suggests nothing for "xb"; a name differing only in case is
 * always suggested); undefined otherwise. */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  const names = [...known];
  if (names.length === 0 || name === '') return undefined;
  const lower = names.map((k) => k.toLowerCase());
  const wanted = name.toLowerCase();
  const best = closest(wanted, lower);
  const near = names[lower.indexOf(best)];
  const edits = distance(wanted, best);
  if (near === name) return undefined;
  return edits <= Math.min(2, Math.floor(name.length / 3)) ? near : undefined;
}

/** ` (did you mean "x"?)` for the closest known name, or '' when none is close. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const near = closestName(name, known);
  return near === undefined ? '' : ` (did you mean "${near}"?)`;
}
