# Sourced by the project's commands (test, demo, bench): bootstraps the
# toolchain, enters its environment at the repository root, builds.
communes_root=$(CDPATH= cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
bash "$communes_root/scripts/bootstrap.sh"
# shellcheck source=toolchain-env.sh
. "$communes_root/scripts/toolchain-env.sh"
cd "$communes_root"
echo "== build: tsc -b"
tsc -b
