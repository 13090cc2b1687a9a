// Types of scripts/flee/synthetic.mjs, for the tests that use the generator.
export interface SyntheticFleeOptions {
  locations?: number;
  camps?: number;
  zones?: number;
  people?: number;
  days?: number;
  seed?: number;
}
/** The scenario's files as { relative path: text }. */
export function syntheticFlee(options?: SyntheticFleeOptions): Record<string, string>;
/** Write the scenario into `dir` (created if needed); returns the files written. */
export function writeSyntheticFlee(dir: string, options?: SyntheticFleeOptions): Record<string, string>;
