#!/usr/bin/env bash
# A local OpenID Connect issuer for keyless mode (Aws:CredentialSource=WebIdentity) in local runs and tests:
# discovery + JWKS on loopback, and a token file it keeps fresh for Aws:WebIdentityTokenFile.
#
#   scripts/oidc-issuer.sh start    build if needed, start, write .local/oidc.env
#   scripts/oidc-issuer.sh stop     stop it by its pid file
#   scripts/oidc-issuer.sh status   say whether it runs and answers
#
# Environment: FILEBRIDGE_OIDC_PORT (default 7490). scripts/local-aws.sh registers the same issuer as an
# OIDC provider (see scripts/lib/oidc.sh); the issuer can start before or after the endpoint.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/oidc.sh
source "$REPO/scripts/lib/oidc.sh"
STATE="$REPO/.local/oidc"
BIN="$STATE/bin"
PID_FILE="$STATE/issuer.pid"
TOKEN_FILE="$STATE/token.jwt"
ENV_FILE="$REPO/.local/oidc.env"
PROJECT="$REPO/tests/FileBridge.OidcIssuer"

running() { [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }
answers() { curl -fsS --max-time 2 "$OIDC_ISSUER/.well-known/openid-configuration" >/dev/null 2>&1; }

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
  if running && answers; then
    echo "OIDC issuer already running at $OIDC_ISSUER (pid $(cat "$PID_FILE"))."
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$OIDC_PORT") 2>/dev/null \
      && { echo "port $OIDC_PORT is taken by another process (set FILEBRIDGE_OIDC_PORT)" >&2; exit 1; }
    build
    rm -f "$TOKEN_FILE"
    Issuer__Url="$OIDC_ISSUER" Issuer__Audience="$OIDC_AUDIENCE" Issuer__Subject="$OIDC_SUBJECT" \
      Issuer__TokenFile="$TOKEN_FILE" \
      nohup dotnet "$BIN/FileBridge.OidcIssuer.dll" --urls "$OIDC_ISSUER" >"$STATE/issuer.log" 2>&1 &
    echo $! >"$PID_FILE"
    for _ in $(seq 1 200); do
      answers && [[ -s "$TOKEN_FILE" ]] && break
      running || { echo "the OIDC issuer exited; log follows:" >&2; tail -n 40 "$STATE/issuer.log" >&2; exit 1; }
      sleep 0.1
    done
    answers || { echo "the OIDC issuer did not answer within 20 s" >&2; exit 1; }
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
  if running; then
    local pid
    pid="$(cat "$PID_FILE")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    echo "OIDC issuer stopped."
  fi
  rm -f "$PID_FILE" "$ENV_FILE" "$TOKEN_FILE"
}

status() {
  if running && answers; then echo "running (pid $(cat "$PID_FILE"), $OIDC_ISSUER)"; else echo "stopped"; return 1; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
