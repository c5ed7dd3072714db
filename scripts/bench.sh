#!/usr/bin/env bash
# Benchmarks (`npm run bench`): validating and planning the 166-commune
# example province, in process (load, schema, resolve, plan, every check),
# then as a user runs the `communes` commands (node start-up included).
# Medians; then one commune's stack against its lab with 20 ms of latency
# per device answer (scripts/bench-commune.mjs). The figures are recorded in
# docs/performance.md.
set -euo pipefail
. "$(dirname -- "$0")/prepare.sh"

node -e '
const { discover, loadInventory } = require("@communes/inventory");
const { targets } = discover(["examples/thanh-hoa"]);
const times = [];
for (let i = 0; i < 23; i++) {
  const start = process.hrtime.bigint();
  const inventory = loadInventory(targets[0]);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (inventory.diagnostics.length > 0 || inventory.plans.length !== 166) throw new Error("example province is not valid");
  if (i >= 3) times.push(ms);
}
times.sort((a, b) => a - b);
console.log(`in process, validate + plan 166 communes: median ${times[10].toFixed(0)} ms, min ${times[0].toFixed(0)} ms (20 runs after 3 warm-ups)`);
'

median_ms() { # median wall time in ms of 7 runs of the command
  local times=()
  for _ in 1 2 3 4 5 6 7; do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 4p
}
echo
echo "communes validate examples/thanh-hoa:            $(median_ms node packages/cli/bin/communes validate examples/thanh-hoa) ms (median of 7)"
echo "communes plan --province examples/thanh-hoa --csv: $(median_ms node packages/cli/bin/communes plan --province examples/thanh-hoa --csv) ms (median of 7)"
echo "machine: $(nproc) cores, node $(node --version)"

echo
node scripts/bench-commune.mjs
