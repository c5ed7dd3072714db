#!/usr/bin/env bash
# The project's test command (`npm test`): bootstraps the toolchain, builds,
# then runs every test — unit tests and end-to-end tests against the real
# Pulumi engine. Extra arguments go to vitest (e.g. a file filter).
set -euo pipefail
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
bash "$root/scripts/bootstrap.sh"
. "$root/scripts/toolchain-env.sh"
cd "$root"
echo "== toolchain: pulumi $(pulumi version), node $(node --version)"
echo "== build: tsc -b"
tsc -b
echo "== tests: vitest run"
exec vitest run "$@"
