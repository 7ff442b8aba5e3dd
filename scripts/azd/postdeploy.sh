#!/usr/bin/env bash
# azd postdeploy hook, the last step of `azd up`: runs scripts/smoke.sh against the address people use (APP_URL:
# the edge's when it is on, whose lockdown refuses the static web app's own host; never the Function App's own URL,
# which answers 401 once linked). With SMOKE_USER set it also signs in: the password, and under
# Login:SecondFactor=Required a code, are asked for and never stored.
set -euo pipefail

url="${APP_URL:-${STATIC_WEB_APP_URL:?the deployment has no APP_URL output}}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# A fresh Function App can take a minute to start, and the AWS trust a few seconds: retry readiness before judging.
for attempt in $(seq 1 12); do
  curl --silent --fail --max-time 20 --output /dev/null "$url/api/health/ready" && break
  (( attempt < 12 )) && sleep 10
done
if [[ -n "${SMOKE_USER:-}" ]]; then
  read -r -s -p "Password of $SMOKE_USER for the smoke test: " password
  echo >&2
  read -r -s -p "Authenticator or recovery code of $SMOKE_USER (empty if none): " code
  echo >&2
  printf '%s\n%s\n' "$password" "$code" | "$root/scripts/smoke.sh" "$url" "$SMOKE_USER"
else
  "$root/scripts/smoke.sh" "$url"
fi
