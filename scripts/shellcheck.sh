#!/usr/bin/env bash
# Installs Debian's shellcheck, which the infrastructure tests run over every script under scripts/.
set -euo pipefail

if command -v shellcheck >/dev/null; then
  exit 0
fi

echo "Installing Debian's shellcheck..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends shellcheck >/dev/null
shellcheck --version | head -n 2
