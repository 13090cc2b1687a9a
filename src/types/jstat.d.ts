// jStat has no published type declarations; src/calibration/normalDistribution.ts types the part it uses.
declare module 'jstat' {
  const jstat: unknown;
  export default jstat;
}
