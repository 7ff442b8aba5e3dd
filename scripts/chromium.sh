#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (never a browser download of a test tool).
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi

echo "Installing Debian's chromium..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
