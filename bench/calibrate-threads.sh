#!/usr/bin/env bash
# Wall time of `routeshift calibrate` on a small scenario with 1 and 2 threads, alternating, with
# the load average before each run. A small scenario is where starting worker threads weighs most
# against the simulations: calibrate keeps one pool for all its generations (src/calibration/
# openPool.ts). Method and results: bench/DECLARATION.md, "bench/calibrate-threads.sh".
#
#   npm run build && bash bench/calibrate-threads.sh [repeats]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for _ in $(seq "${1:-2}"); do
  for threads in 1 2; do
    load="$(cut -d' ' -f1 /proc/loadavg)"
    start="$(date +%s.%N)"
    node "$root/dist/cli/main.js" calibrate "$root/test/fixtures/calibration/toy-small.json" \
      --benchmarks "$here/fixtures/toy-small-observed.json" --params "$here/fixtures/toy-small-params.json" \
      --budget 300 --seed 1 --threads "$threads" --out "$out/cal-$threads" --force --no-report > /dev/null
    end="$(date +%s.%N)"
    echo "threads $threads: $(echo "$end - $start" | bc) s wall (load average $load)"
  done
done
cmp "$out/cal-1/posterior.csv" "$out/cal-2/posterior.csv" && echo "posterior.csv: same bytes for 1 and 2 threads"
