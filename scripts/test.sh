#!/usr/bin/env bash
# The project's test command (`npm test`): bootstraps the toolchain, builds,
# then runs every test — unit tests and end-to-end tests against the real
# Pulumi engine. Extra arguments go to vitest (e.g. a file filter).
set -euo pipefail
. "$(dirname -- "$0")/prepare.sh"
# Ansible and netmiko, which test/lab/ios-tools.test.ts drives against the lab switch.
bash "$communes_root/scripts/test-tools.sh"
echo "== toolchain: pulumi $(pulumi version), node $(node --version)"
echo "== tests: vitest run"
exec vitest run "$@"
