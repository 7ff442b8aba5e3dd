#!/usr/bin/env bash
# Installs Debian's shellcheck, which the tests run over the hook and smoke scripts.
set -euo pipefail

if command -v shellcheck >/dev/null; then
  exit 0
fi

echo "Installing Debian's shellcheck..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends shellcheck >/dev/null
shellcheck --version | head -n 2
