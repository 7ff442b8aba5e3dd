#!/usr/bin/env bash
# Starts and stops Azurite's Table service on loopback for local runs and tests.
# Usage: scripts/azurite.sh install|start|stop|status
# FILEBRIDGE_AZURITE_SERVICES=all also starts Blob (10000) and Queue (10001), which the Functions
# host wants for AzureWebJobsStorage under `func start`.
# Writes .local/azurite.env with the connection string the app and tests read.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$REPO/.local/azurite"
PORT="${FILEBRIDGE_AZURITE_PORT:-10002}"
PID_FILE="$STATE/azurite.pid"
ENV_FILE="$REPO/.local/azurite.env"
# Azurite's published development account; it only ever listens on loopback.
ACCOUNT_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$ACCOUNT_KEY;TableEndpoint=http://127.0.0.1:$PORT/devstoreaccount1;"

install() {
  if [[ ! -x "$REPO/node_modules/.bin/azurite-table" ]]; then
    echo "Installing Azurite (version pinned by package-lock.json)..."
    (cd "$REPO" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

running() {
  [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

wait_for_port() {
  for _ in $(seq 1 100); do
    if (echo >"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  echo "Azurite did not open port $PORT; log follows:" >&2
  tail -n 40 "$STATE/azurite.log" >&2 || true
  return 1
}

start() {
  install
  mkdir -p "$STATE"
  if running; then
    echo "Azurite already running (pid $(cat "$PID_FILE"))."
  else
    # Data persists under .local so users added for a demo survive a restart; tests use their own tables.
    local program=azurite-table extra=()
    if [[ "${FILEBRIDGE_AZURITE_SERVICES:-table}" == "all" ]]; then
      program=azurite
      extra=(--blobHost 127.0.0.1 --queueHost 127.0.0.1)
    fi
    nohup "$REPO/node_modules/.bin/$program" "${extra[@]}" \
      --tableHost 127.0.0.1 --tablePort "$PORT" \
      --location "$STATE/data" --disableTelemetry --skipApiVersionCheck --loose \
      >"$STATE/azurite.log" 2>&1 &
    echo $! >"$PID_FILE"
    wait_for_port
    echo "Azurite Table service on http://127.0.0.1:$PORT (pid $(cat "$PID_FILE"))."
  fi
  printf 'export Users__ConnectionString=%q\n' "$CONNECTION_STRING" >"$ENV_FILE"
}

stop() {
  if running; then
    local pid
    pid="$(cat "$PID_FILE")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    echo "Azurite stopped."
  fi
  rm -f "$PID_FILE" "$ENV_FILE"
}

status() {
  if running; then echo "running (pid $(cat "$PID_FILE"), port $PORT)"; else echo "stopped"; return 1; fi
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
