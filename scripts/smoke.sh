#!/usr/bin/env bash
# Checks a running FileBridge: health, readiness and, given a user (password on standard input), a sign-in,
# a listing of the root and one download link. Prints one line per check ("PASS name: detail" or
# "FAIL name: detail") and exits 0 only when every check passed.
# Usage: scripts/smoke.sh BASE_URL [USER] [< password, and on a second line an authenticator or recovery code]
#   A 202 answer to the password counts as "password accepted"; under Login:SecondFactor=Required the sign-in
#   is then finished with the code from the second line (POST /api/auth/second-factor). Any other next step
#   (change-password, enroll) cannot be finished here and fails with what to do.
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

# The value (name=value) of a cookie the last answer set; empty when it set none.
cookie_value() { grep -i "^set-cookie: $1=" "$WORK/headers" | head -n 1 | sed -E 's/^[^:]*: *([^;]*).*/\1/' | tr -d '\r'; }

# After a 202 to the password: the password was right. Only the second-factor step can be finished from here, with
# the code given on the second line of standard input; leaves $status and the headers of the step's answer.
finish_second_factor() {
  local next methods method pending body
  next=$(json next)
  methods=$(json methods)
  pass password "accepted (202, next: ${next:-none})"
  if [[ "$next" != second-factor ]]; then
    sign_in_failure="the account must first finish the step \"${next:-unknown}\" in the browser (a temporary password must be changed, or a second factor enrolled); use an account that has completed it"
    status=202
    return
  fi
  if [[ -z "${second_factor_code:-}" ]]; then
    sign_in_failure="a second factor is required (methods: $methods): give an authenticator or recovery code on the second line of standard input"
    status=202
    return
  fi
  pending=$(cookie_value __Host-fb_pending)
  # Six digits are an authenticator code; anything else is taken for a recovery code.
  method=totp
  if [[ ! "$second_factor_code" =~ ^[0-9]{6}$ && "$methods" == *recovery* ]]; then
    method=recovery
  fi
  body=$(METHOD="$method" CODE="$second_factor_code" python3 -c \
    'import json, os; print(json.dumps({"method": os.environ["METHOD"], "code": os.environ["CODE"]}))')
  unset second_factor_code
  status=$(request -X POST -H 'Content-Type: application/json' -H "Origin: $origin" -H "Cookie: $pending" \
    --data-binary @- "$BASE/api/auth/second-factor" <<<"$body")
  if [[ "$status" == 200 ]]; then
    how_signed_in=" with a second factor ($method)"
  else
    sign_in_failure="POST /api/auth/second-factor answered $status $(json code)$(cat "$WORK/curl-error")"
  fi
}

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
  # The second line, when given: a code for the second-factor step. Never printed.
  IFS= read -r second_factor_code || true
  login_body=$(USER_NAME="$USER_NAME" PASSWORD="$password" python3 -c \
    'import json, os; print(json.dumps({"username": os.environ["USER_NAME"], "password": os.environ["PASSWORD"]}))')
  unset password
  origin=$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(f"{p.scheme}://{p.netloc}")' "$BASE")
  status=$(request -X POST -H 'Content-Type: application/json' -H "Origin: $origin" --data-binary @- "$BASE/api/auth/login" <<<"$login_body")
  unset login_body
  if [[ "$status" == 202 ]]; then
    finish_second_factor
  else
    unset second_factor_code
  fi
  cookie=$(cookie_value __Host-fb_session)
  if [[ "$status" == 200 && -n "$cookie" ]]; then
    pass sign-in "signed in as $USER_NAME${how_signed_in:-}"

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
    [[ -n "${sign_in_failure:-}" ]] || sign_in_failure="POST /api/auth/login answered $status $(json code)$(cat "$WORK/curl-error")"
    fail sign-in "$sign_in_failure"
  fi
fi

exit $((failures > 0 ? 1 : 0))
