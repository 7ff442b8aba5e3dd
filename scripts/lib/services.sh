# shellcheck shell=bash
# Sourced by scripts/test.sh and scripts/run-local.sh: starts the local services and remembers which
# ones this run started, so that it stops only those (a developer may be using running ones).

STARTED_SERVICES=()

# start_service azurite.sh|local-aws.sh
start_service() {
  if ! "$REPO/scripts/$1" status >/dev/null 2>&1; then
    STARTED_SERVICES=("$1" "${STARTED_SERVICES[@]}")
  fi
  "$REPO/scripts/$1" start
}

stop_started_services() {
  local script
  for script in "${STARTED_SERVICES[@]}"; do
    "$REPO/scripts/$script" stop || true
  done
}
