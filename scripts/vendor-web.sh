#!/usr/bin/env bash
# Copies the page's third-party modules from their pinned npm packages into src/FileBridge.Web/js/vendor.
# The copies are committed (the page is served as it is, with no build step); run this only to move to
# another version, then update the version and hash here and in the vendor README.
# Usage: scripts/vendor-web.sh
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENDOR="$REPO/src/FileBridge.Web/js/vendor"
PACKAGE="qrcode-generator@2.0.4"
# The node tests compare the committed file with this hash.
SHA256="ea91d7118a5395289170da848b7c6758b996163bfbccf312591ab65a4911b7c0"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "$PACKAGE" >/dev/null)
tar -xzf "$work"/qrcode-generator-*.tgz -C "$work"
cp "$work/package/dist/qrcode.mjs" "$VENDOR/qrcode-generator.js"

actual="$(sha256sum "$VENDOR/qrcode-generator.js" | cut -d' ' -f1)"
if [[ "$actual" != "$SHA256" ]]; then
  echo "qrcode-generator.js is $actual, expected $SHA256: check the new version, then update SHA256" >&2
  exit 1
fi
echo "Vendored $PACKAGE"
