#!/usr/bin/env bash
# A local OpenID Connect issuer for keyless mode (Aws:CredentialSource=WebIdentity) in local runs and tests:
# discovery + JWKS on loopback, and a token file it keeps fresh for Aws:WebIdentityTokenFile.
#
#   scripts/oidc-issuer.sh start    build if needed, start, write .local/oidc.env
#   scripts/oidc-issuer.sh stop     stop it by its pid file
#   scripts/oidc-issuer.sh status   say whether it runs and answers
#
# Environment: FILEBRIDGE_OIDC_PORT (default 7490); FILEBRIDGE_LOCAL_DIR (default .local), where the build, pid
# file, token, log and env file live: another one runs a second, separate issuer. scripts/local-aws.sh registers
# the same issuer as an OIDC provider (see scripts/lib/oidc.sh); the issuer can start before or after the endpoint.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/oidc.sh
source "$REPO/scripts/lib/oidc.sh"
# shellcheck source=scripts/lib/daemon.sh
source "$REPO/scripts/lib/daemon.sh"
LOCAL_DIR="${FILEBRIDGE_LOCAL_DIR:-$REPO/.local}"
STATE="$LOCAL_DIR/oidc"
BIN="$STATE/bin"
PID_FILE="$STATE/issuer.pid"
LOG_FILE="$STATE/issuer.log"
TOKEN_FILE="$STATE/token.jwt"
ENV_FILE="$LOCAL_DIR/oidc.env"
PROJECT="$REPO/tests/FileBridge.OidcIssuer"

answers() { curl -fsS --max-time 2 "$OIDC_ISSUER/.well-known/openid-configuration" >/dev/null 2>&1; }
# Ready once it answers and has written the first token.
ready() { answers && [[ -s "$TOKEN_FILE" ]]; }

build() {
  # Rebuilt when a source file is newer than the last build: cheap when nothing changed.
  if [[ -f "$BIN/FileBridge.OidcIssuer.dll" ]] && [[ -z "$(find "$PROJECT" -newer "$BIN/FileBridge.OidcIssuer.dll" \
      \( -name '*.cs' -o -name '*.csproj' \) -not -path '*/obj/*' -not -path '*/bin/*' | head -n 1)" ]]; then
    return 0
  fi
  mkdir -p "$STATE"
  dotnet build "$PROJECT" -c Release -nologo -v quiet -o "$BIN" >"$STATE/build.log" 2>&1 \
    || { cat "$STATE/build.log" >&2; exit 1; }
}

start() {
  local pid
  if pid="$(daemon_pid "$PID_FILE")" && answers; then
    echo "OIDC issuer already running at $OIDC_ISSUER (pid $pid)."
  else
    port_open "$OIDC_PORT" && { echo "port $OIDC_PORT is taken by another process (set FILEBRIDGE_OIDC_PORT)" >&2; exit 1; }
    build
    rm -f "$TOKEN_FILE"
    Issuer__Url="$OIDC_ISSUER" Issuer__Audience="$OIDC_AUDIENCE" Issuer__Subject="$OIDC_SUBJECT" \
      Issuer__TokenFile="$TOKEN_FILE" \
      daemon_start "$PID_FILE" "$LOG_FILE" dotnet "$BIN/FileBridge.OidcIssuer.dll" --urls "$OIDC_ISSUER"
    daemon_wait "the OIDC issuer" "$PID_FILE" "$LOG_FILE" 20 ready || exit 1
    echo "OIDC issuer at $OIDC_ISSUER (pid $(cat "$PID_FILE")); token file $TOKEN_FILE."
  fi
  cat >"$ENV_FILE" <<ENV
# Written by scripts/oidc-issuer.sh start; source it: . .local/oidc.env
export FILEBRIDGE_OIDC_ISSUER=$OIDC_ISSUER
export FILEBRIDGE_OIDC_AUDIENCE=$OIDC_AUDIENCE
export FILEBRIDGE_OIDC_SUBJECT=$OIDC_SUBJECT
export FILEBRIDGE_OIDC_TOKEN_FILE=$TOKEN_FILE
ENV
}

stop() {
  daemon_stop "OIDC issuer" "$PID_FILE"
  rm -f "$ENV_FILE" "$TOKEN_FILE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) daemon_status "OIDC issuer" "$PID_FILE" "$OIDC_ISSUER" answers ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
