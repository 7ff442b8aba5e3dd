#!/usr/bin/env bash
# azd postdeploy hook, the last step of `azd up`: runs scripts/smoke.sh against the address people use (APP_URL:
# the edge's when it is on, whose lockdown refuses the static web app's own host; never the Function App's own URL,
# which answers 401 once linked). Without SMOKE_USER it checks health and readiness and says how to add the sign-in
# (the first `azd up` has no account yet: the tables exist only since this run). With SMOKE_USER set it also signs
# in: the password, and under Login:SecondFactor=Required a code, are asked for and never stored.
# Run it alone with `azd hooks run postdeploy`.
set -euo pipefail

url="${APP_URL:-${STATIC_WEB_APP_URL:?the deployment has no APP_URL output}}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# A fresh Function App can take a minute to start, and the AWS trust a few seconds: while readiness answers 503 (or
# nothing, or the front end's 502/504), wait and ask again. Any other answer (200, or a lockdown's 403) does not change
# by waiting: the smoke test judges it at once.
for attempt in $(seq 1 12); do
  status="$(curl --silent --max-time 20 --output /dev/null --write-out '%{http_code}' "$url/api/health/ready" || true)"
  case "$status" in
    503 | 502 | 504 | 000 | "") (( attempt < 12 )) && sleep 10 ;;
    *) break ;;
  esac
done
if [[ -n "${SMOKE_USER:-}" ]]; then
  read -r -s -p "Password of $SMOKE_USER for the smoke test: " password || true
  echo >&2
  read -r -s -p "Authenticator or recovery code of $SMOKE_USER (empty if none): " code || true
  echo >&2
  if ! printf '%s\n%s\n' "$password" "$code" | "$root/scripts/smoke.sh" "$url" "$SMOKE_USER"; then
    echo "postdeploy: the smoke test signs in as SMOKE_USER=$SMOKE_USER, which must be an existing account with no step left to finish in the browser (README, Operating FileBridge: Verify); azd env set SMOKE_USER \"\" checks health and readiness only." >&2
    exit 1
  fi
else
  "$root/scripts/smoke.sh" "$url"
  echo "postdeploy: health and readiness only (SMOKE_USER is not set). To check a sign-in, a listing and a download too, make the smoke account once and run this again (README, Operating FileBridge: Verify):"
  echo "postdeploy:   filebridge-admin users add smoker --display-name \"Smoke test\" --prefixes <a folder with a file> --permanent --no-second-factor"
  echo "postdeploy:   azd env set SMOKE_USER smoker && azd hooks run postdeploy"
fi
