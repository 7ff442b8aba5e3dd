#!/usr/bin/env bash
# azd preprovision hook: checks the tools and rights `azd up` needs, then reads the AWS stack's outputs
# (AWS_STACK_NAME, default filebridge-<env>) into the azd environment, where infra-bicep/azd/main.parameters.json
# picks them up. Fails with a message naming what is missing instead of a half-done deployment.
set -euo pipefail

fail() { echo "preprovision: $*" >&2; exit 1; }

for tool in az aws azd curl python3; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (see README, Operating FileBridge: prerequisites)."
done
az account show --output none 2>/dev/null || fail "not signed in to Azure: run az login."
aws sts get-caller-identity --output text >/dev/null 2>&1 || fail "no AWS credentials: run aws configure or aws sso login."

env_name="${AZURE_ENV_NAME:?azd sets AZURE_ENV_NAME}"
[[ -n "${AZURE_RESOURCE_GROUP:-}" ]] || fail "set the resource group first: azd env set AZURE_RESOURCE_GROUP <name> (main.bicep deploys into one)."

# Creating role assignments needs Owner or User Access Administrator on the resource group (or above).
me="$(az ad signed-in-user show --query id --output tsv 2>/dev/null || true)"
if [[ -n "$me" ]]; then
  roles="$(az role assignment list --assignee "$me" --include-inherited --include-groups --query '[].roleDefinitionName' --output tsv 2>/dev/null || true)"
  grep -qE '^(Owner|User Access Administrator|Role Based Access Control Administrator)$' <<<"$roles" \
    || fail "your account needs Owner, User Access Administrator or Role Based Access Control Administrator to create the app's role assignments."
fi

stack="${AWS_STACK_NAME:-filebridge-$env_name}"
outputs="$(aws cloudformation describe-stacks --stack-name "$stack" --query 'Stacks[0].Outputs' --output json 2>/dev/null)" \
  || fail "AWS stack $stack not found: deploy infra-bicep/aws/filebridge-aws.yaml first (or azd env set AWS_STACK_NAME)."

output() { python3 -c 'import json, sys; print(next((o["OutputValue"] for o in json.load(sys.stdin) if o["OutputKey"] == sys.argv[1]), ""))' "$1" <<<"$outputs"; }

for pair in AWS_ROLE_ARN:RoleArn FILES_BUCKET:BucketName AWS_REGION:Region AWS_CREDENTIAL_SOURCE:CredentialSource AWS_WEB_IDENTITY_AUDIENCE:WebIdentityAudience; do
  name="${pair%%:*}"
  value="$(output "${pair#*:}")"
  if [[ -n "$value" ]]; then
    azd env set "$name" "$value" >/dev/null
    echo "preprovision: $name from stack $stack"
  fi
done
for required in AWS_ROLE_ARN FILES_BUCKET AWS_REGION; do
  [[ -n "$(azd env get-value "$required" 2>/dev/null || true)" ]] || fail "$required is empty: the AWS stack has no such output."
done
