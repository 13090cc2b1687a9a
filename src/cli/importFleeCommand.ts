// Flee interoperability on the command line (docs/flee.md):
//   routeshift import-flee <dir> --out scenario.json   Flee's CSV scenario → a routeshift scenario
//                                                     under Flee's rules + a benchmark file of the
//                                                     observed camp series
//   routeshift score-flee <scenario> <benchmark>      run it and score it with Flee's averaged
//                                                     relative difference (raw and rescaled)
// Input problems (malformed CSV with file, line and column; a scenario that does not validate) are
// ScenarioErrors, which the CLI prints without a stack and exits with 1. Files are written through
// a temporary file and a rename, and an existing file is replaced only with --force.

import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { readBenchmark } from '../flee/benchmark.js';
import { readFleeScenario } from '../flee/readFlee.js';
import { benchmarkScenarioProblems, scoreFlee, type FleeScore } from '../flee/score.js';
import { fleeToScenario } from '../flee/toScenario.js';
import { isFleeCompiled } from '../model/flee/compileRules.js';
import { DEFAULT_SEED } from '../scenarios/defaults.js';
import { isoDay } from '../scenarios/dates.js';
import { ScenarioError } from '../scenarios/errors.js';
import { displayPath } from '../scenarios/load.js';
import { validateScenario } from '../scenarios/validate.js';
import { compileForCli } from './compile.js';
import { CliError, type CliIo } from './io.js';
import { compileInput, loadInput } from './scenarioInput.js';

export interface ImportFleeOptions {
  out: string;
  /** Benchmark file; default <out without .json>.benchmark.json. */
  benchmark?: string;
  /** Validation data folder; default <dir>/source_data. */
  validation?: string;
  /** Flee's simsetting.yml; false (--no-simsetting) for none; default <dir>/simsetting.yml if present. */
  simsetting?: string | boolean;
  id?: string;
  peoplePerAgent?: number;
  /** NAME=XY pairs. */
  country?: string[];
  force: boolean;
}

/** Write `text` to `file` through a temporary sibling and a rename. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.tmp-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

function parseCountryCodes(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const m = /^(.+)=([A-Z]{2})$/.exec(pair);
    if (!m) throw new CliError(`--country ${pair}: expected NAME=XY with a two-letter code in capitals`);
    out[m[1]] = m[2];
  }
  return out;
}

export async function importFleeCommand(dir: string, options: ImportFleeOptions, io: CliIo): Promise<number> {
  const show = (abs: string) => displayPath(abs, io.cwd);
  const source = resolve(io.cwd, dir);
  const out = resolve(io.cwd, options.out);
  const benchmarkFile = resolve(io.cwd, options.benchmark ?? join(dirname(options.out), `${basename(options.out, extname(options.out))}.benchmark.json`));
  if (out === benchmarkFile) throw new CliError('--out and --benchmark name the same file');
  for (const file of [out, benchmarkFile]) {
    if (existsSync(file) && !options.force) throw new CliError(`${show(file)} exists; use --force to replace it`);
    if (!existsSync(dirname(file))) throw new CliError(`cannot write ${show(file)}: no such directory ${show(dirname(file))}`);
  }
  const countryCodes = parseCountryCodes(options.country ?? []);

  const simsetting = options.simsetting === undefined || options.simsetting === true ? undefined : options.simsetting && resolve(io.cwd, options.simsetting);
  const input = await readFleeScenario(source, { validationDir: options.validation && resolve(io.cwd, options.validation), simsetting, show });
  // People per agent: --people-per-agent, else simsetting.yml's hasten (Flee's name for it).
  const hasten = input.simsetting?.peoplePerAgent;
  const peoplePerAgent = options.peoplePerAgent ?? hasten;
  const { scenario, benchmark, notes } = fleeToScenario(input, { dir: source, id: options.id, peoplePerAgent, countryCodes });
  if (hasten !== undefined && options.peoplePerAgent !== undefined && hasten !== options.peoplePerAgent) {
    notes.push(`--people-per-agent ${options.peoplePerAgent} is used, not ${input.simsetting!.file}'s hasten ${hasten}`);
  }
  // The scenario must pass the project's own checks before anything is written.
  const problems = validateScenario(scenario, [{ file: show(out), data: scenario }]);
  if (problems.length > 0) throw new ScenarioError(problems);
  compileForCli(scenario, show(out));

  await writeAtomically(out, JSON.stringify(scenario, null, 2) + '\n');
  await writeAtomically(benchmarkFile, JSON.stringify(benchmark, null, 2) + '\n');

  const camps = scenario.nodes.filter((n) => n.kind === 'camp').length;
  const zones = Object.values(scenario.rules?.locations ?? {}).filter((l) => l.type === 'conflict_zone').length;
  io.stdout(
    `routeshift: imported ${input.inputDir}: ${scenario.nodes.length} locations (${camps} camps, ${zones} conflict zones), ` +
      `${scenario.edges.length} routes, ${scenario.rules?.closures?.length ?? 0} closures, ${scenario.period.start} to ${scenario.period.end}\n`,
  );
  for (const note of notes) io.stderr(`routeshift: note: ${note}\n`);
  if (input.simsetting) {
    const names = Object.keys(input.simsetting.settings);
    io.stdout(`settings from ${input.simsetting.file}: ${names.length > 0 ? names.join(', ') : 'none (Flee\'s defaults)'}${hasten !== undefined ? `; hasten ${hasten}` : ''}\n`);
  }
  io.stdout(`wrote ${show(out)} and ${show(benchmarkFile)} (${benchmark.series.length} observed series)\n`);
  io.stdout(`next: routeshift run ${show(out)}   or   routeshift score-flee ${show(out)} ${show(benchmarkFile)}\n`);
  return 0;
}

export interface ScoreFleeOptions {
  runs: number;
  seed?: number;
  out?: string;
  force: boolean;
  json: boolean;
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

function formatScore(score: FleeScore, startDate: string, seconds: number): string {
  const rows = [
    `score-flee: ${score.scenario} against ${score.source}`,
    `  ${score.camps.length} camps, ${score.days} days, ${score.runs} run${score.runs === 1 ? '' : 's'}, seed ${score.seed}`,
    'averaged relative difference (ARD, mean over days), across runs:',
    '              mean      sd     min     max',
    ...(['raw', 'rescaled'] as const).map((k) => {
      const s = score.ard[k];
      return `  ${k.padEnd(9)}${[s.mean, s.sd, s.min, s.max].map((x) => f3(x).padStart(8)).join('')}`;
    }),
    `ARD of the mean camp series: raw ${f3(score.ensembleMeanArd.raw)}, rescaled ${f3(score.ensembleMeanArd.rescaled)}`,
    `FabFlee's "error" (ARD / 2): raw ${f3(score.ard.raw.mean / 2)}, rescaled ${f3(score.ard.rescaled.mean / 2)}`,
    `last day (${isoDay(startDate, score.days - 1)}), people:`,
    ...score.lastDay.map((c) => `  ${c.camp.padEnd(24)} observed ${String(Math.round(c.observed)).padStart(9)}   simulated ${c.simulated.toFixed(1).padStart(11)}`),
    `${score.agentSteps} agent-steps in ${seconds.toFixed(2)} s (${Math.round(score.agentSteps / Math.max(seconds, 1e-9)).toLocaleString('en-US')} per second)`,
  ];
  return rows.join('\n') + '\n';
}

export async function scoreFleeCommand(ref: string, benchmarkRef: string, options: ScoreFleeOptions, io: CliIo): Promise<number> {
  const input = await loadInput(ref, io);
  const compiled = compileInput(input);
  if (!isFleeCompiled(compiled)) throw new CliError(`${input.shownFiles[0]} does not run under Flee's rules (no "rules": { "mode": "flee" }); score-flee scores Flee-mode scenarios`);
  const benchmarkAbs = resolve(io.cwd, benchmarkRef);
  const benchmarkShown = displayPath(benchmarkAbs, io.cwd);
  const benchmark = await readBenchmark(benchmarkAbs, benchmarkShown);
  const problems = benchmarkScenarioProblems(benchmark, compiled.network.nodeIds, benchmarkShown);
  if (problems.length > 0) throw new ScenarioError(problems);
  const out = options.out === undefined ? undefined : resolve(io.cwd, options.out);
  if (out !== undefined && existsSync(out) && !options.force) throw new CliError(`${displayPath(out, io.cwd)} exists; use --force to replace it`);

  const seed = options.seed ?? input.scenario.seed ?? DEFAULT_SEED;
  const started = performance.now();
  const score = scoreFlee(compiled, benchmark, { runs: options.runs, seed });
  const seconds = (performance.now() - started) / 1000;
  const json = JSON.stringify(score, null, 2) + '\n';
  if (out !== undefined) await writeAtomically(out, json);
  (options.json ? io.stderr : io.stdout)(formatScore(score, compiled.startDate, seconds));
  if (out !== undefined) (options.json ? io.stderr : io.stdout)(`wrote ${displayPath(out, io.cwd)}\n`);
  if (options.json) io.stdout(json);
  return 0;
}
