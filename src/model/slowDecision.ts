// The general next-hop decision (decision.ts takes the fast path when it can): a person who failed
// at this node, cannot pay every fare, or has no efficient hop. The candidates are the hops that
// bring the destination closer, plus, after a failed attempt here, every hop; border hops are
// weighted down by the person's own failures there; going straight back is allowed only when
// nothing else is possible (no ping-pong) — except, with learning or stranding, after a failure.

import type { AgentTable } from './agents.js';
import type { Routes } from './communityRoutes.js';
import type { CompiledScenario } from './compiled.js';
import type { Rng } from './rng.js';

export interface SlowDecisionContext {
  compiled: CompiledScenario;
  agents: AgentTable;
  routes: Routes;
  rng: Rng;
  failFactor: Float64Array;
  wait(i: number, days: number): void;
  take(i: number, edge: number): void;
}

export function createSlowDecision(ctx: SlowDecisionContext): (i: number, node: number, table: number) => void {
  const { compiled, agents, rng, failFactor, wait, take } = ctx;
  const { weights, costToGo } = ctx.routes;
  const b = compiled.behaviour;
  const { edgeFareEur, edgeBorder, edgeTo, outEdges, outOffsets } = compiled.network;
  const nodeCount = outOffsets.length - 1;
  // With learning or stranding, someone who failed at a border may go back the way they came, by
  // the same logit as any other hop (rerouting after "the game"). The engine allows going back only
  // when no other hop exists, which keeps people at a border that got closed behind them; it is
  // kept as it was without these blocks (and in perfect-information mode) so results do not change.
  const turnBack = (compiled.information !== null && !compiled.information.params.perfect) || compiled.stranding !== null;

  // Scratch for the slow decision path: the candidate hops and their weights. Hops back to the
  // previous node fill the array from the top, so one pass collects both groups. The fast path
  // (precomputed candidates, hopWeights.ts) took a western-balkans replicate from 114 to 87 ms.
  let maxOutDegree = 1;
  for (let n = 0; n < nodeCount; n++) maxOutDegree = Math.max(maxOutDegree, outOffsets[n + 1] - outOffsets[n]);
  const candidateEdge = new Int32Array(maxOutDegree);
  const candidateWeight = new Float64Array(maxOutDegree);

  /** The general decision: a person who failed here, cannot pay every fare, or has no efficient hop. */
  return function decideSlowly(i: number, node: number, table: number): void {
    const w = weights[table];
    const toGo = costToGo[table];
    const here = toGo[node];
    const money = agents.moneyEur[i];
    const back = agents.prevNode[i];
    const failures = agents.failures[i];
    const retryFactor = failFactor[failures];
    const mayGoBack = turnBack && failures > 0;
    let forward = 0;
    let backward = maxOutDegree;
    let forwardTotal = 0;
    let backwardTotal = 0;
    for (let k = outOffsets[node], end = outOffsets[node + 1]; k < end; k++) {
      const e = outEdges[k];
      let we = w[e];
      // Only hops that bring the destination closer (Dial's efficient links), so nobody wanders
      // in circles; after failing here a person may also turn away.
      if (we === 0 || edgeFareEur[e] > money || (failures === 0 && toGo[edgeTo[e]] >= here)) continue;
      if (edgeBorder[e] >= 0) we *= retryFactor;
      if (edgeTo[e] === back && !mayGoBack) {
        candidateEdge[--backward] = e;
        candidateWeight[backward] = we;
        backwardTotal += we;
      } else {
        candidateEdge[forward] = e;
        candidateWeight[forward++] = we;
        forwardTotal += we;
      }
    }
    // Going straight back is allowed only when nothing else is possible (no ping-pong).
    let from = 0;
    let to = forward;
    let total = forwardTotal;
    if (forward === 0) {
      from = backward;
      to = maxOutDegree;
      total = backwardTotal;
    }
    if (from === to) {
      wait(i, b.retryWaitDays);
      return;
    }
    // A single candidate needs no draw (most nodes on a corridor have one efficient hop).
    let chosen = candidateEdge[to - 1];
    let u = to - from > 1 ? rng() * total : 0;
    for (let k = from; k < to - 1; k++) {
      u -= candidateWeight[k];
      if (u < 0) {
        chosen = candidateEdge[k];
        break;
      }
    }
    take(i, chosen);
  };
}
