// The `extends` merge rules (src/scenarios/extends.ts, docs/scenarios.md), one rule per test, and
// the mapping of a merged path back to the file that supplied the value.
import { describe, expect, it } from 'vitest';
import { locateInChain, mergeScenarios, type JsonObject } from '../../src/scenarios/extends.js';

const parent = (): JsonObject => ({
  id: 'base',
  name: 'Base',
  description: 'The parent.',
  period: { start: '2015-01-01', end: '2015-12-31' },
  countries: { RS: { name: 'Serbia', eu: false, reportingRate: 1 }, HU: { name: 'Hungary', eu: true, reportingRate: 0.5 } },
  nodes: [
    { id: 'a', name: 'A', country: 'RS', shelterCapacity: 10 },
    { id: 'b', name: 'B', country: 'HU', shelterCapacity: 0 },
  ],
  edges: [
    { id: 'ab', from: 'a', to: 'b', distanceKm: 10, mode: 'foot', hazard: 0.1 },
    { from: 'b', to: 'a', distanceKm: 12, mode: 'foot', hazard: 0.2 },
  ],
  borders: { 'RS-HU': { detection: 0.3, pushback: 0.5 } },
  cohorts: [{ id: 'c', name: 'C', budgetEur: { mean: 1000, sd: 100 }, riskAversion: 1, destinations: { b: 1 } }],
  inflow: [{ entry: 'a', cohort: 'c', monthly: { '2015-01': 10, '2015-02': 20 } }],
  events: [
    { id: 'fence', date: '2015-09-15', label: 'Fence', border: 'RS-HU', set: { fence: 0.9, detection: 0.8 } },
    { date: '2015-10-01', label: 'Anonymous', border: 'RS-HU', set: { pushback: 1 } },
  ],
  behaviour: { speedKmPerDay: { foot: 25, vehicle: 300 }, retryWaitDays: 3 },
});

describe('mergeScenarios', () => {
  it('merges plain objects key by key, at any depth', () => {
    const merged = mergeScenarios(parent(), {
      countries: { HU: { reportingRate: 0.9 } },
      borders: { 'RS-HU': { detection: 0.6 }, 'HU-RS': { detection: 0.1 } },
      behaviour: { speedKmPerDay: { foot: 20 } },
    });
    expect(merged.countries).toEqual({
      RS: { name: 'Serbia', eu: false, reportingRate: 1 },
      HU: { name: 'Hungary', eu: true, reportingRate: 0.9 },
    });
    expect(merged.borders).toEqual({ 'RS-HU': { detection: 0.6, pushback: 0.5 }, 'HU-RS': { detection: 0.1 } });
    expect(merged.behaviour).toEqual({ speedKmPerDay: { foot: 20, vehicle: 300 }, retryWaitDays: 3 });
  });

  it('replaces scalars and ordinary arrays', () => {
    const merged = mergeScenarios(parent(), { name: 'Variant', period: { end: '2015-06-30' }, events: [{ id: 'fence', border: ['RS-HU', 'HU-RS'] }] });
    expect(merged.name).toBe('Variant');
    expect(merged.period).toEqual({ start: '2015-01-01', end: '2015-06-30' });
    expect((merged.events as JsonObject[])[0].border).toEqual(['RS-HU', 'HU-RS']);
  });

  it('merges nodes and cohorts by id, deep-merging one field and appending new ids', () => {
    const merged = mergeScenarios(parent(), {
      nodes: [{ id: 'b', shelterCapacity: 500 }, { id: 'n', name: 'New', country: 'RS' }],
      cohorts: [{ id: 'c', budgetEur: { sd: 300 } }],
    });
    expect(merged.nodes).toEqual([
      { id: 'a', name: 'A', country: 'RS', shelterCapacity: 10 },
      { id: 'b', name: 'B', country: 'HU', shelterCapacity: 500 },
      { id: 'n', name: 'New', country: 'RS' },
    ]);
    expect((merged.cohorts as JsonObject[])[0].budgetEur).toEqual({ mean: 1000, sd: 300 });
  });

  it('merges edges by id when the child gives one, else by from + to', () => {
    const merged = mergeScenarios(parent(), {
      edges: [
        { id: 'ab', hazard: 0.5 },
        { from: 'b', to: 'a', mode: 'vehicle' },
        { from: 'a', to: 'b', hazard: 0.9 },
        { id: 'ab-boat', from: 'a', to: 'b', mode: 'boat' },
      ],
    });
    const edges = merged.edges as JsonObject[];
    expect(edges).toHaveLength(3);
    expect(edges[0]).toMatchObject({ id: 'ab', hazard: 0.9, distanceKm: 10 }); // matched twice: by id, then by from+to
    expect(edges[1]).toMatchObject({ from: 'b', to: 'a', mode: 'vehicle', distanceKm: 12 });
    expect(edges[2]).toEqual({ id: 'ab-boat', from: 'a', to: 'b', mode: 'boat' });
  });

  it('merges inflow by entry + cohort and monthly maps by month', () => {
    const merged = mergeScenarios(parent(), {
      inflow: [
        { entry: 'a', cohort: 'c', monthly: { '2015-02': 5, '2015-03': 7 } },
        { entry: 'b', cohort: 'c', monthly: { '2015-01': 1 } },
      ],
    });
    expect(merged.inflow).toEqual([
      { entry: 'a', cohort: 'c', monthly: { '2015-01': 10, '2015-02': 5, '2015-03': 7 } },
      { entry: 'b', cohort: 'c', monthly: { '2015-01': 1 } },
    ]);
  });

  it('merges events by id and appends events without id', () => {
    const extra = { date: '2015-11-01', label: 'Another', border: 'RS-HU', set: { fence: 0 } };
    const merged = mergeScenarios(parent(), { events: [{ id: 'fence', date: '2016-01-01', set: { detection: 0.5 } }, extra] });
    const events = merged.events as JsonObject[];
    expect(events).toHaveLength(3);
    expect(events[0]).toEqual({ id: 'fence', date: '2016-01-01', label: 'Fence', border: 'RS-HU', set: { fence: 0.9, detection: 0.5 } });
    expect(events[2]).toEqual(extra);
  });

  it("replaces an event's target when the child names one", () => {
    const merged = mergeScenarios(parent(), { events: [{ id: 'fence', edge: 'ab' }] });
    const fence = (merged.events as JsonObject[])[0];
    expect(fence.edge).toBe('ab');
    expect(fence).not.toHaveProperty('border');
  });

  it('gives a child without id its base name, drops `extends`, and leaves the inputs alone', () => {
    const p = parent();
    const before = structuredClone(p);
    const child = { extends: 'base', nodes: [{ id: 'a', shelterCapacity: 0 }] };
    const merged = mergeScenarios(p, child, 'hu-fence-2016');
    expect(merged.id).toBe('hu-fence-2016');
    expect(merged).not.toHaveProperty('extends');
    expect(p).toEqual(before);
    expect(child).toEqual({ extends: 'base', nodes: [{ id: 'a', shelterCapacity: 0 }] });
    expect(mergeScenarios(p, { id: 'own' }, 'file-name').id).toBe('own');
  });
});

describe('locateInChain', () => {
  const base = parent();
  const child = { extends: 'base', nodes: [{ id: 'n', name: 'New' }, { id: 'b', shelterCapacity: 500 }], edges: [{ from: 'b', to: 'a', hazard: 2 }] };
  const merged = mergeScenarios(base, child, 'child');
  const files = [
    { file: 'child.json', data: child },
    { file: 'base.json', data: base },
  ];

  it('finds a value set by the child at its own index', () => {
    expect(locateInChain(files, merged, '/nodes/1/shelterCapacity')).toEqual({ file: 'child.json', path: '/nodes/1/shelterCapacity' });
    expect(locateInChain(files, merged, '/nodes/2/name')).toEqual({ file: 'child.json', path: '/nodes/0/name' });
    expect(locateInChain(files, merged, '/edges/1/hazard')).toEqual({ file: 'child.json', path: '/edges/0/hazard' });
  });

  it('falls through to the parent for values the child does not set', () => {
    expect(locateInChain(files, merged, '/nodes/1/country')).toEqual({ file: 'base.json', path: '/nodes/1/country' });
    expect(locateInChain(files, merged, '/events/1/set/pushback')).toEqual({ file: 'base.json', path: '/events/1/set/pushback' });
  });

  it('falls back to the top file and the merged path', () => {
    expect(locateInChain(files, merged, '/nodes/5/id')).toEqual({ file: 'child.json', path: '/nodes/5/id' });
  });
});
