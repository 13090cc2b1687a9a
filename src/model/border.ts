// A border attempt without a smuggler, and the observation it leaves in the statistics. The person
// is stopped by a fence (no record), or detected, or gets through unseen; a detected person is
// pushed back (possibly injured) or registered/detained and then let through. Under a legal
// corridor (the 2015 72-hour transit permits, seeds-000-002 §1a) everyone is registered and let
// through. Recorded detections are detected attempts × the reporting rate of the country entered:
// statistics count attempts, not people (shared/data/western-balkans-detections-yearly.json notes).

import type { CompiledScenario, EnforcementColumns } from './compiled.js';
import { BORDER, borderAt, type Recorder } from './recorder.js';
import type { Rng } from './rng.js';

/** attempt() result: failed and sent back. */
export const FAILED = -1;
/** attempt() result: pushed back with an injury. */
export const INJURED = -2;
/** attempt() result 0 means through at once; a positive result is the days of detention first. */

export interface BorderResolver {
  attempt(edge: number, day: number): number;
  /** Record a terrain death or injury on an edge, against its border if it crosses one. */
  recordHarm(edge: number, day: number, death: boolean): void;
}

export function createBorderResolver(compiled: CompiledScenario, c: EnforcementColumns, rec: Recorder, rng: Rng): BorderResolver {
  const net = compiled.network;
  const entered = (e: number) => net.reportingRate[net.nodeCountry[net.edgeTo[e]]];
  const add = (metric: number, border: number, day: number, value = 1) => {
    rec.borderDaily[borderAt(rec, metric, border, day)] += value;
  };

  function attempt(e: number, day: number): number {
    const b = net.edgeBorder[e];
    add(BORDER.attempts, b, day);
    if (c.legalCorridor[e] > 0) {
      add(BORDER.detections, b, day);
      add(BORDER.detectionsRecorded, b, day, entered(e));
      add(BORDER.crossings, b, day);
      return 0;
    }
    if (rng() < c.fence[e]) return FAILED;
    if (rng() >= c.detection[e]) {
      add(BORDER.crossings, b, day);
      return 0;
    }
    add(BORDER.detections, b, day);
    add(BORDER.detectionsRecorded, b, day, entered(e));
    if (rng() < c.pushback[e]) {
      add(BORDER.pushbacks, b, day);
      if (rng() < c.injury[e]) {
        add(BORDER.injuries, b, day);
        return INJURED;
      }
      return FAILED;
    }
    add(BORDER.crossings, b, day);
    return Math.max(0, Math.round(c.detentionDays[e]));
  }

  function recordHarm(e: number, day: number, death: boolean): void {
    const b = net.edgeBorder[e];
    if (b >= 0) add(death ? BORDER.deaths : BORDER.injuries, b, day);
  }

  return { attempt, recordHarm };
}
