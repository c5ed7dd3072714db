#!/usr/bin/env bash
# `npm run build`: bootstrap if needed, then compile everything (tsc -b).
set -euo pipefail
. "$(dirname -- "$0")/prepare.sh"
