#!/usr/bin/env bash
# The project's main job (`npm run demo`): bootstrap and build, then the lab
# for the example commune Thiệu Trung and a real `pulumi up` of its stack
# against it, followed by a preview that must show no changes
# (scripts/demo-commune.mjs).
set -euo pipefail
. "$(dirname -- "$0")/prepare.sh"
node scripts/demo-commune.mjs
