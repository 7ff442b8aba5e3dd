#!/usr/bin/env bash
# Local S3 + STS + IAM-role endpoint: a single-node Ceph RADOS Gateway on loopback.
#
#   scripts/local-aws.sh install    install the Debian packages that are missing
#   scripts/local-aws.sh start      install if needed, start mon + osd + rgw, provision, write .local/aws.env
#   scripts/local-aws.sh stop       stop the daemons by their pid files and remove all state
#   scripts/local-aws.sh status     say whether it runs and answers
#   scripts/local-aws.sh selftest   prove the endpoint enforces the role, trust and session policies
#
# Environment: FILEBRIDGE_RGW_PORT (default 7480), FILEBRIDGE_MON_PORT (default 3390), FILEBRIDGE_OIDC_PORT
# (default 7490: the local OpenID Connect issuer registered as an OIDC provider for keyless mode),
# FILEBRIDGE_LOCAL_DIR (default .local in the repository).
# All state (config, data, sockets, pid files, logs) lives under <local dir>/ceph/; with other ports and another
# local dir, a second, separate endpoint runs beside the first.
# The OSD keeps objects in memory, so a stopped endpoint is gone: `start` builds it anew.
# Background: shared notes "local-aws-endpoint.md".
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/.." && pwd)"
HELPERS="$SCRIPT_DIR/local-aws"
# The local OpenID Connect issuer (scripts/oidc-issuer.sh) that keyless mode's role trust names.
# shellcheck source=scripts/lib/oidc.sh
source "$SCRIPT_DIR/lib/oidc.sh"
# shellcheck source=scripts/lib/daemon.sh
source "$SCRIPT_DIR/lib/daemon.sh"
LOCAL_DIR="${FILEBRIDGE_LOCAL_DIR:-$REPO/.local}"
STATE="$LOCAL_DIR/ceph"
CONF="$STATE/ceph.conf"
ENV_FILE="$LOCAL_DIR/aws.env"
POLICIES="$REPO/infra-bicep/aws/policies"
# What the daemons print before they detach (their own logs start a moment later).
LAUNCH_LOG="$STATE/log/launch.log"

RGW_PORT="${FILEBRIDGE_RGW_PORT:-7480}"
MON_PORT="${FILEBRIDGE_MON_PORT:-3390}"
ENDPOINT="http://127.0.0.1:$RGW_PORT"
REGION="us-east-1"

PACKAGES=(ceph-mon ceph-osd radosgw ceph-common curl)
# /usr/bin/ceph is a Python script that needs Debian's interpreter and its python3-ceph modules;
# a pyenv or venv python that comes first in PATH cannot import them.
PY=/usr/bin/python3

# Fixed identity of the cluster and its one OSD: the state is rebuilt on every start anyway.
FSID="6c1f0b53-7a8e-4c43-9d2b-f11eb41d9e01"
OSD_UUID="3e2d7c0a-5b8f-4f3e-a1d6-0c9b8e7f6a51"
RGW_NAME="client.rgw.local"

# Fixed keys so tests are repeatable. Access keys are 20 characters, secrets 40, like AWS's.
BROKER_UID="filebridge-broker"
BROKER_AK="FBBROKERLOCAL0000001"
BROKER_SK="fbBrokerLocalSecretKey000000000000000001"
OTHER_UID="filebridge-other"
OTHER_AK="FBOTHERLOCAL00000001"
OTHER_SK="fbOtherLocalSecretKey0000000000000000001"
ADMIN_UID="filebridge-admin"
ADMIN_AK="FBADMINLOCAL00000001"
ADMIN_SK="fbAdminLocalSecretKey0000000000000000001"

ROLE_NAME="filebridge-reader"
ROLE_ARN="arn:aws:iam:::role/$ROLE_NAME"
ROLE_POLICY_NAME="filebridge-read-bucket"
# The longest session the role allows (1 h), as in the CloudFormation template.
ROLE_MAX_SESSION=3600
# Any 40 hex digits: RGW does not check the thumbprint (AWS does not either for well-known issuers).
OIDC_THUMBPRINT="0000000000000000000000000000000000000000"
BUCKET="filebridge-demo"
# The second location: another bucket read through another role (on AWS it could sit in another account).
LOGS_BUCKET="filebridge-logs"
LOGS_ROLE_NAME="filebridge-logs-reader"
LOGS_ROLE_ARN="arn:aws:iam:::role/$LOGS_ROLE_NAME"

# ---------------------------------------------------------------------------------------------
# small helpers

log() { printf '[local-aws] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_ms() { date +%s%3N; }

ceph_cli() { "$PY" /usr/bin/ceph -c "$CONF" --connect-timeout 20 "$@"; }
rgw_admin() { timeout 60 radosgw-admin -c "$CONF" "$@"; }

# curl signing requests with SigV4 for SERVICE as the user with keys AK/SK.
# Usage: aws_curl SERVICE AK SK [curl args...]
aws_curl() {
  local service="$1" ak="$2" sk="$3"
  shift 3
  local extra=()
  # S3 rejects (403) a SigV4 request without x-amz-content-sha256, which this curl does not add
  # by itself. (Every -H header gets signed, even an empty "Expect:", so leave that one alone.)
  [[ "$service" == s3 ]] && extra=(-H "x-amz-content-sha256: UNSIGNED-PAYLOAD")
  curl -sS --aws-sigv4 "aws:amz:$REGION:$service" --user "$ak:$sk" "${extra[@]}" "$@"
}

# Prints the policy document at $1 with each "${Placeholder}" replaced ($2.. = Placeholder=value),
# compacted onto one line (radosgw-admin and the form bodies then carry no layout whitespace).
render_policy() {
  "$PY" - "$@" <<'PY'
import json, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
for pair in sys.argv[2:]:
    name, value = pair.split("=", 1)
    token = "${" + name + "}"
    if token not in text:
        sys.exit(f"{path}: placeholder {token} not found")
    text = text.replace(token, value)
if "${" in text:
    sys.exit(f"{path}: unreplaced placeholder left")
print(json.dumps(json.loads(text), separators=(",", ":")))
PY
}

# Value of the first <Tag> in the XML on stdin.
xml_value() {
  "$PY" -c '
import re, sys
m = re.search(r"<%s>([^<]*)</%s>" % (sys.argv[1], sys.argv[1]), sys.stdin.read())
print(m.group(1) if m else "")' "$1"
}

# An application/x-www-form-urlencoded body from "name=value" arguments, with spaces as %20:
# RGW 16 does not decode "+" as a space (curl --data-urlencode writes "+"), which silently turns
# "a b" inside a policy into "a+b" or makes the JSON malformed.
form_body() {
  "$PY" -c '
import sys, urllib.parse
print("&".join(urllib.parse.quote(n, safe="") + "=" + urllib.parse.quote(v, safe="")
               for n, v in (a.split("=", 1) for a in sys.argv[1:])), end="")' "$@"
}

# ---------------------------------------------------------------------------------------------
# packages

missing_packages() {
  local p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

cmd_install() {
  local missing
  missing="$(missing_packages | tr '\n' ' ')"
  if [[ -z "${missing// /}" ]]; then
    log "packages present: ${PACKAGES[*]}"
    return 0
  fi
  [[ $EUID -eq 0 ]] || die "installing $missing needs root"
  local t0; t0=$(now_ms)
  log "installing: $missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086  # word splitting of the package list is intended
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
  log "installed in $(( ($(now_ms) - t0) / 1000 )) s"
}

# ---------------------------------------------------------------------------------------------
# daemons

# The daemons fork and write their own pid files (ceph.conf names them); scripts/lib/daemon.sh reads them.
pid_file() { echo "$STATE/run/$1.pid"; }

# The pid of daemon $1 (mon.a, osd.0, client.rgw.local) when it is alive.
ceph_pid() { daemon_pid "$(pid_file "$1")"; }

rgw_answers() { curl -s -o /dev/null --max-time 2 "$ENDPOINT/"; }

healthy() {
  ceph_pid mon.a >/dev/null && ceph_pid osd.0 >/dev/null && ceph_pid "$RGW_NAME" >/dev/null && rgw_answers
}

# On failure: show what the daemons said last, so nobody has to go looking.
show_log_tails() {
  local f
  for f in "$STATE"/log/*.log; do
    [[ -s "$f" ]] || continue
    printf '\n----- %s (last 15 lines) -----\n' "$f" >&2
    tail -n 15 "$f" >&2
  done
}

fail() {
  log "ERROR: $*"
  show_log_tails
  log "ERROR: $* (daemons still running are left for a look; scripts/local-aws.sh stop cleans up)"
  exit 1
}

# The daemons below are started with "9>&-": they must not inherit the lock (see take_lock), or
# they would hold it for as long as they run.

render_conf() {
  mkdir -p "$STATE"/{run,log,data,crash}
  sed -e "s|@STATE@|$STATE|g" -e "s|@FSID@|$FSID|g" \
      -e "s|@MON_PORT@|$MON_PORT|g" -e "s|@RGW_PORT@|$RGW_PORT|g" \
      "$HELPERS/ceph.conf.in" > "$CONF"
  # The monitor's mkfs wants a keyring even with cephx off.
  ceph-authtool --create-keyring "$STATE/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
}

start_mon() {
  monmaptool --create --clobber --fsid "$FSID" --addv a "[v2:127.0.0.1:$MON_PORT]" "$STATE/monmap" >/dev/null
  mkdir -p "$STATE/data/mon-a"
  ceph-mon -c "$CONF" -i a --mkfs --monmap "$STATE/monmap" --keyring "$STATE/keyring" >>"$LAUNCH_LOG" 2>&1 \
    || fail "ceph-mon --mkfs failed"
  ceph-mon -c "$CONF" -i a >>"$LAUNCH_LOG" 2>&1 9>&- || fail "ceph-mon did not start"
  # The monitor has quorum (it is alone) once it answers.
  ceph_cli mon stat >/dev/null 2>&1 || fail "the monitor does not answer on port $MON_PORT"
}

start_osd() {
  local id
  id="$(ceph_cli osd new "$OSD_UUID" 2>/dev/null)" || fail "ceph osd new failed"
  [[ "$id" == 0 ]] || fail "expected OSD id 0, got '$id'"
  mkdir -p "$STATE/data/osd-0"
  ceph-osd -c "$CONF" -i 0 --mkfs --osd-uuid "$OSD_UUID" >>"$LAUNCH_LOG" 2>&1 \
    || fail "ceph-osd --mkfs failed"
  ceph-osd -c "$CONF" -i 0 >>"$LAUNCH_LOG" 2>&1 9>&- || fail "ceph-osd did not start"
}

start_rgw() {
  mkdir -p "$STATE/data/rgw-local"
  radosgw -c "$CONF" -n "$RGW_NAME" >>"$LAUNCH_LOG" 2>&1 9>&- || fail "radosgw did not start"
  # radosgw creates its pools on first start; the port opens once they exist.
  daemon_wait radosgw "$(pid_file "$RGW_NAME")" "$STATE/log/$RGW_NAME.log" 60 rgw_answers \
    || fail "radosgw did not answer on $ENDPOINT"
}

# Stops daemon $1 by its pid file and waits until the process is gone (Ceph daemons may take a while to flush).
stop_daemon() {
  daemon_stop "$1" "$(pid_file "$1")" 15 >/dev/null || die "could not stop $1"
}

stop_all() {
  # Clients first: radosgw, then the OSD, then the monitor they talk to.
  stop_daemon "$RGW_NAME"
  stop_daemon osd.0
  stop_daemon mon.a
}

# ---------------------------------------------------------------------------------------------
# provisioning (idempotent: safe to rerun against a running endpoint)

ensure_user() {
  local uid="$1" ak="$2" sk="$3" name="$4"
  [[ ${#ak} -eq 20 && ${#sk} -eq 40 ]] || die "bad fixed keys for $uid"
  if rgw_admin user info --uid "$uid" >/dev/null 2>&1; then
    # Rewrites the key pair if someone changed it; a no-op otherwise.
    rgw_admin key create --uid "$uid" --key-type s3 --access-key "$ak" --secret-key "$sk" >/dev/null
  else
    rgw_admin user create --uid "$uid" --display-name "$name" --access-key "$ak" --secret-key "$sk" >/dev/null \
      || fail "could not create user $uid"
  fi
}

provision_users() {
  ensure_user "$BROKER_UID" "$BROKER_AK" "$BROKER_SK" "FileBridge broker"
  ensure_user "$OTHER_UID" "$OTHER_AK" "$OTHER_SK" "Someone not trusted by the role"
  ensure_user "$ADMIN_UID" "$ADMIN_AK" "$ADMIN_SK" "FileBridge local admin"
  # roles=* lets the admin manage roles over the IAM API (CreateRole), oidc-provider=* OIDC providers.
  rgw_admin caps add --uid "$ADMIN_UID" --caps "roles=*;oidc-provider=*" >/dev/null
}

# Registers the local issuer as an IAM OpenID Connect provider for the broker's audience. RGW fetches
# discovery and keys at each AssumeRoleWithWebIdentity, so the issuer may start later.
provision_oidc_provider() {
  local out code
  out="$(aws_curl iam "$ADMIN_AK" "$ADMIN_SK" -w '\n%{http_code}' "$ENDPOINT/" --data-binary "$(form_body \
    Action=CreateOpenIDConnectProvider Version=2010-05-08 "Url=$OIDC_ISSUER" \
    "ClientIDList.member.1=$OIDC_AUDIENCE" "ThumbprintList.member.1=$OIDC_THUMBPRINT")" || true)"
  code="${out##*$'\n'}"
  [[ "$code" == 200 || "$out" == *EntityAlreadyExists* ]] || fail "CreateOpenIDConnectProvider answered: $out"
}

# The reader role's trust locally: the broker user (AccessKey mode) AND the local issuer's identity
# (WebIdentity mode), so that one endpoint serves the tests of both modes. On AWS the template trusts one.
reader_trust_policy() {
  local access_key web_identity
  access_key="$(render_policy "$POLICIES/role-trust-policy.json" "BrokerUserArn=arn:aws:iam:::user/$BROKER_UID")"
  web_identity="$(render_policy "$POLICIES/role-trust-policy-web-identity.json" \
    "OidcProviderArn=$OIDC_PROVIDER_ARN" "OidcProvider=$OIDC_PROVIDER" \
    "Audience=$OIDC_AUDIENCE" "Subject=$OIDC_SUBJECT")"
  "$PY" -c '
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
a["Statement"] += b["Statement"]
print(json.dumps(a, separators=(",", ":")))' "$access_key" "$web_identity"
}

# provision_role NAME BUCKET: a reader role for one bucket, trusted like the first.
provision_role() {
  local ROLE_NAME="${1:-$ROLE_NAME}" bucket="${2:-$BUCKET}"
  local trust permissions
  trust="$(reader_trust_policy)"
  permissions="$(render_policy "$POLICIES/role-permissions-policy.json" "BucketName=$bucket")"

  if rgw_admin role get --role-name "$ROLE_NAME" >/dev/null 2>&1; then
    rgw_admin role modify --role-name "$ROLE_NAME" --assume-role-policy-doc "$trust" >/dev/null \
      || fail "could not update the trust policy of $ROLE_NAME"
  else
    # IAM CreateRole rather than `radosgw-admin role create`: only the API sets MaxSessionDuration.
    local out
    out="$(aws_curl iam "$ADMIN_AK" "$ADMIN_SK" -w '\n%{http_code}' "$ENDPOINT/" --data-binary "$(form_body \
      Action=CreateRole Version=2010-05-08 "RoleName=$ROLE_NAME" Path=/ \
      "MaxSessionDuration=$ROLE_MAX_SESSION" "AssumeRolePolicyDocument=$trust")" || true)"
    [[ "${out##*$'\n'}" == 200 ]] || fail "CreateRole answered: $out"
  fi
  rgw_admin role-policy put --role-name "$ROLE_NAME" --policy-name "$ROLE_POLICY_NAME" \
    --policy-doc "$permissions" >/dev/null || fail "could not put the permission policy"
}

# Number of objects the bucket holds now (0 when it does not exist).
bucket_object_count() {
  rgw_admin bucket stats --bucket "$BUCKET" 2>/dev/null | "$PY" -c '
import json, sys
try:
    print(json.load(sys.stdin)["usage"].get("rgw.main", {}).get("num_objects", 0))
except Exception:
    print(0)'
}

# Uploads the seed tree: one curl process, many transfers in parallel over kept-alive connections.
upload_seed() {
  local seed="$STATE/seed" manifest="$STATE/seed.manifest" config="$STATE/seed.curl"
  rm -rf "$seed"; mkdir -p "$seed"
  "$PY" "$HELPERS/seed-tree.py" "$seed" "$manifest"
  EXPECTED_OBJECTS="$(wc -l < "$manifest")"

  # Bucket owned by the admin user: the role (same, empty tenant) may read it through its policy.
  local code
  code="$(aws_curl s3 "$ADMIN_AK" "$ADMIN_SK" -o /dev/null -w '%{http_code}' -X PUT "$ENDPOINT/$BUCKET" || true)"
  [[ "$code" == 200 ]] || fail "CreateBucket $BUCKET answered $code"

  local count; count="$(bucket_object_count)"
  if [[ "$count" == "$EXPECTED_OBJECTS" ]]; then
    log "bucket $BUCKET already holds its $count objects"
    return 0
  fi

  local key path
  : > "$config"
  while IFS=$'\t' read -r key path; do
    printf 'url = "%s/%s/%s"\nupload-file = "%s"\noutput = "/dev/null"\n' \
      "$ENDPOINT" "$BUCKET" "$key" "$path" >> "$config"
  done < "$manifest"

  local t0; t0=$(now_ms)
  local codes
  # 32 transfers at a time measured fastest here (serial: about 7.5 s). A failed transfer is
  # caught by the object count below, which also reports the status codes seen.
  codes="$( (aws_curl s3 "$ADMIN_AK" "$ADMIN_SK" --no-progress-meter --parallel --parallel-max 32 \
    -w '%{http_code}\n' -K "$config" || true) | sort | uniq -c | tr -s ' \n' ' ')"
  count="$(bucket_object_count)"
  [[ "$count" == "$EXPECTED_OBJECTS" ]] \
    || fail "upload left $count of $EXPECTED_OBJECTS objects; status codes: $codes"
  log "uploaded $count objects in $(( $(now_ms) - t0 )) ms"
}

# The second location's small tree (scripts/local-aws/seed-logs.py), each object with its stored Content-Type.
upload_logs_seed() {
  local seed="$STATE/seed-logs" manifest="$STATE/seed-logs.manifest"
  rm -rf "$seed"; mkdir -p "$seed"
  "$PY" "$HELPERS/seed-logs.py" "$seed" "$manifest"
  LOGS_OBJECTS="$(wc -l < "$manifest")"
  local code
  code="$(aws_curl s3 "$ADMIN_AK" "$ADMIN_SK" -o /dev/null -w '%{http_code}' -X PUT "$ENDPOINT/$LOGS_BUCKET" || true)"
  [[ "$code" == 200 ]] || fail "CreateBucket $LOGS_BUCKET answered $code"
  local key path type
  # One curl per object: its Content-Type header must not reach the other transfers (few objects, so cheap).
  local failed=0
  while IFS=$'\t' read -r key path type; do
    code="$(aws_curl s3 "$ADMIN_AK" "$ADMIN_SK" -o /dev/null -w '%{http_code}' -H "Content-Type: $type" \
      -T "$path" "$ENDPOINT/$LOGS_BUCKET/$key" || true)"
    [[ "$code" == 200 ]] || failed=$((failed + 1))
  done < "$manifest"
  (( failed == 0 )) || fail "$failed uploads to $LOGS_BUCKET failed"
  log "bucket $LOGS_BUCKET holds its $LOGS_OBJECTS seed objects"
}

write_env() {
  mkdir -p "$(dirname "$ENV_FILE")"
  cat > "$ENV_FILE" <<EOF
# Written by scripts/local-aws.sh start; source it: . .local/aws.env
export Aws__ServiceUrl=$ENDPOINT
export Aws__Region=$REGION
export Aws__AccessKeyId=$BROKER_AK
export Aws__SecretAccessKey=$BROKER_SK
export Aws__RoleArn=$ROLE_ARN
export Files__Bucket=$BUCKET
export FILEBRIDGE_TEST_LOGS_BUCKET=$LOGS_BUCKET
export FILEBRIDGE_TEST_LOGS_ROLE_ARN=$LOGS_ROLE_ARN
export FILEBRIDGE_TEST_OTHER_ACCESS_KEY_ID=$OTHER_AK
export FILEBRIDGE_TEST_OTHER_SECRET_ACCESS_KEY=$OTHER_SK
export FILEBRIDGE_TEST_ADMIN_ACCESS_KEY_ID=$ADMIN_AK
export FILEBRIDGE_TEST_ADMIN_SECRET_ACCESS_KEY=$ADMIN_SK
export FILEBRIDGE_TEST_BUCKET_OBJECT_COUNT=$EXPECTED_OBJECTS
# Keyless mode: the OIDC provider this endpoint trusts (the issuer itself: scripts/oidc-issuer.sh).
export FILEBRIDGE_TEST_OIDC_PROVIDER_ARN=$OIDC_PROVIDER_ARN
EOF
}

provision() {
  provision_users
  provision_oidc_provider
  provision_role
  provision_role "$LOGS_ROLE_NAME" "$LOGS_BUCKET"
  upload_seed
  upload_logs_seed
  write_env
}

summary() {
  cat <<EOF
Local AWS endpoint (Ceph RADOS Gateway) is up.
  S3 / STS / IAM : $ENDPOINT  (region $REGION, path-style)
  broker user    : $BROKER_UID ($BROKER_AK)
  role           : $ROLE_ARN (trusts the broker user and $OIDC_ISSUER for $OIDC_AUDIENCE)
  bucket         : $BUCKET ($EXPECTED_OBJECTS objects)
  second location: $LOGS_BUCKET read through $LOGS_ROLE_ARN
  settings       : $ENV_FILE   (. $ENV_FILE)
  logs           : $STATE/log/
EOF
}

# ---------------------------------------------------------------------------------------------
# commands

cmd_start() {
  local t0; t0=$(now_ms)
  cmd_install
  if healthy; then
    log "already running; provisioning again"
    provision
    summary
    return 0
  fi

  # Whatever is left from an earlier run is useless: memstore lost the data with the process.
  stop_all
  rm -rf "$STATE"
  port_open "$RGW_PORT" && die "port $RGW_PORT is taken by another process (set FILEBRIDGE_RGW_PORT)"
  port_open "$MON_PORT" && die "port $MON_PORT is taken by another process (set FILEBRIDGE_MON_PORT)"

  render_conf
  start_mon
  start_osd
  start_rgw
  log "daemons up in $(( $(now_ms) - t0 )) ms"
  provision
  log "started and provisioned in $(( $(now_ms) - t0 )) ms"
  summary
}

cmd_stop() {
  stop_all
  rm -rf "$STATE"
  rm -f "$ENV_FILE"
  log "stopped"
}

cmd_status() {
  local d pid
  for d in mon.a osd.0 "$RGW_NAME"; do
    if pid="$(ceph_pid "$d")"; then echo "$d: running (pid $pid)"; else echo "$d: not running"; fi
  done
  if healthy; then
    echo "endpoint $ENDPOINT answers; bucket $BUCKET holds $(bucket_object_count) objects"
  else
    echo "endpoint $ENDPOINT is not healthy"
    return 1
  fi
}

# start, stop and install change shared state: one at a time, even from several shells or test
# runs working in the same checkout.
take_lock() {
  mkdir -p "$LOCAL_DIR"
  exec 9>"$LOCAL_DIR/ceph.lock"
  flock -w 300 9 || die "another local-aws.sh start/stop held the lock for 5 minutes"
}

case "${1:-}" in
  install) take_lock; cmd_install ;;
  start) take_lock; cmd_start ;;
  stop) take_lock; cmd_stop ;;
  status) cmd_status ;;
  selftest)
    # shellcheck source=scripts/local-aws/selftest.sh
    . "$HELPERS/selftest.sh"
    cmd_selftest
    ;;
  *) echo "usage: $0 install|start|stop|status|selftest" >&2; exit 2 ;;
esac
