#!/usr/bin/env bash
# Starts and stops Azurite's Table service on loopback for local runs and tests.
# Usage: scripts/azurite.sh install|start|stop|status
# FILEBRIDGE_AZURITE_SERVICES=all also starts Blob (10000) and Queue (10001), which the Functions
# host wants for AzureWebJobsStorage under `func start`.
# Environment: FILEBRIDGE_AZURITE_PORT (default 10002); FILEBRIDGE_LOCAL_DIR (default .local), where the data, pid
# file, log and env file live: another one runs a second, separate Azurite.
# Writes <local dir>/azurite.env with the connection string the app and tests read.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/daemon.sh
source "$REPO/scripts/lib/daemon.sh"
LOCAL_DIR="${FILEBRIDGE_LOCAL_DIR:-$REPO/.local}"
STATE="$LOCAL_DIR/azurite"
PORT="${FILEBRIDGE_AZURITE_PORT:-10002}"
PID_FILE="$STATE/azurite.pid"
LOG_FILE="$STATE/azurite.log"
ENV_FILE="$LOCAL_DIR/azurite.env"
# Azurite's published development account; it only ever listens on loopback.
ACCOUNT_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$ACCOUNT_KEY;TableEndpoint=http://127.0.0.1:$PORT/devstoreaccount1;"

install() {
  if [[ ! -x "$REPO/node_modules/.bin/azurite-table" ]]; then
    echo "Installing Azurite (version pinned by package-lock.json)..."
    (cd "$REPO" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

start() {
  install
  local pid
  if pid="$(daemon_pid "$PID_FILE")"; then
    echo "Azurite already running (pid $pid)."
  else
    port_open "$PORT" && { echo "port $PORT is taken by another process (set FILEBRIDGE_AZURITE_PORT)" >&2; exit 1; }
    # Data persists under the local dir so users added for a demo survive a restart; tests use their own tables.
    local program=azurite-table extra=()
    if [[ "${FILEBRIDGE_AZURITE_SERVICES:-table}" == "all" ]]; then
      program=azurite
      extra=(--blobHost 127.0.0.1 --queueHost 127.0.0.1)
    fi
    daemon_start "$PID_FILE" "$LOG_FILE" "$REPO/node_modules/.bin/$program" "${extra[@]}" \
      --tableHost 127.0.0.1 --tablePort "$PORT" \
      --location "$STATE/data" --disableTelemetry --skipApiVersionCheck --loose
    daemon_wait Azurite "$PID_FILE" "$LOG_FILE" 120 port_open "$PORT" || exit 1
    echo "Azurite Table service on http://127.0.0.1:$PORT (pid $(cat "$PID_FILE"))."
  fi
  printf 'export Users__ConnectionString=%q\n' "$CONNECTION_STRING" >"$ENV_FILE"
}

stop() {
  daemon_stop Azurite "$PID_FILE"
  rm -f "$ENV_FILE"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) daemon_status Azurite "$PID_FILE" "port $PORT" ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
