# shellcheck shell=bash
# Self-test of the local endpoint: sourced by scripts/local-aws.sh (uses its settings and helpers).
# Proves what the integration tests rely on: the trust policy, the read-only role policy and an
# inline session policy are all enforced, over plain SigV4 HTTP, without the AWS SDK in the way.

SELFTEST_FAILURES=0

# check NAME EXPECTED ACTUAL [DETAIL]
check() {
  if [[ "$2" == "$3" ]]; then
    printf '  ok    %-62s %s\n' "$1" "$3"
  else
    printf '  FAIL  %-62s expected %s, got %s %s\n' "$1" "$2" "$3" "${4:-}"
    SELFTEST_FAILURES=$((SELFTEST_FAILURES + 1))
  fi
}

# AssumeRole as AK/SK; extra "name=value" form fields may follow (e.g. a session Policy).
# Prints the response body, then the HTTP status on the last line.
assume_role() {
  local ak="$1" sk="$2"
  shift 2
  aws_curl sts "$ak" "$sk" -w '\n%{http_code}' "$ENDPOINT/" --data-binary "$(form_body \
    Action=AssumeRole Version=2011-06-15 "RoleArn=$ROLE_ARN" RoleSessionName=selftest "$@")"
}

# Sets TMP_AK, TMP_SK, TMP_TOKEN from an AssumeRole response.
take_credentials() {
  TMP_AK="$(xml_value AccessKeyId <<<"$1")"
  TMP_SK="$(xml_value SecretAccessKey <<<"$1")"
  TMP_TOKEN="$(xml_value SessionToken <<<"$1")"
}

# An S3 request with the temporary credentials; prints the body, then the status on the last line.
# Usage: s3_temp METHOD PATH_AND_QUERY [curl args...]
s3_temp() {
  local method="$1" path="$2"
  shift 2
  aws_curl s3 "$TMP_AK" "$TMP_SK" -H "x-amz-security-token: $TMP_TOKEN" -X "$method" \
    -w '\n%{http_code}' "$ENDPOINT$path" "$@"
}

urlencode() { "$PY" -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

# ListObjectsV2 with the "/" delimiter under prefix $1, continuing from token $2 (optional).
# The query is written already in SigV4's canonical form (names sorted, values percent-encoded)
# because this curl signs the query string exactly as given.
s3_list() {
  local query=""
  [[ -n "${2:-}" ]] && query+="continuation-token=$(urlencode "$2")&"
  query+="delimiter=%2F&list-type=2"
  [[ -n "$1" ]] && query+="&prefix=$(urlencode "$1")"
  s3_temp GET "/$BUCKET?$query"
}

status_of() { tail -n 1 <<<"$1"; }
body_of() { sed '$d' <<<"$1"; }
error_code_of() { body_of "$1" | xml_value Code; }

selftest_broker_role() {
  echo "Broker assumes the role; the role reads but never writes:"
  local r
  r="$(assume_role "$BROKER_AK" "$BROKER_SK" DurationSeconds=900)"
  check "broker AssumeRole (900 s)" 200 "$(status_of "$r")" "$(error_code_of "$r")"
  take_credentials "$(body_of "$r")"
  [[ -n "$TMP_TOKEN" ]] || { check "AssumeRole returned a session token" yes no; return; }

  r="$(s3_list "")"
  check "ListObjectsV2 root with delimiter" 200 "$(status_of "$r")" "$(error_code_of "$r")"
  local body; body="$(body_of "$r")"
  check "  root lists folder projects/" yes "$(grep -q '<Prefix>projects/</Prefix>' <<<"$body" && echo yes || echo no)"
  check "  root lists file README.txt" yes "$(grep -q '<Key>README.txt</Key>' <<<"$body" && echo yes || echo no)"

  r="$(s3_list archive/2024/)"
  body="$(body_of "$r")"
  check "ListObjectsV2 archive/2024/ first page: KeyCount" 1000 "$(xml_value KeyCount <<<"$body")"
  check "  IsTruncated" true "$(xml_value IsTruncated <<<"$body")"
  local token; token="$(xml_value NextContinuationToken <<<"$body")"
  r="$(s3_list archive/2024/ "$token")"
  body="$(body_of "$r")"
  check "  second page: KeyCount" 200 "$(xml_value KeyCount <<<"$body")"
  check "  second page: IsTruncated" false "$(xml_value IsTruncated <<<"$body")"

  r="$(s3_temp GET "/$BUCKET/archive/2024/log-0042.txt")"
  check "GetObject archive/2024/log-0042.txt" 200 "$(status_of "$r")"
  check "  content is the key name" "archive/2024/log-0042.txt" "$(body_of "$r")"
  r="$(s3_temp GET "/$BUCKET/shared/R%C3%A9sum%C3%A9%20draft.txt")"
  check "GetObject key with a space and non-ASCII letters" 200 "$(status_of "$r")"

  r="$(s3_temp PUT "/$BUCKET/selftest.txt" --data-binary 'should not land')"
  check "PutObject with role credentials" "403 AccessDenied" "$(status_of "$r") $(error_code_of "$r")"
  r="$(s3_temp DELETE "/$BUCKET/README.txt")"
  check "DeleteObject with role credentials" "403 AccessDenied" "$(status_of "$r") $(error_code_of "$r")"
  r="$(s3_temp GET "/")"
  check "ListBuckets with role credentials" "403 AccessDenied" "$(status_of "$r") $(error_code_of "$r")"
}

selftest_trust() {
  echo "Only the broker may assume the role, within its session limits:"
  local r
  r="$(assume_role "$OTHER_AK" "$OTHER_SK")"
  check "other user AssumeRole" "403 AccessDenied" "$(status_of "$r") $(error_code_of "$r")"
  r="$(assume_role "$BROKER_AK" "${BROKER_SK%?}x")"
  check "broker with a wrong secret" 403 "$(status_of "$r")"
  r="$(assume_role "$BROKER_AK" "$BROKER_SK" DurationSeconds="$ROLE_MAX_SESSION")"
  check "broker AssumeRole for MaxSessionDuration ($ROLE_MAX_SESSION s)" 200 "$(status_of "$r")" "$(error_code_of "$r")"
  r="$(assume_role "$BROKER_AK" "$BROKER_SK" DurationSeconds=$((ROLE_MAX_SESSION + 1)))"
  check "broker AssumeRole beyond MaxSessionDuration" 400 "$(status_of "$r")" "$(error_code_of "$r")"
}

selftest_session_policy() {
  echo "An inline session policy for home/alice/ narrows the role:"
  local policy r
  policy='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::'"$BUCKET"'","Condition":{"StringLike":{"s3:prefix":["home/alice/","home/alice/*"]}}},{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::'"$BUCKET"'/home/alice/*"}]}'
  r="$(assume_role "$BROKER_AK" "$BROKER_SK" DurationSeconds=900 "Policy=$policy")"
  check "broker AssumeRole with session policy" 200 "$(status_of "$r")" "$(error_code_of "$r")"
  take_credentials "$(body_of "$r")"

  r="$(s3_list home/alice/)"
  check "list home/alice/" 200 "$(status_of "$r")" "$(error_code_of "$r")"
  check "  it lists home/alice/todo.txt" yes \
    "$(grep -q '<Key>home/alice/todo.txt</Key>' <<<"$(body_of "$r")" && echo yes || echo no)"
  r="$(s3_list "")"
  check "list root" "403 AccessDenied" "$(status_of "$r") $(error_code_of "$r")"
  r="$(s3_list projects/)"
  check "list projects/" "403 AccessDenied" "$(status_of "$r") $(error_code_of "$r")"
  r="$(s3_list home/bob/)"
  check "list home/bob/" "403 AccessDenied" "$(status_of "$r") $(error_code_of "$r")"
  r="$(s3_temp GET "/$BUCKET/home/alice/todo.txt")"
  check "GetObject home/alice/todo.txt" 200 "$(status_of "$r")"
  r="$(s3_temp GET "/$BUCKET/home/bob/todo.txt")"
  check "GetObject home/bob/todo.txt" "403 AccessDenied" "$(status_of "$r") $(error_code_of "$r")"
  r="$(s3_temp GET "/$BUCKET/README.txt")"
  check "GetObject README.txt" "403 AccessDenied" "$(status_of "$r") $(error_code_of "$r")"
}

cmd_selftest() {
  healthy || die "the endpoint is not running: scripts/local-aws.sh start"
  local t0; t0=$(now_ms)
  selftest_broker_role
  selftest_trust
  selftest_session_policy
  echo "selftest: $SELFTEST_FAILURES failure(s) in $(( $(now_ms) - t0 )) ms"
  [[ $SELFTEST_FAILURES -eq 0 ]]
}
