#!/usr/bin/env bash
# azd postdeploy hook: runs scripts/smoke.sh against the static web app (not the Function App's own URL,
# which answers 401 once linked). With SMOKE_USER set it also signs in; the password is asked for, never stored.
set -euo pipefail

url="${STATIC_WEB_APP_URL:?the deployment has no STATIC_WEB_APP_URL output}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# A fresh Function App can take a minute to start: retry readiness before judging.
for _ in $(seq 1 12); do
  curl --silent --fail --max-time 20 --output /dev/null "$url/api/health/ready" && break
  sleep 10
done
if [[ -n "${SMOKE_USER:-}" ]]; then
  read -r -s -p "Password of $SMOKE_USER for the smoke test: " password
  echo
  printf '%s\n' "$password" | "$root/scripts/smoke.sh" "$url" "$SMOKE_USER"
else
  "$root/scripts/smoke.sh" "$url"
fi
