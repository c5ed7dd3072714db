#!/usr/bin/env bash
# Installs the network tools the lab devices are tested against, as Debian
# packages them: Ansible (with its cisco.ios, ansible.netcommon and
# community.routeros collections), netmiko, librouteros, curl and OpenSSH. Idempotent: installs only what is missing,
# says what it does, and fails loudly when it cannot.
set -euo pipefail
packages=(ansible python3-netmiko python3-paramiko python3-librouteros curl openssh-client)
missing=()
for p in "${packages[@]}"; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    echo "== test tools: $p $(dpkg-query -W -f='${Version}' "$p") already installed"
  else
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "test-tools: apt-get not found; install ${missing[*]} (Debian packages) by hand" >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo=(sudo); else
    echo "test-tools: not root and no sudo; cannot install ${missing[*]}" >&2
    exit 1
  fi
fi
echo "== test tools: installing ${missing[*]} (apt-get)"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
for p in "${missing[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || { echo "test-tools: $p did not install" >&2; exit 1; }
  echo "== test tools: $p $(dpkg-query -W -f='${Version}' "$p") installed"
done
