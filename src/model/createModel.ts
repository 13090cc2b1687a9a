// One replicate of the simulation as a stepper: createModel(compiled, seed, replicate) → step()
// advances one day. The same object drives batch runs (runReplicate.ts) and, later, the browser
// demo. Each day, in a fixed order: (1) enforcement events, smuggler market, information events,
// and route tables rebuilt or marked out of date when people re-plan (enforcement.ts,
// communityRoutes.ts); (2) arrivals at entries
// (Poisson per day from the monthly inflow); (3) every agent slot in index order: living costs
// and income, then travel, wait, detention, or a decision at a node (decision.ts); (4) end-of-day
// stocks per country, and what people learned today (beliefs.ts).

import { AT_NODE, BLOCK_SHIFT, DETAINED, MOVING, WAITING, allocate, createAgentTable, createFreeList, type AgentTable } from './agents.js';
import { createBeliefState, initBeliefs, meanPerceivedChance, type BeliefState } from './beliefs.js';
import { createBorderResolver } from './border.js';
import { createRoutes } from './communityRoutes.js';
import type { CompiledScenario, EnforcementColumns } from './compiled.js';
import { createDecisions } from './decision.js';
import type { EnforcementField } from '../scenarios/types.js';
import { logNormal, pickFromCdf, poisson } from './distributions.js';
import { createEnforcement } from './enforcement.js';
import { createInformationEvents } from './informationEvents.js';
import { learnDay } from './learning.js';
import { truthPerBorder } from './perceived.js';
import { BORDER, COUNTRY, TOTAL, borderAt, countryAt, createRecorder, finishRecorder, totalAt, type DailyArrays, type Recorder } from './recorder.js';
import type { ReplicateResult } from './result.js';
import { createStreams } from './rng.js';
import { createShelter } from './shelter.js';
import { createSmuggledCrossing } from './smuggledCrossing.js';
import { createSmugglerMarket, type SmugglerState } from './smugglers.js';

export interface Model {
  /** Next day to simulate (0-based); equals compiled.days when finished. */
  readonly day: number;
  step(): void;
  /** Scale counters to people and return them; call once, after the last step. */
  finish(): ReplicateResult;
  /** Live views for an interactive front end (the browser demo): the agent columns (slots below
   * `agents.highWater` with a non-zero status are people in the system), the daily counters in
   * agents (not yet scaled to people), the current enforcement per edge, the smuggler market's
   * state (null without smugglers) and the beliefs of the information communities (null without
   * an information block, or in perfect mode). Read only; they change with every step. */
  readonly agents: AgentTable;
  readonly counters: Recorder;
  readonly enforcement: EnforcementColumns;
  readonly market: SmugglerState | null;
  readonly beliefs: BeliefState | null;
  /** Cost classes whose route tables were built so far (for benchmarks). */
  readonly routeBuilds: number;
  /** Set one enforcement field on every edge of a border from the next step on (a slider, a
   * ready-made event), as a dated event would. */
  setEnforcement(border: number, field: EnforcementField, value: number): void;
}

export function createModel(compiled: CompiledScenario, seed: number, replicate: number, reuse?: DailyArrays): Model {
  const net = compiled.network;
  const b = compiled.behaviour;
  const rng = createStreams(seed, replicate);
  const agents = createAgentTable(1024);
  const free = createFreeList(1024);
  const rec = createRecorder(compiled, reuse);
  const enforcement = createEnforcement(compiled);
  const edges = net.edgeIds.length;
  const borders = net.borderIds.length;
  const info = compiled.information;
  const beliefs = info !== null && !info.params.perfect ? createBeliefState(compiled) : null;
  const market = createSmugglerMarket(compiled, enforcement.columns);
  const routes = createRoutes(compiled, enforcement.columns, market, beliefs, info !== null);
  const infoEvents = beliefs !== null ? createInformationEvents(info!, beliefs, routes.dirty, net.nodeCountry) : null;
  const shelter = createShelter(compiled, agents);
  const border = createBorderResolver(compiled, enforcement.columns, rec, rng.enforcement);
  const smuggled =
    market && createSmuggledCrossing(compiled, enforcement.columns, market, routes.attempt, agents, rec, rng.behaviour, rng.enforcement, routes.classBase, routes.classOf);
  const clock = { day: 0 };
  const decisions = createDecisions({ compiled, agents, free, rec, routes, shelter, border, smuggled, market, beliefs, behaviourRng: rng.behaviour, clock });
  const { decide, arrive, startTravel } = decisions;
  const trueChance = beliefs?.trueChance ?? new Float64Array(borders);
  const trueInjury = beliefs?.trueInjury ?? new Float64Array(borders);
  const stranding = compiled.stranding;
  const income = stranding?.incomeEurPerDay ?? 0;
  let day = 0;
  let overridden = false;

  function spawn(): void {
    const inflow = compiled.inflow;
    const c = compiled.cohorts;
    for (let s = 0; s < inflow.entry.length; s++) {
      const n = poisson(rng.inflow, inflow.agentsPerDay[s][day]);
      const k = inflow.cohort[s];
      for (let j = 0; j < n; j++) {
        const i = allocate(agents, free);
        agents.status[i] = AT_NODE;
        agents.cohort[i] = k;
        agents.node[i] = inflow.entry[s];
        agents.prevNode[i] = -1;
        agents.failures[i] = 0;
        agents.sheltered[i] = 0;
        agents.dest[i] = c.destNodes[k][pickFromCdf(rng.inflow, c.destCdf[k])];
        agents.moneyEur[i] = logNormal(rng.inflow, c.budgetMeanEur[k], c.budgetSdEur[k]);
        agents.entryDay[i] = day;
        agents.lastCrossDay[i] = day;
        agents.paidBorder[i] = 0;
        agents.attempts[i] = 0;
        agents.failedAttempts[i] = 0;
        agents.brokeDays[i] = 0;
      }
      rec.totalDaily[totalAt(rec, TOTAL.entered, day)] += n;
    }
  }

  // End-of-day stocks are counted into small scratch arrays and flushed once per day, so the
  // per-agent loop does a few increments instead of 2-D index arithmetic into the recorder.
  const countries = net.countryIds.length;
  const present = new Float64Array(countries);
  const inCamp = new Float64Array(countries);
  const rough = new Float64Array(countries);
  const stranded = new Float64Array(countries);
  const stocks = new Float64Array(DETAINED + 1);

  function flushStocks(): void {
    for (let c = 0; c < countries; c++) {
      rec.countryDaily[countryAt(rec, COUNTRY.present, c, day)] = present[c];
      rec.countryDaily[countryAt(rec, COUNTRY.inCamp, c, day)] = inCamp[c];
      rec.countryDaily[countryAt(rec, COUNTRY.sleepingRough, c, day)] = rough[c];
      rec.countryDaily[countryAt(rec, COUNTRY.stranded, c, day)] = stranded[c];
    }
    rec.totalDaily[totalAt(rec, TOTAL.moving, day)] = stocks[MOVING];
    rec.totalDaily[totalAt(rec, TOTAL.waiting, day)] = stocks[WAITING];
    rec.totalDaily[totalAt(rec, TOTAL.detained, day)] = stocks[DETAINED];
  }

  /** The market's end-of-day levels: price quotes, where networks are based, arrests. */
  function recordMarket(): void {
    if (!market) return;
    const s = market.state;
    for (let n = 0; n < s.count; n++) {
      if (s.active[n] === 0) continue;
      rec.countryDaily[countryAt(rec, COUNTRY.networksBased, net.nodeCountry[s.base[n]], day)]++;
      rec.totalDaily[totalAt(rec, TOTAL.networksActive, day)]++;
    }
    for (let bd = 0; bd < borders; bd++) {
      if (market.served(bd)) rec.borderDaily[borderAt(rec, BORDER.priceEur, bd, day)] = s.price[bd];
    }
    rec.totalDaily[totalAt(rec, TOTAL.arrests, day)] = s.arrestsToday;
  }

  /** Belief against truth per border: without learning, people perceive the truth. */
  function recordChances(): void {
    for (let bd = 0; bd < borders; bd++) {
      rec.borderDaily[borderAt(rec, BORDER.trueChance, bd, day)] = trueChance[bd];
      rec.borderDaily[borderAt(rec, BORDER.perceivedChance, bd, day)] = beliefs ? meanPerceivedChance(beliefs, bd) : trueChance[bd];
    }
  }

  /** End of the day's learning: steps of beliefs.ts, then which communities need new tables. */
  function learn(): void {
    if (beliefs === null) return;
    const s = market?.state;
    learnDay(beliefs, info!, compiled.peoplePerAgent, rng.information, s?.price ?? null, market ? routes.marketServed : null, day, () =>
      infoEvents!.campaigns(day),
    );
    routes.checkBeliefs(day);
  }

  function step(): void {
    clock.day = day;
    const enforcementChanged = enforcement.apply(day) || overridden;
    const replan = enforcement.replan || overridden;
    overridden = false;
    const marketChanged = market !== null && market.startDay(day);
    if (enforcementChanged || day === 0) truthPerBorder(compiled, enforcement.columns, trueChance, trueInjury);
    if (beliefs !== null && day === 0) initBeliefs(beliefs, info!, compiled, enforcement.columns, market?.state.price ?? null);
    routes.startDay(day, replan || marketChanged || day === 0);
    infoEvents?.startDay(day);
    spawn();
    // Columns are hoisted after spawn(): only spawn() can grow (and so replace) them.
    const { status, daysLeft, node, sheltered, lastCrossDay, moneyEur, cohort, brokeDays } = agents;
    const livingCost = net.livingCostEurPerDay;
    const nodeCountry = net.nodeCountry;
    const campShare = b.campCostShare;
    const strandedIfCrossedBy = day - b.strandedAfterDays;
    const groupPresent = beliefs?.present;
    const nodePresent = beliefs?.nodePresent;
    const classBase = routes.classBase;
    for (const a of [present, inCamp, rough, stranded, stocks]) a.fill(0);
    if (beliefs) for (const a of [beliefs.present, beliefs.nodePresent]) a.fill(0);
    let steps = 0;
    const blockLive = free.blockLive;
    const highWater = agents.highWater;
    for (let block = 0; block << BLOCK_SHIFT < highWater; block++) {
      if (blockLive[block] === 0) continue;
      const end = Math.min(highWater, (block + 1) << BLOCK_SHIFT);
      for (let i = block << BLOCK_SHIFT; i < end; i++) {
        const s = status[i];
        if (s === 0) continue;
        steps++;
        let money = moneyEur[i] - livingCost[node[i]] * (sheltered[i] ? campShare : 1);
        if (stranding !== null) {
          // Stuck people earn or receive a little, and take a camp place when one frees up.
          if (s === WAITING) {
            money += income;
            if (sheltered[i] === 0) shelter.enter(i);
          }
          brokeDays[i] = money > 0 ? 0 : Math.min(brokeDays[i] + 1, 0xffff);
        }
        moneyEur[i] = money > 0 ? money : 0;
        if (s === MOVING) {
          if (--daysLeft[i] === 0) arrive(i);
        } else if (s === WAITING) {
          if (--daysLeft[i] === 0) {
            shelter.leave(i);
            decide(i);
          }
        } else if (s === DETAINED) {
          if (--daysLeft[i] === 0) startTravel(i, agents.edge[i]);
        } else {
          decide(i);
        }
        const after = status[i];
        if (after === 0) continue;
        const c = nodeCountry[node[i]];
        present[c]++;
        if (after === WAITING) (sheltered[i] ? inCamp : rough)[c]++;
        if (lastCrossDay[i] <= strandedIfCrossedBy) stranded[c]++;
        stocks[after]++;
        if (groupPresent) {
          groupPresent[cohort[i] + classBase[node[i]]]++;
          nodePresent![node[i]]++;
        }
      }
    }
    rec.agentSteps += steps;
    if (beliefs) beliefs.countryPresent.set(present);
    flushStocks();
    recordMarket();
    learn();
    recordChances();
    day++;
  }

  return {
    get day() {
      return day;
    },
    get routeBuilds() {
      return routes.builds;
    },
    step,
    finish: () => finishRecorder(rec, replicate, compiled.peoplePerAgent),
    agents,
    counters: rec,
    enforcement: enforcement.columns,
    market: market?.state ?? null,
    beliefs,
    setEnforcement(borderIndex, field, value) {
      const column = enforcement.columns[field];
      for (let e = 0; e < edges; e++) if (net.edgeBorder[e] === borderIndex) column[e] = value;
      overridden = true;
    },
  };
}
