// Seeded random streams. Each replicate gets its own streams, derived only from (master seed,
// replicate index, purpose), so results do not depend on thread count or scheduling, and a
// baseline and a policy variant run with the same seed share their random numbers (common random
// numbers) for as long as their agents do the same things.
//
// Why alea: seedrandom's default ARC4 costs ~139 ns per agent-step in our hot loop against ~41 ns
// for alea (shared/research/anchors-perf-aesthetics.md §A3.2).

import seedrandom from 'seedrandom';

export type Rng = () => number;

export const STREAM_PURPOSES = ['inflow', 'behaviour', 'enforcement', 'information'] as const;
export type StreamPurpose = (typeof STREAM_PURPOSES)[number];

/** A uniform [0, 1) generator for one purpose of one replicate. */
export function createStream(seed: number, replicate: number, purpose: StreamPurpose): Rng {
  return seedrandom.alea(`routeshift:${seed}:${replicate}:${purpose}`);
}

export type Streams = Record<StreamPurpose, Rng>;

export function createStreams(seed: number, replicate: number): Streams {
  return {
    inflow: createStream(seed, replicate, 'inflow'),
    behaviour: createStream(seed, replicate, 'behaviour'),
    enforcement: createStream(seed, replicate, 'enforcement'),
    // Noise on shared beliefs (beliefs.ts); a stream of its own so that the other streams draw
    // exactly as without an information block.
    information: createStream(seed, replicate, 'information'),
  };
}
