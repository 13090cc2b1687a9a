// Validation of a scenario against a given JSON Schema object, with no file-system access, so the
// same code serves the command line (validate.ts reads scenarios/schema.json from disk) and the
// browser demo (which bundles the schema). Three passes, each problem with the file and JSON path
// it is in:
// 1. each file of an `extends` chain on its own, against the schema with every `required` removed,
//    so a type or range error names the file that holds the bad value and its path in that file;
// 2. the merged scenario against the full schema (missing required fields);
// 3. semantic checks the schema cannot express (references between ids, countries, borders that
//    no edge crosses, destinations no edge leads to from an entry, dates within the period), on
//    the merged scenario.
// Problems from passes 2 and 3 are mapped back to the file that supplied the value (extends.ts).
// A later pass runs after problems in an earlier one when those problems cannot change what it reads
// (an unknown property, a number out of its range: `checkChain`), so that a file with a misspelt
// field and an event outside the period gets both messages at once; after any other schema problem
// (a wrong type, a missing field, a malformed id) later passes would misread the data, and stop.
// Ajv's messages are rewritten where they would puzzle a person: unknown properties are named,
// enums list the allowed values, patterns say what they stand for.

import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { isRealDate } from './dates.js';
import { pointer, type ScenarioProblem } from './errors.js';
import { isPlainObject, locateInChain, type JsonObject, type SourceFile } from './extends.js';
import type { Scenario } from './types.js';
import { informationBlockProblems, informationEventProblems } from './validateInformation.js';
import { unreachableDestinationProblems } from './validateRoutes.js';
import { closestName, didYouMean } from './suggest.js';

export interface ScenarioValidator {
  /**
   * Passes 2 and 3: full-schema and semantic problems of a merged scenario. `files` is the extends
   * chain it came from, the requested file first; problems are attributed to the file that supplied
   * the value. Without files, problems are reported against `<scenario>`.
   */
  validateScenario(merged: unknown, files?: readonly SourceFile[]): ScenarioProblem[];
  /** All three passes over an extends chain (the requested file first): pass 1, then, unless it
   * found a problem that stops later passes, `merge()` (the chain merged, extends.ts) and passes 2
   * and 3. Every problem once, in pass order; `merged` is undefined when it was not built. */
  checkChain(files: readonly SourceFile[], merge: () => JsonObject): { merged: JsonObject | undefined; problems: ScenarioProblem[] };
}

/** Ajv's options for the scenario schema (precompiledValidators.ts generates code with the same). */
export const SCHEMA_OPTIONS = { allErrors: true, verbose: true } as const;

/** The two schema validators: the full schema, and the schema with every `required` removed. */
export interface SchemaValidators {
  full: ValidateFunction;
  relaxed: ValidateFunction;
}

/** Validators for the scenario JSON Schema `schema`: compiled here (~0.2-0.4 s), or the functions
 * `precompiled` generated from the same schema at build time (precompiledValidators.ts). */
export function createValidator(schema: object, precompiled?: SchemaValidators): ScenarioValidator {
  const full = precompiled?.full ?? new Ajv2020(SCHEMA_OPTIONS).compile(schema);
  const relaxed = precompiled?.relaxed ?? new Ajv2020(SCHEMA_OPTIONS).compile(withoutRequired(schema) as object);

  /** Pass 1, and whether later passes may run after it. */
  function filePass(files: readonly SourceFile[]): { problems: ScenarioProblem[]; goOn: boolean } {
    let goOn = true;
    const problems = files.flatMap(({ file, data }) => {
      const found = checkSchema(relaxed, data);
      goOn &&= found.goOn;
      return found.problems.map((p) => ({ file, ...p }));
    });
    return { problems, goOn };
  }

  function validateScenario(merged: unknown, files?: readonly SourceFile[]): ScenarioProblem[] {
    const chain = files && files.length > 0 ? files : [{ file: '<scenario>', data: merged }];
    const located = (p: PathProblem): ScenarioProblem => ({ ...locateInChain(chain, merged, p.path), message: p.message });
    const { problems, goOn } = checkSchema(full, merged);
    const semantic = goOn ? semanticProblems(merged as Scenario) : [];
    return [...problems, ...semantic].map(located);
  }

  return {
    validateScenario,
    checkChain(files, merge) {
      const first = filePass(files);
      if (!first.goOn) return { merged: undefined, problems: first.problems };
      const merged = merge();
      return { merged, problems: uniqueProblems([...first.problems, ...validateScenario(merged, files)]) };
    },
  };
}

/** Problems with the same file, path and message once (passes 1 and 2 both see a value that the
 * merged scenario keeps from its file), in first-seen order. */
function uniqueProblems(problems: readonly ScenarioProblem[]): ScenarioProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}\0${p.path}\0${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The schema with every `required` list removed (pass 1 checks each file of a chain on its own). */
export function withoutRequired(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRequired);
  if (!isPlainObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (!(k === 'required' && Array.isArray(v))) out[k] = withoutRequired(v);
  return out;
}

// ---- Ajv errors → human problems -------------------------------------------------------------

type PathProblem = { path: string; message: string };

const PATTERN_MEANING: Record<string, string> = {
  id: 'must be a lower-case id of letters, digits and hyphens, e.g. "hu-fence"',
  date: 'must be an ISO date YYYY-MM-DD',
  month: 'must be a month YYYY-MM',
  country: 'must be an ISO 3166 alpha-2 country code in capitals (Kosovo: XK)',
  borderId: 'must be a border id: two country codes in the direction of travel, e.g. "RS-HU"',
  entityName: 'must be "total", a country code ("BA") or a border id ("RS-HU")',
};

/** Schema keywords whose failures leave every id, reference, date and key that the semantic
 * checks read as the schema describes it: an unknown property (the checks read known ones only)
 * and a number out of its range (they read no numbers). */
const HARMLESS_KEYWORDS = new Set(['additionalProperties', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']);

/** Ajv errors of `data` as problems a person can act on (also used for benchmark files). */
export function schemaProblems(validate: ValidateFunction, data: unknown): PathProblem[] {
  return checkSchema(validate, data).problems;
}

/** schemaProblems, and whether the semantic checks can still read `data` (every error harmless). */
function checkSchema(validate: ValidateFunction, data: unknown): { problems: PathProblem[]; goOn: boolean } {
  if (validate(data)) return { problems: [], goOn: true };
  const errors = validate.errors ?? [];
  return { problems: describeErrors(errors), goOn: errors.every((e) => HARMLESS_KEYWORDS.has(e.keyword)) };
}

function describeErrors(errors: readonly ErrorObject[]): PathProblem[] {
  const skip = new Set<number>();
  const extra = new Map<number, PathProblem>();
  errors.forEach((e, k) => {
    if (e.keyword === 'propertyNames') skip.add(k);
    if (e.keyword !== 'oneOf') return;
    // Ajv reports a oneOf's branch errors just before it. A branch that failed only on its type at
    // the value itself is a branch the user did not mean; report the other branches' errors, or
    // "must be A or B" when every branch failed on type.
    const under = (x: ErrorObject) => x.instancePath === e.instancePath || x.instancePath.startsWith(e.instancePath + '/');
    let j = k - 1;
    while (j >= 0 && under(errors[j])) j--;
    const branch = errors.slice(j + 1, k).map((x, i) => ({ x, i: i + j + 1 }));
    const typeMisses = branch.filter(({ x }) => x.keyword === 'type' && x.instancePath === e.instancePath);
    skip.add(k);
    if (typeMisses.length === branch.length) {
      for (const { i } of branch) skip.add(i);
      const types = typeMisses.map(({ x }) => String(x.params.type));
      extra.set(k, { path: e.instancePath, message: `must be ${types.join(' or ')}${got(e.data)}` });
    } else {
      for (const { i } of typeMisses) skip.add(i);
    }
  });
  const out: PathProblem[] = [];
  const seen = new Set<string>();
  errors.forEach((e, k) => {
    const p = extra.get(k) ?? (skip.has(k) ? undefined : describeError(e));
    const key = p ? p.path + '\0' + p.message : '';
    if (p === undefined || seen.has(key)) return;
    seen.add(key);
    out.push(p);
  });
  return out;
}

function describeError(e: ErrorObject): PathProblem {
  const at = e.instancePath;
  if (e.propertyName !== undefined) {
    return { path: at + pointer(e.propertyName), message: `invalid key: ${describeMessage(e, false)}` };
  }
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(e.params.additionalProperty);
      const allowed = Object.keys((e.parentSchema?.properties as object | undefined) ?? {});
      const near = closestName(name, allowed);
      const hint = allowed.length > 0 ? ` (${near === undefined ? '' : `did you mean "${near}"? `}allowed: ${allowed.join(', ')})` : '';
      return { path: at + pointer(name), message: `unknown property "${name}"${hint}` };
    }
    case 'required':
      return { path: at, message: `missing required property "${String(e.params.missingProperty)}"` };
    default:
      return { path: at, message: describeMessage(e, true) };
  }
}

function describeMessage(e: ErrorObject, showValue: boolean): string {
  const value = showValue ? got(e.data) : '';
  switch (e.keyword) {
    case 'enum':
      return `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}${value}`;
    case 'pattern': {
      const def = /\$defs\/(\w+)\/pattern$/.exec(e.schemaPath)?.[1];
      const meaning = (def !== undefined && PATTERN_MEANING[def]) || `must match the pattern ${String(e.params.pattern)}`;
      return meaning + value;
    }
    case 'minItems':
    case 'minProperties':
      return e.params.limit === 1 ? 'must not be empty' : `${e.message ?? 'is too short'}`;
    default:
      return `${e.message ?? 'is invalid'}${value}`;
  }
}

/** `, got <value>` with the offending value shortened, for messages about a single value. */
function got(value: unknown): string {
  if (value !== null && typeof value === 'object') return Array.isArray(value) ? ', got an array' : ', got an object';
  const text = JSON.stringify(value) ?? String(value);
  return `, got ${text.length > 40 ? text.slice(0, 37) + '...' : text}`;
}

// ---- semantic checks ---------------------------------------------------------------------------

function semanticProblems(s: Scenario): PathProblem[] {
  const out: PathProblem[] = [];
  const add = (message: string, ...segments: (string | number)[]) => out.push({ path: pointer(...segments), message });
  const { start, end } = s.period;
  for (const key of ['start', 'end'] as const) if (!isRealDate(s.period[key])) add('is not a calendar date', 'period', key);
  if (start > end) add(`is before the start ${start}`, 'period', 'end');
  const period = `the period ${start} to ${end}`;

  const nodeCountry = new Map<string, string>();
  const unknownNode = (id: string) => `unknown node "${id}"${didYouMean(id, nodeCountry.keys())}`;
  s.nodes.forEach((n, i) => {
    if (nodeCountry.has(n.id)) add(`duplicate node id "${n.id}"`, 'nodes', i, 'id');
    nodeCountry.set(n.id, n.country);
    if (!(n.country in s.countries)) add(`unknown country "${n.country}" (not in /countries)`, 'nodes', i, 'country');
  });

  const crossed = new Set<string>();
  const crossingEdges = new Map<string, boolean>();
  s.edges.forEach((e, i) => {
    if (e.id !== undefined && crossingEdges.has(e.id)) add(`duplicate edge id "${e.id}"`, 'edges', i, 'id');
    for (const end of ['from', 'to'] as const) if (!nodeCountry.has(e[end])) add(unknownNode(e[end]), 'edges', i, end);
    if (e.from === e.to) add('leads from a node to itself', 'edges', i, 'to');
    const a = nodeCountry.get(e.from);
    const b = nodeCountry.get(e.to);
    const crossing = a !== undefined && b !== undefined && a !== b;
    if (e.id !== undefined) crossingEdges.set(e.id, crossing);
    if (!crossing) return;
    crossed.add(`${a}-${b}`);
    if (e.bidirectional !== false) crossed.add(`${b}-${a}`);
  });
  const checkBorder = (border: string, ...segments: (string | number)[]) => {
    const unknown = border.split('-').filter((c) => !(c in s.countries));
    if (unknown.length > 0) add(`unknown country ${unknown.map((c) => `"${c}"`).join(' and ')} (not in /countries)`, ...segments);
    else if (!crossed.has(border)) add(`no edge crosses border ${border} (from ${border.slice(0, 2)} into ${border.slice(3)})`, ...segments);
  };
  for (const border of Object.keys(s.borders ?? {})) checkBorder(border, 'borders', border);

  const cohortIds = new Set<string>();
  s.cohorts.forEach((c, i) => {
    if (cohortIds.has(c.id)) add(`duplicate cohort id "${c.id}"`, 'cohorts', i, 'id');
    cohortIds.add(c.id);
    for (const dest of Object.keys(c.destinations)) {
      if (!nodeCountry.has(dest)) add(unknownNode(dest), 'cohorts', i, 'destinations', dest);
    }
  });

  const streams = new Map<string, number>();
  s.inflow.forEach((f, i) => {
    if (!nodeCountry.has(f.entry)) add(unknownNode(f.entry), 'inflow', i, 'entry');
    if (!cohortIds.has(f.cohort)) add(`unknown cohort "${f.cohort}"${didYouMean(f.cohort, cohortIds)}`, 'inflow', i, 'cohort');
    const key = `${f.entry}\0${f.cohort}`;
    const first = streams.get(key);
    if (first !== undefined) add(`second inflow for entry "${f.entry}" and cohort "${f.cohort}" (first: /inflow/${first})`, 'inflow', i);
    else streams.set(key, i);
    for (const month of Object.keys(f.monthly)) {
      if (month < start.slice(0, 7) || month > end.slice(0, 7)) add(`month is outside ${period}`, 'inflow', i, 'monthly', month);
    }
  });

  unreachableDestinationProblems(s, add);

  const nodeIdSet = new Set(s.nodes.map((n) => n.id));
  const networkIds = new Set<string>();
  s.smugglers?.networks.forEach((n, i) => {
    if (networkIds.has(n.id)) add(`duplicate network id "${n.id}"`, 'smugglers', 'networks', i, 'id');
    networkIds.add(n.id);
    if (!nodeIdSet.has(n.base)) add(unknownNode(n.base), 'smugglers', 'networks', i, 'base');
  });
  s.smugglers?.market?.bases?.forEach((id, i) => {
    if (!nodeIdSet.has(id)) add(unknownNode(id), 'smugglers', 'market', 'bases', i);
  });

  informationBlockProblems(s, checkBorder);
  (s.events ?? []).forEach((ev, i) => {
    if (!isRealDate(ev.date)) add('is not a calendar date', 'events', i, 'date');
    else if (ev.date < start || ev.date > end) add(`${ev.date} is outside ${period}`, 'events', i, 'date');
    const targets = [ev.border, ev.edge, ev.place, ev.dismantle, ev.information].filter((t) => t !== undefined).length;
    if (targets !== 1) {
      const also = ev.information === undefined ? '' : ' (an information event gives only "information")';
      add(`must give exactly one of "border", "edge", "place" and "dismantle"${also}`, 'events', i);
    } else if (ev.information !== undefined) {
      informationEventProblems(s, ev, i, add, checkBorder);
    } else if (ev.dismantle !== undefined) {
      if (ev.set !== undefined) add('a "dismantle" event takes no "set"', 'events', i, 'set');
      if (!networkIds.has(ev.dismantle)) add(`unknown smuggling network "${ev.dismantle}"${didYouMean(ev.dismantle, networkIds)}`, 'events', i, 'dismantle');
    } else if (ev.set === undefined) {
      add('must have "set"', 'events', i);
    } else if (ev.place !== undefined) {
      if (!nodeIdSet.has(ev.place)) add(unknownNode(ev.place), 'events', i, 'place');
      for (const field of Object.keys(ev.set)) {
        if (field !== 'arrestPressure') add('a "place" event sets only arrestPressure', 'events', i, 'set', field);
      }
    } else if (ev.edge !== undefined) {
      const crossing = crossingEdges.get(ev.edge);
      if (crossing === undefined) {
        const near = closestName(ev.edge, crossingEdges.keys());
        add(`unknown edge "${ev.edge}" (no edge has this id${near === undefined ? '' : `; did you mean "${near}"?`})`, 'events', i, 'edge');
      } else if (!crossing) add(`edge "${ev.edge}" does not cross a border`, 'events', i, 'edge');
    } else if (Array.isArray(ev.border)) {
      ev.border.forEach((b, j) => checkBorder(b, 'events', i, 'border', j));
    } else if (ev.border !== undefined) {
      checkBorder(ev.border, 'events', i, 'border');
    }
  });
  return out;
}
