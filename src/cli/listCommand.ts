// `routeshift list`: the built-in scenarios, one per line: the name to pass to `run`, then the
// first sentence of its description, aligned in two columns.

import { listBuiltins, scenariosDir } from '../scenarios/builtins.js';
import type { CliIo } from './io.js';

export function listCommand(io: CliIo): number {
  const builtins = listBuiltins();
  if (builtins.length === 0) {
    io.stderr(`no built-in scenarios in ${scenariosDir()}\n`);
    return 0;
  }
  const width = Math.max(...builtins.map((b) => b.id.length));
  for (const b of builtins) io.stdout(`${b.id.padEnd(width)}  ${firstSentence(b.description || b.name)}\n`.replace(/ +\n$/, '\n'));
  return 0;
}

/** Text up to the first `.`, `!` or `?` that ends a sentence (not "e.g." and the like, nor one
 * followed by a lower-case word), with whitespace collapsed. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = /(?<!\b(?:e\.g|i\.e|cf|vs|ca|approx))[.!?](?=\s+[^a-z]|$)/.exec(flat);
  return end ? flat.slice(0, end.index + 1) : flat;
}
