// Route tables per cost class: table t = destIndex × classes + class (routing.ts), with next-hop
// weights and fast-path candidates per table (hopWeights.ts) and the attempt costs per class and
// edge that the choice of how to cross reads (smuggledCrossing.ts). People of cohort k at node n use
// class classOf[k + classBase[n]].
//   - Without an `information` block a class is a set of cohorts with equal risk aversion
//     (costClasses.ts), and every class's tables are brought up to date at once when enforcement or
//     the smuggler market changes: the engine. Only what moved is recomputed: a class whose edge
//     costs did not change keeps its tables, and in a rebuilt table the hop weights (an exp each)
//     only at nodes whose cost-to-go or out-edge costs moved (updateTableHopWeights).
//   - With one, a class is an information community g = country × cohorts + cohort (beliefs.ts),
//     priced on its perceived enforcement (perceived.ts) by the same cost code. A community's
//     tables are built on first use after they went out of date (decide() checks `dirty`), so only
//     communities with people in them cost anything, and only for its cohort's destinations, with
//     hop weights only at its country's nodes. They go out of date when its beliefs moved enough
//     (staleness.ts); when an enforcement field people do not learn about moves (detention days, a
//     legal corridor, corruption, anti-smuggling, arrest pressure) or the borders smugglers serve,
//     their skill or violence move; and, in `perfect` mode (beliefs are the truth), whenever the
//     engine would rebuild.
// Why lazy: the default scenario has 12 cohorts × 15 countries = 180 communities, of which about 43
// have people on an average day; rebuilding all 540 tables whenever the engine rebuilds its 20
// (on about 1,440 days, ramps included) would cost several times the whole run. Measured
// (bench/DECLARATION.md): about 26,000 community builds per replicate against the engine's
// 18,000 class builds when it had a class per cohort (10,080 since cohorts share cost classes), at
// a third of the cost each.

import type { BeliefState } from './beliefs.js';
import { ENFORCEMENT_FIELDS, type CompiledScenario, type EnforcementColumns } from './compiled.js';
import { costClassesOf } from './costClasses.js';
import { createAttemptCosts, edgeCostsForCohort, type AttemptCosts } from './edgeCost.js';
import { createHopCandidates, nodesHopWeightsAndCandidates, updateTableHopWeights, type HopCandidates } from './hopWeights.js';
import { perceivedColumns } from './perceived.js';
import { createRoutingTables } from './routing.js';
import { createMarketSnapshot, smuggledCostsForCohort, takeMarketSnapshot } from './smugglerCosts.js';
import { createStaleness } from './staleness.js';
import type { SmugglerMarket } from './smugglers.js';

export interface Routes {
  readonly classes: number;
  /** Per node: the first community of the node's country (all 0 without information communities). */
  readonly classBase: Int32Array;
  /** Per cohort + classBase[node]: the class whose tables and attempt costs people there use (the
   * community itself with information communities, the cohort's cost class without). */
  readonly classOf: Int32Array;
  readonly costToGo: Float64Array[];
  readonly weights: Float64Array[];
  readonly candidates: HopCandidates;
  readonly attempt: AttemptCosts;
  /** 1 while a class's tables are out of date. */
  readonly dirty: Uint8Array;
  /** Per border: 1 when a smuggling network served it at the last snapshot of the market. */
  readonly marketServed: Uint8Array;
  /** Classes built so far (in the engine, the classes whose edge costs had moved at a rebuild). */
  builds: number;
  /** Build the tables of class g now. */
  build(g: number): void;
  /** Start of a day; when enforcement or the market changed (or on day 0), rebuild or mark out of date. */
  startDay(day: number, changed: boolean): void;
  /** After the day's learning: mark communities whose beliefs moved enough. */
  checkBeliefs(day: number): void;
}

const FIXED_FIELDS = ['detentionDays', 'legalCorridor', 'corruption', 'antiSmuggling', 'arrestPressure'] as const;

/** How far each of those fields may move before tables are rebuilt: a day of detention, any
 * change of a legal corridor, `threshold` of a probability, a tenth of it for the daily arrest
 * pressure (whose values are hundredths). */
function fixedTolerance(threshold: number): Record<(typeof FIXED_FIELDS)[number], number> {
  return { detentionDays: 1, legalCorridor: 0, corruption: threshold, antiSmuggling: threshold, arrestPressure: threshold / 10 };
}

function copyColumns(c: EnforcementColumns): EnforcementColumns {
  return Object.fromEntries(ENFORCEMENT_FIELDS.map((f) => [f, Float64Array.from(c[f])])) as unknown as EnforcementColumns;
}

export function createRoutes(
  compiled: CompiledScenario,
  truth: EnforcementColumns,
  market: SmugglerMarket | null,
  beliefs: BeliefState | null,
  perCommunity: boolean,
): Routes {
  const net = compiled.network;
  const K = compiled.cohorts.ids.length;
  const costClasses = costClassesOf(compiled);
  const classes = perCommunity ? K * net.countryIds.length : costClasses.count;
  const classOf = perCommunity ? Int32Array.from({ length: classes }, (_, g) => g) : costClasses.ofCohort;
  const edges = net.edgeIds.length;
  const B = net.borderIds.length;
  const tables = createRoutingTables({ nodeCount: net.nodeIds.length, ...net }, compiled.destinations, classes);
  const weights = tables.costToGo.map(() => new Float64Array(edges));
  const candidates = createHopCandidates(compiled, weights.length);
  const costDays = Array.from({ length: classes }, () => new Float64Array(edges));
  // After a class's first pricing only its border edges are priced again: the others' costs do not
  // depend on enforcement or the market.
  const priced = new Uint8Array(classes);
  const borderEdges = Int32Array.from(net.edgeBorder.keys()).filter((e) => net.edgeBorder[e] >= 0);
  // The engine's inputs of the tables as last built, to recompute only what moved (NaN: never built).
  const builtCost = perCommunity ? [] : costDays.map(() => new Float64Array(edges).fill(NaN));
  const builtToGo = perCommunity ? [] : tables.costToGo.map(() => new Float64Array(net.nodeIds.length).fill(NaN));
  const attempt = createAttemptCosts(classes, edges);
  const classBase = perCommunity ? Int32Array.from(net.nodeCountry, (c) => c * K) : new Int32Array(net.nodeIds.length);
  const dirty = new Uint8Array(classes).fill(perCommunity ? 1 : 0);
  const snap = createMarketSnapshot(compiled);
  const params = compiled.information?.params;
  const scratch = copyColumns(truth);
  const fixed = copyColumns(truth);
  const priceFactor = new Float64Array(B).fill(1);
  const staleness = beliefs !== null ? createStaleness(compiled, beliefs) : null;
  let today = 0;
  // A community's members are all in its country and head for their cohort's destinations: only
  // those tables are built, and their hop weights only at that country's nodes.
  const countryNodes = net.countryIds.map((_, c) => Int32Array.from(net.nodeIds.keys()).filter((n) => net.nodeCountry[n] === c));
  // The nodes whose cost-to-go a community reads: its country's and their successors. The search
  // stops once they are settled (communities downstream need a small part of the graph).
  const needed = countryNodes.map((nodes) => {
    const mask = new Uint8Array(net.nodeIds.length);
    for (const n of nodes) {
      mask[n] = 1;
      for (let k = net.outOffsets[n]; k < net.outOffsets[n + 1]; k++) mask[net.edgeTo[net.outEdges[k]]] = 1;
    }
    return { mask, count: mask.reduce((a, x) => a + x, 0) };
  });
  const cohortDestinations = compiled.cohorts.destNodes.map((d) => Int32Array.from(new Set(d)));

  const routes: Routes = { classes, classBase, classOf, costToGo: tables.costToGo, weights, candidates, attempt, dirty, marketServed: snap.served, builds: 0, build, startDay, checkBeliefs };

  /** The engine: every class's costs under the true enforcement and market; tables, weights and
   * candidates recomputed where they moved. */
  function rebuildAll(): void {
    if (market) {
      takeMarketSnapshot(compiled, truth, market, snap);
      market.markRebuilt();
    }
    for (let c = 0; c < classes; c++) {
      const k = costClasses.cohort[c];
      const edgesToPrice = priced[c] === 1 ? borderEdges : null;
      priced[c] = 1;
      if (market) smuggledCostsForCohort(compiled, truth, snap, k, null, 0, attempt.single[c], attempt.guaranteed[c], edgesToPrice);
      const cost = costDays[c];
      edgeCostsForCohort(compiled, truth, k, cost, attempt.alone[c], attempt.single[c], attempt.guaranteed[c], edgesToPrice);
      const was = builtCost[c];
      if (sameValues(cost, was)) continue;
      for (const d of costClasses.destinations[c]) {
        const t = d * classes + c;
        builtToGo[t].set(tables.costToGo[t]);
        tables.rebuildTable(t, cost);
        updateTableHopWeights(compiled, t, tables.costToGo[t], builtToGo[t], cost, was, weights[t], candidates);
      }
      builtCost[c].set(cost);
      routes.builds++;
    }
  }

  function build(g: number): void {
    const k = g % K;
    let columns = truth;
    let factor: Float64Array | null = null;
    let boost = 0;
    if (beliefs !== null) {
      const base = g * B;
      perceivedColumns(compiled, truth, beliefs.chance, beliefs.injury, base, scratch);
      columns = scratch;
      for (let b = 0; b < B; b++) priceFactor[b] = snap.price[b] > 0 ? beliefs.priceEur[base + b] / snap.price[b] : 1;
      factor = priceFactor;
      if (beliefs.blackoutUntil[Math.floor(g / K)] <= today) boost = params!.advertisingOptimism;
      staleness!.record(g, today);
    }
    const edgesToPrice = priced[g] === 1 ? borderEdges : null;
    priced[g] = 1;
    if (market) smuggledCostsForCohort(compiled, columns, snap, k, factor, boost, attempt.single[g], attempt.guaranteed[g], edgesToPrice);
    edgeCostsForCohort(compiled, columns, k, costDays[g], attempt.alone[g], attempt.single[g], attempt.guaranteed[g], edgesToPrice);
    const nodes = countryNodes[Math.floor(g / K)];
    const { mask, count } = needed[Math.floor(g / K)];
    for (const d of cohortDestinations[k]) {
      const t = d * classes + g;
      tables.rebuildTable(t, costDays[g], mask, count);
      nodesHopWeightsAndCandidates(compiled, t, tables.costToGo[t], costDays[g], weights[t], candidates, nodes);
    }
    dirty[g] = 0;
    routes.builds++;
  }

  /** True when a field people do not learn about moved by more than its tolerance since this
   * check last found such a move (so a long ramp marks the tables now and then, not daily);
   * rebuilds for other reasons leave the remembered values as they are. */
  function fixedFieldsChanged(): boolean {
    const tolerance = fixedTolerance(params!.rebuildThreshold);
    for (const f of FIXED_FIELDS) {
      const now = truth[f];
      const was = fixed[f];
      for (let e = 0; e < edges; e++) {
        if (Math.abs(now[e] - was[e]) > tolerance[f]) {
          for (const g of FIXED_FIELDS) fixed[g].set(truth[g]);
          return true;
        }
      }
    }
    return false;
  }

  function startDay(day: number, changed: boolean): void {
    today = day;
    if (!changed) return;
    if (!perCommunity) {
      rebuildAll();
      return;
    }
    const servedMoved = market !== null && snapshotMoved(market);
    if (beliefs === null || fixedFieldsChanged() || servedMoved || day === 0) dirty.fill(1);
  }

  /** Take a new market snapshot; true when the borders served, or the skill or violence of the
   * networks serving them, moved (with beliefs, prices reach the tables through what people
   * believe, beliefs.ts; without, any change counts). */
  function snapshotMoved(m: SmugglerMarket): boolean {
    const served = Uint8Array.from(snap.served);
    const skill = Float64Array.from(snap.skill);
    const violence = Float64Array.from(snap.violence);
    takeMarketSnapshot(compiled, truth, m, snap);
    m.markRebuilt();
    if (beliefs === null) return true;
    const threshold = params!.rebuildThreshold;
    const relative = (was: number, now: number) => Math.abs(now - was) > threshold * Math.max(was, now);
    for (let b = 0; b < B; b++) {
      if (served[b] !== snap.served[b] || relative(skill[b], snap.skill[b]) || relative(violence[b], snap.violence[b])) return true;
    }
    return false;
  }

  function checkBeliefs(day: number): void {
    if (beliefs === null) return;
    const threshold = params!.rebuildThreshold;
    for (let k = 0; k < beliefs.presentCount; k++) {
      const g = beliefs.presentList[k];
      if (dirty[g] === 1) continue;
      const moved = staleness!.moved(g);
      if (moved > threshold || (moved > threshold / 2 && day + 1 - staleness!.builtDay[g] >= params!.beliefRebuildDays)) dirty[g] = 1;
    }
  }

  return routes;
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!(a[i] === b[i])) return false;
  return true;
}
