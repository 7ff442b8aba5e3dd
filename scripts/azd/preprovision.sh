#!/usr/bin/env bash
# azd preprovision hook, the first step of `azd up`: checks the tools, the sign-ins and the rights; in keyless mode
# makes the token audience (an Entra ID app registration) when there is none yet; deploys or updates the AWS stack
# (AWS_STACK_NAME, default filebridge-<env>); and reads the stack's outputs into the azd environment, where
# infra-bicep/azd/main.parameters.json picks them up. Fails naming what is missing before anything is created.
# Runs again on every provision and changes nothing that is already right.
set -euo pipefail

fail() { echo "preprovision: $*" >&2; exit 1; }
say() { echo "preprovision: $*"; }
setting() { azd env set "$1" "$2" >/dev/null; }

for tool in az aws azd curl python3; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (README, Operating FileBridge: prerequisites and rights)."
done
az account show --output none 2>/dev/null || fail "not signed in to Azure: run az login (and azd auth login)."
aws sts get-caller-identity --output text >/dev/null 2>&1 || fail "no AWS credentials: run aws configure or aws sso login."

env_name="${AZURE_ENV_NAME:?azd sets AZURE_ENV_NAME}"
# The AWS stack's names allow lower case only.
aws_env="$(tr '[:upper:]' '[:lower:]' <<<"$env_name")"
[[ -n "${FILES_BUCKET:-}" ]] || fail "set the bucket people read: azd env set FILES_BUCKET <bucket name>."
[[ -n "${AWS_REGION:-}" ]] || fail "set the bucket's AWS region: azd env set AWS_REGION <region, e.g. eu-west-1>."
[[ -n "${ALERT_EMAIL_ADDRESS:-}" ]] || fail "set who receives the alerts: azd env set ALERT_EMAIL_ADDRESS <address>."
mode="${AWS_CREDENTIAL_SOURCE:-WebIdentity}"
[[ "$mode" == WebIdentity || "$mode" == AccessKey ]] || fail "AWS_CREDENTIAL_SOURCE must be WebIdentity or AccessKey."

subscription="$(az account show --query id --output tsv)"
tenant="$(az account show --query tenantId --output tsv)"
group="${AZURE_RESOURCE_GROUP:-rg-$env_name}"

# Role assignments need Owner, User Access Administrator or Role Based Access Control Administrator on the
# subscription (or a management group above it) or on the resource group itself.
me="${AZURE_PRINCIPAL_ID:-$(az ad signed-in-user show --query id --output tsv 2>/dev/null || true)}"
if [[ -n "$me" ]]; then
  scopes="$(az role assignment list --assignee "$me" --all --include-inherited --include-groups \
    --query "[?roleDefinitionName=='Owner' || roleDefinitionName=='User Access Administrator' || roleDefinitionName=='Role Based Access Control Administrator'].scope" \
    --output tsv 2>/dev/null || true)"
  allowed=0
  while IFS= read -r scope; do
    scope="$(tr '[:upper:]' '[:lower:]' <<<"$scope")"
    case "$scope" in
      "/subscriptions/${subscription,,}" | "/subscriptions/${subscription,,}/resourcegroups/${group,,}" | /providers/microsoft.management/managementgroups/*) allowed=1 ;;
    esac
  done <<<"$scopes"
  (( allowed )) || fail "your account needs Owner, User Access Administrator or Role Based Access Control Administrator on subscription $subscription or on resource group $group (the templates create role assignments)."
  say "rights: role assignments allowed for $me"
fi

audience="${AWS_WEB_IDENTITY_AUDIENCE:-}"
if [[ "$mode" == WebIdentity ]]; then
  if [[ -z "$audience" ]]; then
    # The audience is an app registration that names FileBridge; it needs no secret, no redirect URI, no permission.
    audience="$(az ad app create --display-name "filebridge-aws-$env_name" --query appId --output tsv)"
    az ad sp create --id "$audience" --output none
    setting AWS_WEB_IDENTITY_AUDIENCE "$audience"
    say "audience: created app registration filebridge-aws-$env_name ($audience)"
  fi
  # The AWS trust names the v1 issuer https://sts.windows.net/<tenant>/: the app registration must issue v1 tokens.
  version="$(az ad app show --id "$audience" --query api.requestedAccessTokenVersion --output tsv 2>/dev/null || true)"
  [[ -z "$version" || "$version" == 1 || "$version" == None || "$version" == null ]] \
    || fail "app registration $audience issues v$version tokens; the AWS trust expects v1 (issuer https://sts.windows.net/$tenant/): set api.requestedAccessTokenVersion to null."
fi

# Locations without their own roleArn are read through this stack's role: it must be allowed to read their buckets too.
extra_buckets="$(python3 - "$FILES_BUCKET" <<'PY'
import json, os, sys
try:
    locations = json.loads(os.environ.get("FILES_LOCATIONS") or "[]")
    assert isinstance(locations, list) and all(isinstance(l, dict) for l in locations)
except (ValueError, AssertionError):
    sys.exit("FILES_LOCATIONS must be a JSON array of {name, bucket, prefix?, roleArn?, region?}")
print(",".join(sorted({l.get("bucket", "") for l in locations if not l.get("roleArn")} - {sys.argv[1], ""})))
PY
)" || fail "azd env set FILES_LOCATIONS '[{\"name\":\"logs\",\"bucket\":\"my-logs\"}]' (README, Locations)."

stack="${AWS_STACK_NAME:-filebridge-$aws_env}"
overrides=("EnvironmentName=$aws_env" "BucketName=$FILES_BUCKET" "CredentialSource=$mode" "ExtraBucketNames=$extra_buckets")
if aws cloudformation describe-stacks --region "$AWS_REGION" --stack-name "$stack" --output none 2>/dev/null; then
  stack_exists=1
else
  stack_exists=0
fi
if [[ "$mode" == WebIdentity ]]; then
  overrides+=("EntraTenantId=$tenant" "WebIdentityAudience=$audience")
  if [[ -n "${MANAGED_IDENTITY_PRINCIPAL_ID:-}" ]]; then
    # A redeploy: keep trusting the identity that exists.
    overrides+=("ManagedIdentityPrincipalId=$MANAGED_IDENTITY_PRINCIPAL_ID")
  elif (( ! stack_exists )); then
    # The identity does not exist yet: the role trusts no one until postprovision names it.
    overrides+=("ManagedIdentityPrincipalId=00000000-0000-0000-0000-000000000000")
  fi
  if (( ! stack_exists )); then
    # One OpenID Connect provider per issuer per account: reuse the account's, adding this audience to it.
    provider="$(aws iam list-open-id-connect-providers --query 'OpenIDConnectProviderList[].Arn' --output text \
      | tr '\t' '\n' | grep -E "oidc-provider/sts\\.windows\\.net/$tenant/\$" || true)"
    if [[ -n "$provider" ]]; then
      if ! aws iam get-open-id-connect-provider --open-id-connect-provider-arn "$provider" --query ClientIDList --output text \
        | tr '\t' '\n' | grep -qxF "$audience"; then
        aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn "$provider" --client-id "$audience"
      fi
      overrides+=("ExistingOidcProviderArn=$provider")
      say "AWS: reusing the account's identity provider $provider"
    fi
  fi
fi
say "AWS: deploying stack $stack in $AWS_REGION"
aws cloudformation deploy --region "$AWS_REGION" --stack-name "$stack" \
  --template-file infra-bicep/aws/filebridge-aws.yaml --capabilities CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset \
  --parameter-overrides "${overrides[@]}"

outputs="$(aws cloudformation describe-stacks --region "$AWS_REGION" --stack-name "$stack" --query 'Stacks[0].Outputs' --output json)"
output() { python3 -c 'import json, sys; print(next((o["OutputValue"] for o in json.load(sys.stdin) or [] if o["OutputKey"] == sys.argv[1]), ""))' "$1" <<<"$outputs"; }
setting AWS_STACK_NAME "$stack"
for pair in AWS_ROLE_ARN:RoleArn AWS_CREDENTIAL_SOURCE:CredentialSource; do
  value="$(output "${pair#*:}")"
  [[ -n "$value" ]] || fail "the AWS stack $stack has no ${pair#*:} output."
  setting "${pair%%:*}" "$value"
done
say "AWS: role $(output RoleArn)${extra_buckets:+ (reads $FILES_BUCKET and $extra_buckets)}"

# Every mode keeps the sign-in keys (and AccessKey mode the AWS key) in a purge-protected vault; after azd down --purge
# it waits soft-deleted under its name for 90 days, and only recovering it lets this environment provision again.
# Recovered, it still holds the keys: people's authenticators and known browsers keep working.
recover=false
deleted="$(az keyvault list-deleted --resource-type vault \
  --query "[?properties.tags.\"azd-env-name\"=='$env_name'].name | [0]" --output tsv 2>/dev/null || true)"
if [[ -n "$deleted" ]]; then
  recover=true
  say "Azure: recovering this environment's soft-deleted Key Vault $deleted"
fi
setting KEY_VAULT_RECOVER "$recover"
