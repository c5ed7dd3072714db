# Sourced, not run: puts the project's toolchain first on PATH and sets the
# Pulumi environment (offline settings, local state and its passphrase unless
# the user chose others). scripts/bootstrap.sh installs what this points at.

communes_root=$(CDPATH= cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
communes_tools="$communes_root/.tools"

export PATH="$communes_tools/bin:$communes_root/node_modules/.bin:$PATH"
export PULUMI_HOME="${PULUMI_HOME:-$communes_tools/pulumi-home}"

set -a
# shellcheck source=../toolchain/pulumi.env
. "$communes_root/toolchain/pulumi.env"
set +a

# State, device configurations, lab records and reports are the owner's
# alone: whatever this environment creates is readable by its user only
# (docs/safety.md, "Files").
umask 077

# State: a file backend inside the repository unless PULUMI_BACKEND_URL says
# otherwise (a shared postgres:// or object-storage backend, see README).
export PULUMI_BACKEND_URL="${PULUMI_BACKEND_URL:-file://$communes_root/.state}"
# A backend directory made before files were owner-only: closed to others.
if [[ "$PULUMI_BACKEND_URL" == file://* && -d "${PULUMI_BACKEND_URL#file://}" ]]; then chmod go-rwx "${PULUMI_BACKEND_URL#file://}"; fi
# The passphrase of local demo and test stacks. It protects nothing: set your
# own PULUMI_CONFIG_PASSPHRASE (or _FILE) for stacks holding real secrets.
if [[ -z "${PULUMI_CONFIG_PASSPHRASE:-}" && -z "${PULUMI_CONFIG_PASSPHRASE_FILE:-}" ]]; then
  export PULUMI_CONFIG_PASSPHRASE="communes-local-demo"
fi
