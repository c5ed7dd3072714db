#!/usr/bin/env bash
# Runs a command with the project's toolchain and Pulumi environment, e.g.
# `bash scripts/with-toolchain.sh pulumi stack ls` (run scripts/bootstrap.sh once first).
set -euo pipefail
. "$(dirname -- "$0")/toolchain-env.sh"
exec "$@"
