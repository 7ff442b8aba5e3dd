#!/usr/bin/env bash
# Checks a running FileBridge: health, readiness and, given a user (password on standard input), a sign-in,
# a listing of the root and one download link. Prints one line per check ("PASS name: detail" or
# "FAIL name: detail") and exits 0 only when every check passed.
# Usage: scripts/smoke.sh BASE_URL [USER] [< password]
#   BASE_URL  the static web app's URL (https://<name>.azurestaticapps.net) or the local DevHost
#             (http://127.0.0.1:7071). Not the Function App's own URL: once linked to the static web app
#             it answers 401 to everyone else.
# Needs curl and python3.
set -uo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 BASE_URL [USER]   (the user's password on standard input)" >&2
  exit 2
fi
for tool in curl python3; do
  command -v "$tool" >/dev/null || { echo "FAIL tools: $tool is not installed"; exit 2; }
done

BASE="${1%/}"
USER_NAME="${2:-}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0

pass() { printf 'PASS %s: %s\n' "$1" "$2"; }
fail() { printf 'FAIL %s: %s\n' "$1" "$2"; failures=$((failures + 1)); }

# GET/POST helper: writes the body to $WORK/body and the headers to $WORK/headers, prints the status.
request() {
  curl --silent --show-error --max-time 30 --output "$WORK/body" --dump-header "$WORK/headers" \
    --write-out "%{http_code}" "$@" 2>"$WORK/curl-error" || true
}

# Reads one JSON member (dotted path) from $WORK/body; empty when absent.
json() {
  python3 - "$1" "$WORK/body" <<'PY'
import json, sys
try:
    value = json.load(open(sys.argv[2], encoding="utf-8"))
    for part in sys.argv[1].split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    print(value if not isinstance(value, (dict, list)) else json.dumps(value))
except Exception:
    pass
PY
}

header() { grep -i "^$1:" "$WORK/headers" | tail -n 1 | cut -d' ' -f2- | tr -d '\r'; }

status=$(request "$BASE/api/health")
if [[ "$status" == 200 && "$(json status)" == ok ]]; then
  pass health "GET /api/health answered 200"
else
  fail health "GET /api/health answered $status $(head -c 200 "$WORK/body" 2>/dev/null)$(cat "$WORK/curl-error")"
fi

status=$(request "$BASE/api/health/ready")
if [[ "$status" == 200 ]]; then
  pass ready "GET /api/health/ready answered 200 $(json checks)"
else
  fail ready "GET /api/health/ready answered $status; failed: $(json failed)$(cat "$WORK/curl-error")"
fi

if [[ -n "$USER_NAME" ]]; then
  IFS= read -r password || true
  login_body=$(USER_NAME="$USER_NAME" PASSWORD="$password" python3 -c \
    'import json, os; print(json.dumps({"username": os.environ["USER_NAME"], "password": os.environ["PASSWORD"]}))')
  unset password
  origin=$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(f"{p.scheme}://{p.netloc}")' "$BASE")
  status=$(request -X POST -H 'Content-Type: application/json' -H "Origin: $origin" --data-binary @- "$BASE/api/auth/login" <<<"$login_body")
  unset login_body
  cookie=$(grep -i '^set-cookie: __Host-fb_session=' "$WORK/headers" | head -n 1 | sed -E 's/^[^:]*: *([^;]*).*/\1/' | tr -d '\r')
  if [[ "$status" == 200 && -n "$cookie" ]]; then
    pass sign-in "signed in as $USER_NAME"

    # The root, then down the first folder until a file turns up (a few levels at most).
    prefix=""
    key=""
    for _ in 1 2 3 4 5; do
      encoded=$(python3 -c 'import sys, urllib.parse as u; print(u.quote(sys.argv[1], safe=""))' "$prefix")
      status=$(request -H "Cookie: $cookie" "$BASE/api/files?prefix=$encoded")
      if [[ "$status" != 200 ]]; then
        break
      fi
      [[ -z "$prefix" ]] && listed_root="$(json folders | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))') folders, $(json files | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))') files"
      key=$(json files.0.key)
      [[ -n "$key" ]] && break
      prefix=$(json folders.0.prefix)
      [[ -z "$prefix" ]] && break
    done
    if [[ -n "${listed_root:-}" ]]; then
      pass list "GET /api/files answered 200 ($listed_root at the root)"
    else
      fail list "GET /api/files?prefix=$prefix answered $status $(json code)"
    fi

    if [[ -n "$key" ]]; then
      encoded=$(python3 -c 'import sys, urllib.parse as u; print(u.quote(sys.argv[1], safe=""))' "$key")
      status=$(request -H "Cookie: $cookie" "$BASE/api/files/download?key=$encoded")
      location=$(header location)
      if [[ "$status" == 302 && -n "$location" ]]; then
        # The link itself must open: a signature S3 refuses (clock, region, KMS) shows up only here.
        link_status=$(request -H 'Range: bytes=0-0' "$location")
        if [[ "$link_status" == 200 || "$link_status" == 206 ]]; then
          pass download "a link for $key opened ($link_status)"
        else
          fail download "the link for $key answered $link_status"
        fi
      else
        fail download "GET /api/files/download answered $status $(json code)"
      fi
    else
      fail download "no file found to ask a link for"
    fi

    status=$(request -X POST -H "Cookie: $cookie" -H "Origin: $origin" "$BASE/api/auth/logout")
    if [[ "$status" == 204 ]]; then
      pass sign-out "session ended"
    else
      fail sign-out "POST /api/auth/logout answered $status"
    fi
  else
    fail sign-in "POST /api/auth/login answered $status $(json code)$(cat "$WORK/curl-error")"
  fi
fi

exit $((failures > 0 ? 1 : 0))
