// Validation messages: each bad-input fixture (test/fixtures/bad) gives its message with the file
// and JSON path, and each semantic check fires on a minimal change to a valid scenario.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError, formatProblem } from '../../src/scenarios/errors.js';
import { loadScenario } from '../../src/scenarios/load.js';
import { validateScenario } from '../../src/scenarios/validate.js';

const BAD = 'test/fixtures/bad';

async function linesOf(file: string): Promise<string[]> {
  try {
    await loadScenario(file, { cwd: process.cwd() });
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error(`${file} is valid`);
}

/** Fixture → lines that must be among its problems (exact, `file: path: message`). */
const EXPECTED: Record<string, (string | RegExp)[]> = {
  'edge-unknown-node.json': [`${BAD}/edge-unknown-node.json: /edges/0/to: unknown node "xyz"`],
  'probability-out-of-range.json': [`${BAD}/probability-out-of-range.json: /borders/RS-HU/detection: must be <= 1, got 1.5`],
  'event-outside-period.json': [
    `${BAD}/event-outside-period.json: /events/0/date: 2016-03-01 is outside the period 2015-06-01 to 2015-10-31`,
  ],
  'missing-field.json': [
    `${BAD}/missing-field.json: missing required property "period"`,
    `${BAD}/missing-field.json: /nodes/1: missing required property "lat"`,
  ],
  'bad-json.json': [`${BAD}/bad-json.json: invalid JSON at line 5, column 3: Expected double-quoted property name`],
  'unknown-extends.json': [/^test\/fixtures\/bad\/unknown-extends\.json: \/extends: unknown scenario "no-such-scenario": .*built-ins: /],
  'extends-missing-file.json': [
    `${BAD}/extends-missing-file.json: /extends: cannot read ${BAD}/no-such-file.json: no such file`,
  ],
  'cycle-a.json': [`${BAD}/cycle-b.json: /extends: extends cycle: ${BAD}/cycle-a.json → ${BAD}/cycle-b.json → ${BAD}/cycle-a.json`],
  'cycle-b.json': [`${BAD}/cycle-a.json: /extends: extends cycle: ${BAD}/cycle-b.json → ${BAD}/cycle-a.json → ${BAD}/cycle-b.json`],
  'unknown-property.json': [
    /^test\/fixtures\/bad\/unknown-property\.json: \/nodes\/0\/shelterCap: unknown property "shelterCap" \(allowed: id, name, .*shelterCapacity/,
    `${BAD}/unknown-property.json: /nodes/0/kind: must be one of "entry", "hub", "camp", "border-area", "destination", got "town"`,
  ],
  // Misspelt fields and a number out of range do not hide the problems of references and dates.
  'typos-and-references.json': [
    /^test\/fixtures\/bad\/typos-and-references\.json: \/behavior: unknown property "behavior" \(did you mean "behaviour"\? allowed: .*behaviour/,
    `${BAD}/typos-and-references.json: /borders/RS-HU/detection: must be <= 1, got 1.5`,
    /^test\/fixtures\/bad\/typos-and-references\.json: \/events\/0\/set\/detecton: unknown property "detecton"/,
    `${BAD}/typos-and-references.json: /events/0/date: 2016-03-01 is outside the period 2015-06-01 to 2015-10-31`,
    `${BAD}/typos-and-references.json: /events/0/border: unknown country "XX" (not in /countries)`,
  ],
  'not-an-object.json': [`${BAD}/not-an-object.json: must be a JSON object ({ ... }) describing a scenario`],
  'inconsistent.json': [
    `${BAD}/inconsistent.json: /nodes/0/country: unknown country "XX" (not in /countries)`,
    `${BAD}/inconsistent.json: /borders/RS-AT: no edge crosses border RS-AT (from RS into AT)`,
    `${BAD}/inconsistent.json: /cohorts/0/destinations/munich: unknown node "munich"`,
    `${BAD}/inconsistent.json: /inflow/0/cohort: unknown cohort "afghan"`,
    `${BAD}/inconsistent.json: /inflow/0/monthly/2014-12: month is outside the period 2015-06-01 to 2015-10-31`,
    `${BAD}/inconsistent.json: /events/0/edge: unknown edge "nope" (no edge has this id)`,
    `${BAD}/inconsistent.json: /events/1: must give exactly one of "border", "edge", "place" and "dismantle"`,
  ],
};

describe('bad-input fixtures', () => {
  it('has an expectation for every fixture', () => {
    expect(readdirSync(BAD).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [fixture, expected] of Object.entries(EXPECTED)) {
    it(`${fixture} is reported with file and JSON path`, async () => {
      const lines = await linesOf(`${BAD}/${fixture}`);
      for (const line of expected) {
        if (typeof line === 'string') expect(lines).toContain(line);
        else expect(lines.some((l) => line.test(l)), `${String(line)} in\n${lines.join('\n')}`).toBe(true);
      }
    });
  }
});

describe('validateScenario on one scenario', () => {
  const tiny = () => JSON.parse(readFileSync('test/fixtures/tiny.json', 'utf8'));
  const messages = (scenario: unknown) => validateScenario(scenario).map((p) => `${p.path}: ${p.message}`);

  it('accepts the tiny fixture, with or without $schema', () => {
    const s = tiny();
    expect(validateScenario(s)).toEqual([]);
    delete s.$schema;
    expect(validateScenario(s)).toEqual([]);
  });

  it('names the file as <scenario> when there is none', () => {
    const s = tiny();
    s.seed = -1;
    expect(validateScenario(s)).toEqual([{ file: '<scenario>', path: '/seed', message: 'must be >= 0, got -1' }]);
  });

  it('checks references after an unknown property or a number out of range, not after a wrong type or a missing field', () => {
    const typo = tiny();
    typo.nodes[0].shelterCap = 10;
    typo.seed = -1;
    typo.inflow[0].entry = 'nowhere';
    expect(messages(typo)).toEqual([
      '/seed: must be >= 0, got -1',
      expect.stringMatching(/^\/nodes\/0\/shelterCap: unknown property "shelterCap"/),
      '/inflow/0/entry: unknown node "nowhere"',
    ]);
    const wrongType = tiny();
    wrongType.nodes[0].lat = 'north';
    wrongType.inflow[0].entry = 'nowhere';
    expect(messages(wrongType)).toEqual(['/nodes/0/lat: must be number, got "north"']);
    const missing = tiny();
    delete missing.nodes[1].lat;
    missing.inflow[0].entry = 'nowhere';
    expect(messages(missing)).toEqual(['/nodes/1: missing required property "lat"']);
  });

  it('reports duplicate ids and self-loops', () => {
    const s = tiny();
    s.nodes.push({ ...s.nodes[0] });
    s.cohorts.push({ ...s.cohorts[0] });
    s.edges.push({ ...s.edges[0] }, { from: 'vienna', to: 'vienna', distanceKm: 1, mode: 'foot', hazard: 0 });
    expect(messages(s)).toEqual([
      '/nodes/4/id: duplicate node id "belgrade"',
      '/edges/4/id: duplicate edge id "horgos"',
      '/edges/5/to: leads from a node to itself',
      '/cohorts/1/id: duplicate cohort id "syrian"',
    ]);
  });

  it('suggests the closest id for a misspelt reference', () => {
    const s = tiny();
    s.edges[0].to = 'Szeged';
    s.inflow[0].cohort = 'syrain';
    s.cohorts[0].destinations = { viena: 1 };
    s.events.push({ date: '2015-07-01', label: 'typo', edge: 'horgoss', set: { fence: 1 } }, { date: '2015-07-01', label: 'far', edge: 'tovarnik', set: { fence: 1 } });
    const found = messages(s);
    expect(found).toEqual(
      expect.arrayContaining([
        '/edges/0/to: unknown node "Szeged" (did you mean "szeged"?)',
        '/cohorts/0/destinations/viena: unknown node "viena" (did you mean "vienna"?)',
        '/inflow/0/cohort: unknown cohort "syrain" (did you mean "syrian"?)',
        '/events/1/edge: unknown edge "horgoss" (no edge has this id; did you mean "horgos"?)',
        '/events/2/edge: unknown edge "tovarnik" (no edge has this id)',
      ]),
    );
    // The edge to "Szeged" no longer crosses RS-HU: that follows, and is said, too.
    expect(found.filter((m) => !m.includes('RS-HU'))).toHaveLength(5);
  });

  it('suggests the closest built-in for a misspelt extends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'routeshift-suggest-'));
    try {
      const file = join(dir, 'variant.json');
      writeFileSync(file, JSON.stringify({ extends: 'western-balkan', id: 'variant' }));
      await expect(loadScenario(file)).rejects.toThrow(/unknown scenario "western-balkan" \(did you mean "western-balkans"\?\): not a file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a destination that no route leads to from an entry of its cohort', () => {
    const s = tiny();
    // One-way edges away from Vienna: Belgrade reaches Szeged and Zagreb, never Vienna.
    s.edges = s.edges.map((e: { from: string; to: string }) => (e.to === 'vienna' ? { ...e, from: 'vienna', to: e.from, bidirectional: false } : e));
    s.nodes.push({ ...s.nodes[3], id: 'munich', name: 'Munich', country: 'AT' });
    s.cohorts[0].destinations = { vienna: 1, munich: 1, zagreb: 1 };
    expect(messages(s)).toEqual([
      '/inflow/0/entry: no route from "belgrade" to destinations "vienna", "munich" of cohort "syrian": people who enter here and head there could never arrive (is an edge missing?)',
    ]);
    // The way back along a two-way edge counts; a one-way edge does not.
    s.edges.push({ from: 'munich', to: 'zagreb', distanceKm: 900, mode: 'rail', hazard: 0 }, { from: 'zagreb', to: 'vienna', distanceKm: 300, mode: 'rail', hazard: 0, bidirectional: false });
    expect(messages(s)).toEqual([]);
  });

  it('does not check destinations under Flee rules, where people have none', () => {
    const flee = JSON.parse(readFileSync('test/fixtures/flee/tiny/expected/scenario.json', 'utf8'));
    flee.edges = flee.edges.filter((e: { to: string }) => e.to !== 'dal');
    expect(messages(flee)).toEqual([]);
    delete flee.rules;
    expect(messages(flee)).toEqual([
      '/inflow/0/entry: no route from "abu" to destination "dal" of cohort "displaced": people who enter here and head there could never arrive (is an edge missing?)',
      '/inflow/1/entry: no route from "eli" to destination "dal" of cohort "displaced": people who enter here and head there could never arrive (is an edge missing?)',
    ]);
  });

  it('checks the period and calendar dates', () => {
    const s = tiny();
    s.period = { start: '2015-10-31', end: '2015-02-30' };
    expect(messages(s)).toContain('/period/end: is not a calendar date');
    expect(messages(s)).toContain('/period/end: is before the start 2015-10-31');
  });

  it('checks event targets: a border list, an edge that crosses no border, a duplicate inflow', () => {
    const s = tiny();
    s.events.push(
      { date: '2015-07-01', label: 'list', border: ['RS-HU', 'AT-HU'], set: { fence: 1 } },
      { date: '2015-07-01', label: 'inland', edge: 'inland', set: { fence: 1 } },
    );
    s.edges.push({ id: 'inland', from: 'szeged', to: 'vienna', distanceKm: 1, mode: 'rail', hazard: 0, bidirectional: false });
    s.inflow.push({ entry: 'belgrade', cohort: 'syrian', monthly: {} });
    s.nodes[3].country = 'HU';
    expect(messages(s)).toEqual([
      '/inflow/1: second inflow for entry "belgrade" and cohort "syrian" (first: /inflow/0)',
      '/events/1/border/1: no edge crosses border AT-HU (from AT into HU)',
      '/events/2/edge: edge "inland" does not cross a border',
    ]);
  });

  it('explains schema errors in human terms', () => {
    const s = tiny();
    s.id = 'Tiny Net';
    s.nodes[0].country = 'srb';
    s.edges[0].mode = 'bus';
    s.events[0].border = 7;
    s.countries.at = s.countries.AT;
    s.inflow[0].monthly['2015-6'] = 3;
    s.cohorts[0].destinations = {};
    expect(messages(s)).toEqual([
      '/id: must be a lower-case id of letters, digits and hyphens, e.g. "hu-fence", got "Tiny Net"',
      '/countries/at: invalid key: must be an ISO 3166 alpha-2 country code in capitals (Kosovo: XK)',
      '/nodes/0/country: must be an ISO 3166 alpha-2 country code in capitals (Kosovo: XK), got "srb"',
      '/edges/0/mode: must be one of "foot", "vehicle", "boat", "rail", got "bus"',
      '/cohorts/0/destinations: must not be empty',
      '/inflow/0/monthly/2015-6: invalid key: must be a month YYYY-MM',
      '/events/0/border: must be string or array, got 7',
    ]);
  });

  it('reports the matching branch of a border that is a string or a list', () => {
    const s = tiny();
    s.events[0].border = 'rs-hu';
    expect(messages(s)).toEqual(['/events/0/border: must be a border id: two country codes in the direction of travel, e.g. "RS-HU", got "rs-hu"']);
    s.events[0].border = ['RS-HU', 3];
    expect(messages(s)).toEqual(['/events/0/border/1: must be string, got 3']);
  });
});
