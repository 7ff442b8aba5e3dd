#!/usr/bin/env bash
# Runs FileBridge locally with real local services: Azurite (tables) and a Ceph RADOS Gateway
# (S3 + STS + IAM roles) with demo files, seeds demo accounts, and serves the API and the web page
# at http://localhost:7071 (localhost, not 127.0.0.1: it is the passkeys' relying party id on loopback).
# Ctrl-C stops everything this script started.
#
#   scripts/run-local.sh             AccessKey mode: the broker signs AssumeRole with the local broker user's key
#   scripts/run-local.sh --keyless   WebIdentity mode: no AWS key at all; a local OpenID Connect issuer keeps a
#                                    token file fresh and the broker calls AssumeRoleWithWebIdentity with it
#
# Second factor: Login:SecondFactor=Required (FILEBRIDGE_SECOND_FACTOR=Optional or Off to change it) with an
# enrolment window open for two hours from the start, so the demo accounts (permanent passwords, no factor yet)
# are asked to enrol an authenticator code or a passkey at their first sign-in.
set -euo pipefail

KEYLESS=false
case "${1:-}" in
  "") ;;
  --keyless) KEYLESS=true ;;
  *) echo "usage: $0 [--keyless]" >&2; exit 2 ;;
esac

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
URL="${FILEBRIDGE_URL:-http://localhost:7071}"
# Meets the password policy: 12+ characters, not a common password, no user or product name in it.
DEMO_PASSWORD="${FILEBRIDGE_DEMO_PASSWORD:-harbor-lantern-2026}"
BUILD_DIR="$REPO/.local/run"

DEVHOST_PID=""
# shellcheck source=scripts/lib/services.sh
source "$REPO/scripts/lib/services.sh"

# Stops the DevHost and only the services this run started (others may be using running ones).
stop_all() {
  trap - EXIT INT TERM
  echo
  if [[ -n "$DEVHOST_PID" ]]; then
    kill "$DEVHOST_PID" 2>/dev/null || true
    wait "$DEVHOST_PID" 2>/dev/null || true
  fi
  stop_started_services
}
trap stop_all EXIT
trap 'exit 130' INT TERM

start_service azurite.sh
start_service local-aws.sh
# shellcheck disable=SC1091
source "$REPO/.local/azurite.env"
# shellcheck disable=SC1091
source "$REPO/.local/aws.env"
# Two locations, each a bucket read through its own role: "demo" and "logs".
export Files__Locations__0__Name=demo Files__Locations__0__Bucket="$Files__Bucket"
export Files__Locations__1__Name=logs Files__Locations__1__Bucket="$FILEBRIDGE_TEST_LOGS_BUCKET" \
  Files__Locations__1__RoleArn="$FILEBRIDGE_TEST_LOGS_ROLE_ARN"
unset Files__Bucket
MODE="AccessKey (the local broker user's key)"
if $KEYLESS; then
  start_service oidc-issuer.sh
  # shellcheck disable=SC1091
  source "$REPO/.local/oidc.env"
  # Keyless: the key must not even be in the environment (start-up refuses a key beside WebIdentity).
  unset Aws__AccessKeyId Aws__SecretAccessKey
  export Aws__CredentialSource=WebIdentity Aws__WebIdentityTokenFile="$FILEBRIDGE_OIDC_TOKEN_FILE"
  MODE="WebIdentity (keyless; token from $FILEBRIDGE_OIDC_ISSUER)"
fi

# The sign-in keys, made once and kept (a new one would make enrolled authenticators and known browsers useless),
# outside the tables as on Azure, where they are Key Vault secrets (scripts/login-keys.sh).
LOGIN_KEYS="$REPO/.local/login-keys.env"
if [[ ! -f "$LOGIN_KEYS" ]]; then
  (
    umask 077
    printf 'export Login__SecretsKey=%s\nexport Login__DeviceKey=%s\n' \
      "$(head -c 32 /dev/urandom | base64 | tr -d '\n')" "$(head -c 32 /dev/urandom | base64 | tr -d '\n')" >"$LOGIN_KEYS"
  )
fi
# shellcheck disable=SC1090
source "$LOGIN_KEYS"
SECOND_FACTOR="${FILEBRIDGE_SECOND_FACTOR:-Required}"
ENROLL_UNTIL="$(date -u -d '+2 hours' +%Y-%m-%dT%H:%M:%SZ)"
export Login__SecondFactor="$SECOND_FACTOR" Login__EnrollWithPasswordUntil="$ENROLL_UNTIL" Web__PasskeyRpId=localhost

echo "Building FileBridge..."
# The Worker SDK's inner build prints its own summary; keep the log and show it only on failure.
build() {
  mkdir -p "$BUILD_DIR"
  dotnet build "$1" -c Release -nologo -o "$2" >"$BUILD_DIR/build.log" 2>&1 || { cat "$BUILD_DIR/build.log" >&2; exit 1; }
}
build src/FileBridge.DevHost "$BUILD_DIR/devhost"
build src/FileBridge.Admin "$BUILD_DIR/admin"

# Creates the account, or resets its password and enables it when it already exists.
seed_user() {
  local name="$1" display="$2" prefixes="$3" status=0
  local errors
  errors="$(printf '%s\n' "$DEMO_PASSWORD" | dotnet "$BUILD_DIR/admin/filebridge-admin.dll" \
    users add "$name" --display-name "$display" --prefixes "$prefixes" --permanent 2>&1 >/dev/null)" || status=$?
  if (( status == 3 )); then
    printf '%s\n' "$DEMO_PASSWORD" | dotnet "$BUILD_DIR/admin/filebridge-admin.dll" users set-password "$name" --permanent >/dev/null
    dotnet "$BUILD_DIR/admin/filebridge-admin.dll" users enable "$name" >/dev/null
    dotnet "$BUILD_DIR/admin/filebridge-admin.dll" users unlock "$name" >/dev/null
    dotnet "$BUILD_DIR/admin/filebridge-admin.dll" users set-prefixes "$name" "$prefixes" >/dev/null
  elif (( status != 0 )); then
    echo "Could not create the demo user $name (exit code $status): $errors" >&2
    exit "$status"
  fi
}
# Access fails closed: '*' is everything, and a user with no prefixes sees nothing while
# Files__DefaultPrefixes is empty (as here), which is what newcomer shows.
seed_user demo "Demo User" "*"
seed_user alice "Alice (her home folder and the app logs)" "demo/home/alice/;logs/app/"
seed_user newcomer "Newcomer (no access yet)" ""

# Development: what start-up allows on loopback only (the passkeys' relying party defaults to localhost).
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# In the background so that Ctrl-C reaches this script's trap at once, wherever the DevHost is.
DevHost__WebRoot="$REPO/src/FileBridge.Web" dotnet "$BUILD_DIR/devhost/FileBridge.DevHost.dll" --urls "$URL" &
DEVHOST_PID=$!
for _ in $(seq 1 120); do
  curl -fsS "$URL/api/health" >/dev/null 2>&1 && break
  kill -0 "$DEVHOST_PID" 2>/dev/null || { echo "FileBridge did not start; see the messages above." >&2; exit 1; }
  sleep 0.5
done

cat <<INFO

  FileBridge is running at $URL
  AWS credentials: $MODE
  Second factor:   $SECOND_FACTOR; enrolment with the password alone is open until $ENROLL_UNTIL
                   (the first sign-in asks for an authenticator code or a passkey: README, Running locally)

  Sign in as   demo     / $DEMO_PASSWORD   (sees both locations: demo and logs)
          or   alice    / $DEMO_PASSWORD   (sees only demo/home/alice/ and logs/app/)
          or   newcomer / $DEMO_PASSWORD   (sees nothing yet: no prefixes, no defaults)

  Press Ctrl-C to stop FileBridge, Azurite and the local S3/STS endpoint.

INFO

wait "$DEVHOST_PID"
