#!/usr/bin/env bash
# Runs every test against real services: starts Azurite and the local S3/STS endpoint, builds and
# lints the infrastructure templates, runs all test projects, and stops what it started even when
# tests fail (services that were already running are left running).
# Usage: scripts/test.sh [extra dotnet test arguments]
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
RESULTS="$REPO/artifacts/test-results"
LOG="$REPO/artifacts/test-output.log"

# shellcheck source=scripts/lib/services.sh
source "$REPO/scripts/lib/services.sh"
trap stop_started_services EXIT

mkdir -p "$RESULTS"
rm -rf "${RESULTS:?}"/* "$REPO/artifacts/screenshots"

"$REPO/scripts/chromium.sh"
# Every script under scripts/ is checked with shellcheck by the infrastructure tests.
"$REPO/scripts/shellcheck.sh"
start_service azurite.sh
start_service local-aws.sh
# The OpenID Connect issuer keyless mode's tests present tokens from (the endpoint trusts it).
start_service oidc-issuer.sh
# Builds and lints the Bicep templates; any warning fails the run.
"$REPO/scripts/bicep.sh"
# shellcheck disable=SC1091
source "$REPO/.local/azurite.env"
# shellcheck disable=SC1091
source "$REPO/.local/aws.env"
# shellcheck disable=SC1091
source "$REPO/.local/oidc.env"

dotnet build FileBridge.sln -c Release -nologo -v quiet

status=0
dotnet test FileBridge.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$RESULTS" "$@" 2>&1 | tee "$LOG" || status=$?
# The web page's pure modules (sorting, formatting, deep links) under Node's own test runner.
node --test "$REPO/tests/FileBridge.Browser.Tests/web/" 2>&1 | tee -a "$LOG" || status=$?

# One closing line for the whole run: "N passed, N failed, N skipped".
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     /^# pass / { p += $3 } /^# fail / { f += $3 } /^# skipped / { s += $3 }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$LOG"
exit "$status"
