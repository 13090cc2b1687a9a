// `routeshift list`: the built-in scenarios, one per line: the name to pass to `run`, then the
// first sentence of its description, aligned in two columns. On a terminal a line is cut to its
// width with an ellipsis, so that each scenario stays on one line (the what-if questions run to
// 200 characters and more); piped or redirected, the sentence is written in full, for grep. With
// `--json`, an array of {id, name, description, file} with the whole description, for scripts.

import { listBuiltins, scenariosDir } from '../scenarios/builtins.js';
import { displayPath } from '../scenarios/load.js';
import type { CliIo } from './io.js';

export function listCommand(io: CliIo, options: { json?: boolean } = {}): number {
  const builtins = listBuiltins();
  if (options.json === true) {
    const rows = builtins.map((b) => ({ id: b.id, name: b.name, description: b.description, file: displayPath(b.file, io.cwd) }));
    io.stdout(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  if (builtins.length === 0) {
    io.stderr(`no built-in scenarios in ${scenariosDir()}\n`);
    return 0;
  }
  const width = Math.max(...builtins.map((b) => b.id.length));
  for (const b of builtins) {
    const line = `${b.id.padEnd(width)}  ${firstSentence(b.description || b.name)}`.trimEnd();
    io.stdout(`${io.stdoutColumns === undefined ? line : fitTo(line, io.stdoutColumns)}\n`);
  }
  return 0;
}

/** `text` cut to at most `columns` characters (code points), ending in "…" when cut; never cut
 * below 20 characters, for a terminal too narrow to hold anything useful. */
export function fitTo(text: string, columns: number): string {
  const chars = [...text];
  const room = Math.max(20, columns);
  return chars.length <= room ? text : `${chars.slice(0, room - 1).join('').trimEnd()}…`;
}

/** Text up to the first `.`, `!` or `?` that ends a sentence (not "e.g." and the like, nor one
 * followed by a lower-case word), with whitespace collapsed. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = /(?<!\b(?:e\.g|i\.e|cf|vs|ca|approx))[.!?](?=\s+[^a-z]|$)/.exec(flat);
  return end ? flat.slice(0, end.index + 1) : flat;
}
