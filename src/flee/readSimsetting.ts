// Reads Flee's simsetting.yml (flee/SimulationSettings.py ReadFromYML, Flee 3; docs/flee.md,
// "Settings from simsetting.yml") with the `yaml` package, and maps its `move_rules`,
// `spawn_rules` and `optimisations` sections to the settings of a scenario's Flee `rules` block
// (the same names, flattened) and to people per agent (`hasten`).
//
// - Bad YAML, or a value of the wrong type, is an error with file, line, column and key path:
//   `mali/simsetting.yml: line 12, column 19: /move_rules/camp_weight: must be a number, got "two"`.
// - A key Flee reads but routeshift does not support is a warning when its value would change
//   Flee's behaviour (`stay_close_to_home: true`), silent when it is Flee's default.
// - A key Flee does not read is a warning, with the closest known name when there is one (a typo
//   that Flee itself would silently ignore).
// - `use_v1_rules: true` applies the values Flee 1 fixes (speed 200, camp weight 2, …), as Flee does.
// `log_levels` only change what Flee prints and are not read.

import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import type { FleeSettingsSpec } from '../model/flee/spec.js';
import { closestName } from '../scenarios/suggest.js';
import { ProblemList } from './csv.js';

type Kind = 'number' | 'integer' | 'boolean' | 'numbers';

/** Settings routeshift maps, by section, with the type Flee converts them to. */
const SUPPORTED: Record<'move_rules' | 'spawn_rules', Partial<Record<keyof FleeSettingsSpec, Kind>>> = {
  move_rules: {
    max_move_speed: 'number',
    max_walk_speed: 'number',
    max_crossing_speed: 'number',
    foreign_weight: 'number',
    camp_weight: 'number',
    conflict_weight: 'number',
    conflict_movechance: 'number',
    camp_movechance: 'number',
    idpcamp_movechance: 'number',
    default_movechance: 'number',
    awareness_level: 'integer',
    capacity_buffer: 'number',
    capacity_scaling: 'number',
    avoid_short_stints: 'boolean',
    start_on_foot: 'boolean',
    softening: 'number',
    weight_softening: 'number',
    weight_power: 'number',
    distance_power: 'number',
    movechance_pop_base: 'number',
    movechance_pop_scale_factor: 'number',
  },
  spawn_rules: {
    take_from_population: 'boolean',
    insert_day0: 'boolean',
    sum_from_camps: 'boolean',
    conflict_spawn_decay: 'numbers',
    conflict_spawn_decay_interval: 'integer',
  },
};

/** Keys Flee reads that routeshift does not support, with the value that makes them harmless
 * (undefined: any value other than none changes Flee's behaviour). */
const UNSUPPORTED: Record<string, Record<string, unknown>> = {
  move_rules: {
    stay_close_to_home: false,
    home_distance_power: 0.5,
    use_pop_for_loc_weight: false,
    pop_power_for_loc_weight: 0.1,
    ChildrenAvoidHazards: false,
    BoysTakeRisk: false,
    MatchCampEthnicity: false,
    MatchTownEthnicity: false,
    MatchConflictEthnicity: false,
    flood_rules: undefined,
  },
  spawn_rules: {
    conflict_zone_spawning_only: true,
    flood_zone_spawning_only: false,
    camps_are_sicks: false,
    read_from_agents_csv_file: false,
    conflict_driven_spawning: undefined,
    flood_driven_spawning: undefined,
  },
  optimisations: {},
  top: { number_of_steps: -1, conflict_input_file: '' },
};

/** Flee 1's fixed values (SimulationSettings.py, use_v1_rules). */
const V1_RULES: FleeSettingsSpec = { max_move_speed: 200, start_on_foot: false, avoid_short_stints: false, camp_weight: 2, conflict_weight: 0.25 };

export interface Simsetting {
  settings: FleeSettingsSpec;
  /** `optimisations.hasten`, when given. */
  peoplePerAgent?: number;
  /** Warnings, each naming the file and the key path. */
  notes: string[];
}

/** Read and map a simsetting.yml; problems go to `problems` (the caller throws them). */
export async function readSimsetting(abs: string, shown: string, problems: ProblemList): Promise<Simsetting> {
  const out: Simsetting = { settings: {}, notes: [] };
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (error) {
    problems.add(shown, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read: ${(error as Error).message}`);
    return out;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (node: YamlNode | null | undefined) => (node?.range ? lines.linePos(node.range[0]) : undefined);
  const fail = (node: YamlNode | null | undefined, path: string, message: string) => {
    const pos = at(node);
    problems.add(shown, `${path}: ${message}`, pos?.line, pos?.col);
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      problems.add(shown, `invalid YAML: ${e.message.replace(/ at line \d+, column \d+.*$/s, '')}`, pos.line, pos.col);
    }
    return out;
  }
  const warn = (path: string, message: string) => out.notes.push(`${shown}: ${path}: ${message}`);
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return out;
  if (!isMap(root)) {
    fail(root, '/', 'must be a mapping of sections (move_rules, spawn_rules, …)');
    return out;
  }
  let v1 = false;
  for (const pair of root.items as Pair<YamlNode, YamlNode | null>[]) {
    const section = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const path = `/${section}`;
    if (section === 'log_levels') continue;
    if (section in UNSUPPORTED.top) {
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      if (value !== UNSUPPORTED.top[section] && value !== null) warn(path, `ignored: the period and the conflicts come from the CSV files`);
      continue;
    }
    if (section !== 'move_rules' && section !== 'spawn_rules' && section !== 'optimisations') {
      warn(path, `unknown section, ignored (Flee reads log_levels, spawn_rules, move_rules and optimisations)`);
      continue;
    }
    if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) continue;
    if (!isMap(pair.value)) {
      fail(pair.value, path, 'must be a mapping of settings');
      continue;
    }
    for (const item of pair.value.items as Pair<YamlNode, YamlNode | null>[]) {
      const key = String(isScalar(item.key) ? item.key.value : item.key);
      const keyPath = `${path}/${key}`;
      const node = item.value;
      if (section === 'optimisations' && key === 'hasten') {
        const n = scalarOf(node);
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) fail(node, keyPath, `must be a whole number ≥ 1, got ${shownValue(node)}`);
        else out.peoplePerAgent = n;
        continue;
      }
      if (section === 'move_rules' && key === 'use_v1_rules') {
        const b = scalarOf(node);
        if (typeof b !== 'boolean') fail(node, keyPath, `must be true or false, got ${shownValue(node)}`);
        else v1 = b;
        continue;
      }
      const kind = section === 'optimisations' ? undefined : SUPPORTED[section][key as keyof FleeSettingsSpec];
      if (kind !== undefined) {
        const value = convert(node, kind);
        if (value === undefined) fail(node, keyPath, `must be ${KIND_TEXT[kind]}, got ${shownValue(node)}`);
        else if (value !== null) (out.settings as Record<string, unknown>)[key] = value;
        continue;
      }
      if (key in UNSUPPORTED[section]) {
        const harmless = UNSUPPORTED[section][key];
        const value = isScalar(node) ? node.value : node === null ? null : 'set';
        if (value !== harmless && value !== null) warn(keyPath, `not supported by routeshift, ignored (docs/flee.md, differences from Flee)`);
        continue;
      }
      const elsewhere = (['move_rules', 'spawn_rules'] as const).find((other) => other !== section && key in SUPPORTED[other]);
      if (elsewhere) {
        warn(keyPath, `ignored: Flee reads ${key} from ${elsewhere}`);
        continue;
      }
      const known = [...Object.keys(section === 'optimisations' ? { hasten: 1 } : SUPPORTED[section]), ...Object.keys(UNSUPPORTED[section])];
      const near = closestName(key, known);
      warn(keyPath, `unknown setting, ignored${near ? ` (did you mean ${near}?)` : ''}`);
    }
  }
  if (v1) {
    out.settings = { ...out.settings, ...V1_RULES };
    warn('/move_rules/use_v1_rules', `Flee 1's fixed values applied (${Object.entries(V1_RULES).map(([k, v]) => `${k} ${String(v)}`).join(', ')}), as Flee does`);
  }
  return out;
}

const KIND_TEXT: Record<Kind, string> = {
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  numbers: 'a list of numbers',
};

function scalarOf(node: YamlNode | null): unknown {
  return isScalar(node) ? node.value : undefined;
}

function shownValue(node: YamlNode | null): string {
  if (node === null) return 'nothing';
  const text = JSON.stringify(node.toJSON());
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** The value as Flee would use it; null for an empty value (Flee's default); undefined if wrong. */
function convert(node: YamlNode | null, kind: Kind): unknown {
  if (node === null || (isScalar(node) && node.value === null)) return null;
  if (kind === 'numbers') {
    if (!isSeq(node)) return undefined;
    const values = node.items.map((x) => scalarOf(x as YamlNode));
    return values.every((x) => typeof x === 'number' && Number.isFinite(x)) ? values : undefined;
  }
  const v = scalarOf(node);
  if (kind === 'boolean') return typeof v === 'boolean' ? v : undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
  return kind === 'integer' && !Number.isInteger(v) ? undefined : v;
}

