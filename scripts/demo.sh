#!/usr/bin/env bash
# The project's main job until the commune stack exists (`npm run demo`):
# a real `pulumi up` of examples/hello on the local state backend.
# `npm run demo -- destroy` (or preview, refresh) runs that command instead.
set -euo pipefail
. "$(dirname -- "$0")/prepare.sh"
cd examples/hello
pulumi stack select --create demo >/dev/null
command=${1:-up}
case "$command" in
  up | destroy) pulumi "$command" --yes ;;
  preview | refresh) pulumi "$command" ;;
  *) echo "usage: npm run demo [-- up|preview|refresh|destroy]" >&2; exit 2 ;;
esac
[[ "$command" == up ]] && pulumi stack output
exit 0
