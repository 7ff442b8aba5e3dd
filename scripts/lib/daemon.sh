# shellcheck shell=bash
# Sourced by the service scripts (azurite.sh, oidc-issuer.sh, local-aws.sh): one way to start a background
# process, wait until it serves, stop it and say whether it runs, each by the process's pid file.
#
#   daemon_start PID_FILE LOG_FILE COMMAND [ARG...]    start COMMAND detached; output to LOG_FILE
#   daemon_wait NAME PID_FILE LOG_FILE SECONDS PROBE [ARG...]
#                                                      poll PROBE until it succeeds; on exit or deadline, fail
#                                                      with the end of LOG_FILE
#   daemon_stop NAME PID_FILE [GRACE_SECONDS]          SIGTERM, then SIGKILL after the grace (default 5 s)
#   daemon_status NAME PID_FILE DETAIL [PROBE [ARG...]]
#                                                      "NAME running (pid N, DETAIL)", or "NAME stopped" and 1
#   daemon_pid PID_FILE                                the pid, when that process is alive
#   port_open PORT                                     true when something accepts on 127.0.0.1:PORT

# True while process $1 exists and is not a zombie. A killed daemon can stay a zombie for a while where PID 1 is
# not a real init, and `kill -0` alone would call it alive.
daemon_alive() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ -n "$stat" && "${stat%% *}" != Z ]]
}

daemon_pid() {
  local pid
  [[ -s "$1" ]] || return 1
  pid="$(cat "$1")"
  [[ "$pid" =~ ^[0-9]+$ ]] && daemon_alive "$pid" || return 1
  echo "$pid"
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

daemon_log_tail() {
  echo "----- $1 (last 40 lines) -----" >&2
  tail -n 40 "$1" >&2 2>/dev/null || true
}

daemon_start() {
  local pid_file="$1" log_file="$2"
  shift 2
  mkdir -p "$(dirname "$pid_file")" "$(dirname "$log_file")"
  nohup "$@" >"$log_file" 2>&1 </dev/null &
  echo $! >"$pid_file"
}

daemon_wait() {
  local name="$1" pid_file="$2" log_file="$3" seconds="$4"
  shift 4
  local started=$SECONDS
  while ! "$@"; do
    # A daemon that forks writes its pid file a moment after it was launched: give it two seconds.
    if ! daemon_pid "$pid_file" >/dev/null && { [[ -s "$pid_file" ]] || (( SECONDS - started >= 2 )); }; then
      echo "$name exited before it answered." >&2
      daemon_log_tail "$log_file"
      return 1
    fi
    if (( SECONDS - started >= seconds )); then
      echo "$name did not answer within $seconds s." >&2
      daemon_log_tail "$log_file"
      return 1
    fi
    sleep 0.1
  done
}

daemon_stop() {
  local name="$1" pid_file="$2" grace="${3:-5}" pid i
  if pid="$(daemon_pid "$pid_file")"; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < grace * 10; i++)); do
      daemon_alive "$pid" || break
      sleep 0.1
    done
    if daemon_alive "$pid"; then
      echo "$name (pid $pid) ignored SIGTERM for $grace s; killing it." >&2
      kill -KILL "$pid" 2>/dev/null || true
      for ((i = 0; i < 50; i++)); do
        daemon_alive "$pid" || break
        sleep 0.1
      done
      if daemon_alive "$pid"; then
        echo "$name (pid $pid) survived SIGKILL." >&2
        return 1
      fi
    fi
    echo "$name stopped."
  fi
  rm -f "$pid_file"
}

daemon_status() {
  local name="$1" pid_file="$2" detail="$3" pid
  shift 3
  if pid="$(daemon_pid "$pid_file")" && { (( $# == 0 )) || "$@"; }; then
    echo "$name running (pid $pid, $detail)"
  else
    echo "$name stopped"
    return 1
  fi
}
