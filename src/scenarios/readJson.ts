// Reads and parses one JSON input file (benchmark, parameter or Flee benchmark file) with the errors
// every routeshift input gives: the file as shown to the user, an empty JSON path, "no such file" or
// the line and column of a syntax error (describeSyntaxError). A leading byte-order mark is dropped.
// Scenario files go through load.ts instead, whose errors also name the `extends` that pointed at them.

import { readFile } from 'node:fs/promises';
import { ScenarioError } from './errors.js';
import { describeSyntaxError } from './load.js';
import { readFailure } from './readFailure.js';

/** The parsed contents of `abs`, shown in messages as `shown`; throws ScenarioError. */
export async function readJson(abs: string, shown: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (error) {
    throw new ScenarioError([{ file: shown, path: '', message: readFailure(error, 'a file') }]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ScenarioError([{ file: shown, path: '', message: describeSyntaxError(text, (error as Error).message) }]);
  }
}
