#!/usr/bin/env bash
# The project's main job (`npm run demo`): bootstrap and build, then the lab
# for the example commune Thiệu Trung and a real `pulumi up` of its stack
# against it (scripts/demo-commune.sh).
set -euo pipefail
. "$(dirname -- "$0")/prepare.sh"
bash scripts/demo-commune.sh
