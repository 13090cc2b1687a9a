// The Western Balkan route scenario (2015–2026) and its what-ifs reproduce the stylised facts of
// the source documents, at a reduced scale (more people per agent, same people) over replicates.
// Each test names the fact and where it comes from: seeds-000-002 §8 and seeds-001-003-004 §9 are
// the lists in shared/research; frontex-yearly is shared/data/western-balkans-detections-yearly.json, read from benchmarks/western-balkans.json.
//
// Runs use a window of the period: events dated before the window start are applied on its first
// day (ramps completed), inflow outside it is dropped, and the smuggling networks start from their
// bases of January 2015 (they re-sort themselves within weeks). The whole file takes about 30 s on
// 2 cores.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEnforcement } from '../../src/model/enforcement.js';
import { createModel } from '../../src/model/createModel.js';
import { BORDER_METRICS, COUNTRY_METRICS, type ReplicateResult } from '../../src/model/result.js';
import { runReplicate } from '../../src/model/runReplicate.js';
import type { CompiledScenario } from '../../src/model/compiled.js';
import { scenariosDir } from '../../src/scenarios/builtins.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { dayIndex, isoDay } from '../../src/scenarios/dates.js';
import { loadScenario } from '../../src/scenarios/load.js';
import type { Scenario } from '../../src/scenarios/types.js';

const SEED = 2015;
const EXITS = ['RS-HU', 'RS-HR', 'RS-RO', 'BA-HR'];
const SERBIAN_EXITS = ['RS-HU', 'RS-HR', 'RS-RO'];

const load = async (name: string): Promise<Scenario> => (await loadScenario(name)).scenario;

/** A copy of `s` over [start, end] with `peoplePerAgent` people per agent. */
function windowed(s: Scenario, start: string, end: string, peoplePerAgent: number): Scenario {
  const first = start.slice(0, 7);
  const last = end.slice(0, 7);
  return {
    ...s,
    period: { start, end },
    peoplePerAgent,
    events: (s.events ?? []).filter((e) => e.date <= end).map((e) => (e.date < start ? { ...e, date: start, rampDays: 0 } : e)),
    inflow: s.inflow.map((f) => ({ ...f, monthly: Object.fromEntries(Object.entries(f.monthly).filter(([m]) => m >= first && m <= last)) })),
  };
}

interface Run {
  compiled: CompiledScenario;
  results: ReplicateResult[];
}

function run(s: Scenario, replicates: number): Run {
  const compiled = compileScenario(s);
  return { compiled, results: Array.from({ length: replicates }, (_, r) => runReplicate(compiled, SEED, r)) };
}

/** Sum of a border metric over the days from `from` to `to` (ISO dates, both included), in people. */
function borderSum(run: Run, r: ReplicateResult, metric: (typeof BORDER_METRICS)[number], border: string, from: string, to: string): number {
  const b = run.compiled.network.borderIds.indexOf(border);
  if (b < 0) return 0;
  const m = BORDER_METRICS.indexOf(metric);
  const start = run.compiled.startDate;
  let sum = 0;
  for (let d = Math.max(0, dayIndex(start, from)); d <= Math.min(r.days - 1, dayIndex(start, to)); d++) {
    sum += r.borderDaily[(m * r.borders + b) * r.days + d];
  }
  return sum;
}

/** Mean over the days from `from` to `to` of a border level (a price), over the days it is defined. */
function borderLevel(run: Run, r: ReplicateResult, metric: (typeof BORDER_METRICS)[number], border: string, from: string, to: string): number {
  const b = run.compiled.network.borderIds.indexOf(border);
  const m = BORDER_METRICS.indexOf(metric);
  const start = run.compiled.startDate;
  let sum = 0;
  let count = 0;
  for (let d = Math.max(0, dayIndex(start, from)); d <= Math.min(r.days - 1, dayIndex(start, to)); d++) {
    const x = r.borderDaily[(m * r.borders + b) * r.days + d];
    if (x !== 0) {
      sum += x;
      count++;
    }
  }
  return count > 0 ? sum / count : NaN;
}

/** Mean over the days from `from` to `to` of a country metric (networks based there). */
function countryMean(run: Run, r: ReplicateResult, metric: (typeof COUNTRY_METRICS)[number], country: string, from: string, to: string): number {
  const c = run.compiled.network.countryIds.indexOf(country);
  const m = COUNTRY_METRICS.indexOf(metric);
  const start = run.compiled.startDate;
  const first = Math.max(0, dayIndex(start, from));
  const last = Math.min(r.days - 1, dayIndex(start, to));
  let sum = 0;
  for (let d = first; d <= last; d++) sum += r.countryDaily[(m * r.countries + c) * r.days + d];
  return sum / (last - first + 1);
}

/** Daily rate of a border metric summed over `borders`, from `from` to `to`. */
function rate(run: Run, r: ReplicateResult, metric: (typeof BORDER_METRICS)[number], borders: string[], from: string, to: string): number {
  return borders.reduce((s, b) => s + borderSum(run, r, metric, b, from, to), 0) / (dayIndex(from, to) + 1);
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Runs shared by several tests, made on first use. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

// The late-2023 crackdown: the history and the what-if without it, January 2023 – June 2024, at 10
// people per agent (half the default scale), 4 replicates with common random numbers.
const CRACKDOWN = { start: '2023-01-01', end: '2024-06-30', before: ['2023-05-01', '2023-10-27'], after: ['2023-12-01', '2024-06-30'] } as const;
const crackdownRuns = once(async () => ({
  history: run(windowed(await load('western-balkans'), CRACKDOWN.start, CRACKDOWN.end, 10), 4),
  counterfactual: run(windowed(await load('wb-no-serbian-crackdown'), CRACKDOWN.start, CRACKDOWN.end, 10), 4),
}));

/** Share of `border` in the crossings of `borders`, per replicate. */
function shares(run: Run, border: string, borders: string[], from: string, to: string): number[] {
  return run.results.map((r) => {
    const total = borders.reduce((s, b) => s + borderSum(run, r, 'crossings', b, from, to), 0);
    return total > 0 ? borderSum(run, r, 'crossings', border, from, to) / total : 0;
  });
}

describe('every built-in scenario', () => {
  const files = readdirSync(scenariosDir()).filter((f) => f.endsWith('.json') && f !== 'schema.json');
  for (const file of files) {
    it(`${file} validates and runs its first 60 days`, async () => {
      const s = await load(file.slice(0, -'.json'.length));
      const end = isoDay(s.period.start, 59);
      const r = run(windowed(s, s.period.start, end, (s.peoplePerAgent ?? 1) * 10), 1).results[0];
      expect(r.days).toBe(60);
      expect(r.totalDaily.every(Number.isFinite)).toBe(true);
      expect(r.borderDaily.some((x) => x > 0)).toBe(true);
    });
  }
});

describe('western-balkans: sources and what-ifs', () => {
  it('every event has a unique id and a source; every place, segment, cohort and stream a source', async () => {
    const s = await load('western-balkans');
    const ids = (s.events ?? []).map((e) => e.id);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const cited = /seed-00\d|frontex-yearly|unhcr-greece-monthly|assumption|not in the seed documents/;
    for (const item of [...(s.events ?? []), ...s.nodes, ...s.edges, ...s.cohorts, ...s.inflow]) {
      expect(item.source, JSON.stringify(item).slice(0, 80)).toMatch(cited);
    }
  });

  it('each what-if is a short extends file that only changes events the history has (or adds whatif- ones)', async () => {
    const base = new Set(((await load('western-balkans')).events ?? []).map((e) => e.id));
    const whatIfs = readdirSync(scenariosDir()).filter((f) => /^wb-.*\.json$/.test(f));
    expect(whatIfs.length).toBeGreaterThanOrEqual(8);
    for (const file of whatIfs) {
      const text = readFileSync(join(scenariosDir(), file), 'utf8');
      const data = JSON.parse(text) as { extends: string; description: string; events: { id: string }[] };
      expect(text.split('\n').length, file).toBeLessThanOrEqual(30);
      expect(data.extends, file).toBe('western-balkans');
      expect(data.description, file).toMatch(/^What if|^Where/);
      for (const e of data.events) expect(base.has(e.id) || e.id.startsWith('whatif-'), `${file}: ${e.id}`).toBe(true);
    }
  });

  it('docs/scenarios-western-balkans.md lists every event and every what-if', async () => {
    const doc = readFileSync('docs/scenarios-western-balkans.md', 'utf8');
    const ids = ((await load('western-balkans')).events ?? []).map((e) => e.id as string);
    const whatIfs = readdirSync(scenariosDir()).filter((f) => /^wb-.*\.json$/.test(f));
    expect([...ids, ...whatIfs].filter((id) => !doc.includes(id))).toEqual([]);
  });

  it('wb-no-serbian-crackdown neutralises the crackdown: Serbian exits keep their 27 October 2023 enforcement, and no raids hit Serbian bases', async () => {
    const compiled = compileScenario(await load('wb-no-serbian-crackdown'));
    const net = compiled.network;
    const serbianExits = [...net.edgeBorder.keys()].filter((e) => net.edgeBorder[e] >= 0 && SERBIAN_EXITS.includes(net.borderIds[net.edgeBorder[e]]));
    const enforcement = createEnforcement(compiled);
    const c = enforcement.columns;
    const snapshot = () => serbianExits.flatMap((e) => [c.detection[e], c.pushback[e], c.injury[e], c.arrestPressure[e], c.antiSmuggling[e], c.corruption[e]]);
    let day = 0;
    const advanceTo = (date: string) => {
      while (day <= dayIndex(compiled.startDate, date)) enforcement.apply(day++);
    };
    advanceTo('2023-10-27');
    const before = snapshot();
    advanceTo('2023-12-31');
    expect(snapshot()).toEqual(before);
    const serbian = (node: number) => net.countryIds[net.nodeCountry[node]] === 'RS';
    expect(compiled.smugglers!.placeEvents.filter((e) => serbian(e.node)).map((e) => e.arrestPressure)).toEqual([0, 0, 0]);
  });

  it('the what-ifs wb-network-dismantled and wb-network-dismantled-no-entry differ only in entry', async () => {
    const withEntry = compileScenario(await load('wb-network-dismantled'));
    const noEntry = compileScenario(await load('wb-network-dismantled-no-entry'));
    const dismantled = (c: CompiledScenario) => c.smugglers!.dismantleEvents.map(({ day, network }) => ({ day, network }));
    expect(dismantled(withEntry)).toEqual(dismantled(noEntry));
    expect(withEntry.smugglers!.market.maxNetworks).toBeGreaterThan(withEntry.smugglers!.ids.length);
    expect(noEntry.smugglers!.market.maxNetworks).toBe(noEntry.smugglers!.ids.length - 1);
    expect({ ...withEntry.smugglers!.market, maxNetworks: 0 }).toEqual({ ...noEntry.smugglers!.market, maxNetworks: 0 });
  });
});

describe('western-balkans reproduces the stylised facts', () => {
  it('seeds-000-002 §8 fact 2 (seed-000 L61): after the September 2015 fence, Serbia–Hungary crossings fall and Serbia–Croatia crossings rise within two weeks', async () => {
    const history = run(windowed(await load('western-balkans'), '2015-01-01', '2015-10-10', 100), 3);
    for (const r of history.results) {
      const huBefore = borderSum(history, r, 'crossings', 'RS-HU', '2015-09-01', '2015-09-14');
      const huAfter = borderSum(history, r, 'crossings', 'RS-HU', '2015-09-16', '2015-09-29');
      const hrBefore = borderSum(history, r, 'crossings', 'RS-HR', '2015-09-01', '2015-09-14');
      const hrAfter = borderSum(history, r, 'crossings', 'RS-HR', '2015-09-16', '2015-09-29');
      expect(huBefore).toBeGreaterThan(20_000);
      expect(huAfter).toBeLessThan(0.1 * huBefore);
      expect(hrAfter).toBeGreaterThan(0.5 * huBefore);
      expect(hrBefore).toBeLessThan(0.1 * hrAfter);
      // "more than 11,000 migrants poured into Croatia" within 48 hours: the same order here.
      expect(borderSum(history, r, 'crossings', 'RS-HR', '2015-09-16', '2015-09-17')).toBeGreaterThan(5_000);
    }
  });

  it('seeds-001-003-004 §9 fact 1 (seed-003 L67–70, L877–911): the late-2023 Serbian crackdown raises the Bosnia–Croatia exit share', async () => {
    const { history, counterfactual } = await crackdownRuns();
    const after = (x: Run) => shares(x, 'BA-HR', EXITS, '2023-11-15', CRACKDOWN.end);
    const withCrackdown = after(history);
    const without = after(counterfactual);
    withCrackdown.forEach((share, r) => expect(share).toBeGreaterThan(without[r]));
    expect(mean(withCrackdown) - mean(without)).toBeGreaterThan(0.2);
    // And within the history: Bosnia–Croatia's share is higher after the crackdown than before it.
    expect(mean(withCrackdown)).toBeGreaterThan(mean(shares(history, 'BA-HR', EXITS, ...CRACKDOWN.before)) + 0.2);
  });

  it('seeds-001-003-004 §9 facts 1 and 7 (seed-003 L67–70 "smuggling activities … have shifted from Serbia to Bosnia and Herzegovina", L956–958): after the late-2023 crackdown, smuggled crossings and smugglers\' bases move from Serbia to Bosnia and Herzegovina', async () => {
    const { history, counterfactual } = await crackdownRuns();
    const { before, after } = CRACKDOWN;
    history.results.forEach((r, i) => {
      // Smuggled crossings: out of Serbia they all but stop; Bosnia–Croatia, which had a minority of
      // them before, has nearly all of them after.
      expect(rate(history, r, 'smuggledCrossings', SERBIAN_EXITS, ...after)).toBeLessThan(0.1 * rate(history, r, 'smuggledCrossings', SERBIAN_EXITS, ...before));
      const bosnianShare = (window: readonly [string, string]) => rate(history, r, 'smuggledCrossings', ['BA-HR'], ...window) / rate(history, r, 'smuggledCrossings', EXITS, ...window);
      expect(bosnianShare(before)).toBeLessThan(0.5);
      expect(bosnianShare(after)).toBeGreaterThan(0.9);
      // Networks based in each country (mean over the days): fewer in Serbia, more in Bosnia, than
      // before the crackdown and than in the same months without it.
      const based = (x: Run, country: string, window: readonly [string, string]) => countryMean(x, x.results[i], 'networksBased', country, ...window);
      expect(based(history, 'RS', after)).toBeLessThan(based(history, 'RS', before) - 1);
      expect(based(history, 'BA', after)).toBeGreaterThan(based(history, 'BA', before) + 2);
      expect(based(history, 'BA', after)).toBeGreaterThan(based(counterfactual, 'BA', after) + 2);
      expect(based(history, 'RS', after)).toBeLessThan(based(counterfactual, 'RS', after) - 1);
    });
  });

  it('seeds-001-003-004 §9 fact 5 (seed-003 L1211–1218, L1468–1470; seed-001 L83 "a massive increase in the cost of passage"): smuggling prices at Serbia–Hungary rise after the crackdown', async () => {
    const { history, counterfactual } = await crackdownRuns();
    const price = (x: Run, i: number, window: readonly [string, string]) => borderLevel(x, x.results[i], 'priceEur', 'RS-HU', ...window);
    history.results.forEach((_, i) => {
      expect(price(history, i, CRACKDOWN.after)).toBeGreaterThan(1.5 * price(history, i, CRACKDOWN.before));
      expect(price(history, i, CRACKDOWN.after)).toBeGreaterThan(1.5 * price(counterfactual, i, CRACKDOWN.after));
    });
  });

  it('seeds-001-003-004 §9 facts 3–4 (seed-003 L151–154 "more covert routes, contributing to the decrease in detected crossings", L579–582, L1147–1156): from 2023 to 2024 reliance on smugglers rises and recorded detections fall faster than the people crossing', async () => {
    // The three months before the crackdown against March–June 2024, once the networks have settled
    // in Bosnia and Herzegovina. In expectation over the replicates (single replicates vary: where
    // many people already crossed Bosnia–Croatia with smugglers before the crackdown, the fall is small).
    const { history } = await crackdownRuns();
    const before = ['2023-08-01', '2023-10-27'] as const;
    const after = ['2024-03-01', '2024-06-30'] as const;
    const perPerson = (window: readonly [string, string]) =>
      mean(history.results.map((r) => rate(history, r, 'detectionsRecorded', EXITS, ...window) / rate(history, r, 'crossings', EXITS, ...window)));
    const smuggledShare = (window: readonly [string, string]) =>
      mean(history.results.map((r) => rate(history, r, 'smuggledCrossings', EXITS, ...window) / rate(history, r, 'crossings', EXITS, ...window)));
    expect(smuggledShare(after)).toBeGreaterThan(smuggledShare(before) + 0.1);
    // Recorded detections per person crossing an exit fall by more than a tenth: recorded detections
    // fall faster than the people crossing.
    expect(perPerson(after)).toBeLessThan(0.9 * perPerson(before));
  });

  it('seeds-001-003-004 §9 fact 12 (seed-003 L1608–1611 "a market for smuggling services will persist"; seed-001 L6, L16): after a network is dismantled, entry of new networks restores capacity; without entry it stays lost', async () => {
    // The Ancora network dismantled at the end of March 2022 (both what-ifs), July 2021 – December
    // 2022 at 40 people per agent, 3 replicates: capacity of the active networks the day before and
    // at the end of the year.
    const capacity = async (name: string) => {
      const compiled = compileScenario(windowed(await load(name), '2021-07-01', '2022-12-31', 40));
      return [0, 1, 2].map((replicate) => {
        const model = createModel(compiled, SEED, replicate);
        const total = () => {
          const s = model.market!;
          let sum = 0;
          for (let n = 0; n < s.count; n++) sum += s.active[n] * s.capacity[n];
          return { capacity: sum * compiled.peoplePerAgent, active: Array.from(s.active.subarray(0, s.count)).reduce((a, b) => a + b, 0) };
        };
        while (model.day <= dayIndex(compiled.startDate, '2022-03-30')) model.step();
        const before = total();
        model.step();
        const justAfter = total();
        while (model.day < compiled.days) model.step();
        return { before, justAfter, end: total() };
      });
    };
    const withEntry = await capacity('wb-network-dismantled');
    const noEntry = await capacity('wb-network-dismantled-no-entry');
    for (const runs of [withEntry, noEntry]) {
      for (const { before, justAfter } of runs) {
        expect(justAfter.active).toBe(before.active - 1);
        expect(justAfter.capacity).toBeLessThan(0.9 * before.capacity);
      }
    }
    for (const { before, end } of withEntry) {
      expect(end.active).toBeGreaterThan(before.active);
      expect(end.capacity).toBeGreaterThan(before.capacity);
    }
    for (const { before, justAfter, end } of noEntry) {
      expect(end.active).toBe(justAfter.active);
      expect(end.capacity).toBeLessThan(0.9 * before.capacity);
    }
  });

  it('seeds-001-003-004 §9 fact 8 (seed-003 L821–843): Greek fortification (wb-greece-fortified) raises the Bulgarian entry share', async () => {
    const [start, end] = ['2016-06-01', '2019-12-31'];
    const history = run(windowed(await load('western-balkans'), start, end, 10), 3);
    const fortified = run(windowed(await load('wb-greece-fortified'), start, end, 10), 3);
    const bulgarian = (x: Run) => shares(x, 'TR-BG', ['TR-BG', 'TR-GR'], '2017-02-01', end);
    const base = bulgarian(history);
    const variant = bulgarian(fortified);
    variant.forEach((share, r) => expect(share).toBeGreaterThan(base[r]));
    expect(mean(variant) - mean(base)).toBeGreaterThan(0.3);
  });

  it('frontex-yearly: recorded detections at the exits of the region are of the order of the Frontex figures, 2015–2024', async () => {
    // The Frontex figures as the benchmark file carries them (copied there from shared/data, with their notes).
    const benchmarks = JSON.parse(readFileSync(new URL('../../benchmarks/western-balkans.json', import.meta.url), 'utf8')) as {
      items: { id: string; points?: { period: string; value: number }[] }[];
    };
    const points = benchmarks.items.find((item) => item.id === 'frontex-detections-yearly')?.points ?? [];
    expect(points).toHaveLength(10);
    const frontex = { series: points.map((p) => ({ year: Number(p.period), value: p.value })) };
    const history = run({ ...(await load('western-balkans')), peoplePerAgent: 100 }, 1);
    const r = history.results[0];
    for (const { year, value } of frontex.series) {
      const recorded = EXITS.reduce((s, b) => s + borderSum(history, r, 'detectionsRecorded', b, `${year}-01-01`, `${year}-12-31`), 0);
      expect(recorded / value, String(year)).toBeGreaterThan(1 / 3);
      expect(recorded / value, String(year)).toBeLessThan(3);
    }
  });
});
