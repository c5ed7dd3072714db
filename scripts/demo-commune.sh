#!/usr/bin/env bash
# The demo once the toolchain is built (scripts/demo.sh runs it after the
# bootstrap): the lab for the example commune Thiệu Trung in the background,
# its lab stack created if there is none, then `pulumi up` of that stack,
# refreshing first, so that whatever changed on the devices since the last
# run (by hand, or a factory-new lab) is seen and put right. The lab keeps
# running, and its devices keep their configuration when it stops, so a
# second run reports no changes. `npx communes lab stop` ends it.
set -euo pipefail
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
. "$root/scripts/toolchain-env.sh"
cd "$root"

commune=examples/thanh-hoa/communes/thieu-trung.yaml
# Tests name their own stack, so as to leave the user's lab stack alone.
stack=${COMMUNES_DEMO_STACK:-thieu-trung-lab}
communes() { node "$root/packages/cli/bin/communes" "$@"; }

echo "== communes lab start $commune"
communes lab start "$commune"

cd stacks/commune
if ! { [[ -f "Pulumi.$stack.yaml" ]] && pulumi config --show-secrets --stack "$stack" --non-interactive >/dev/null 2>&1; }; then
  # A lab stack holds only lab values: one whose settings are missing or
  # cannot be read (made with another backend or passphrase) is made afresh.
  pulumi stack rm "$stack" --yes --force --non-interactive >/dev/null 2>&1 || true
  rm -f "Pulumi.$stack.yaml"
  echo
  echo "== communes stack init $commune --lab"
  communes stack init "../../$commune" --lab --stack "$stack"
fi

echo
echo "== pulumi up --refresh --stack $stack"
pulumi up --yes --refresh --stack "$stack" --non-interactive

echo
echo "The lab is still running: run the demo again and the devices already match"
echo "the inventory (no changes); \`npx communes lab stop\` ends the lab."
