#!/usr/bin/env bash
# azd postprovision hook: keyless mode needs the AWS role to trust this deployment's managed identity, which
# exists only now. Prints the one CloudFormation update that wires it (the Azure side's outputs into the AWS
# stack) and runs it when AWS_UPDATE_STACK=1.
set -euo pipefail

env_name="${AZURE_ENV_NAME:?azd sets AZURE_ENV_NAME}"
stack="${AWS_STACK_NAME:-filebridge-$env_name}"
source_mode="${AWS_CREDENTIAL_SOURCE:-WebIdentity}"
if [[ "$source_mode" != WebIdentity ]]; then
  echo "postprovision: AccessKey mode: put the broker user's key in Key Vault ${KEY_VAULT_NAME:-} (README, Operating FileBridge: rotate)."
  exit 0
fi

command=(aws cloudformation deploy --stack-name "$stack"
  --template-file infra-bicep/aws/filebridge-aws.yaml --capabilities CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset
  --parameter-overrides "EnvironmentName=$env_name" "EntraTenantId=${AZURE_TENANT_ID:?}"
  "ManagedIdentityPrincipalId=${MANAGED_IDENTITY_PRINCIPAL_ID:?}" "WebIdentityAudience=${AWS_WEB_IDENTITY_AUDIENCE:?}"
  "BucketName=${FILES_BUCKET:?}")
if [[ "${AWS_UPDATE_STACK:-0}" == 1 ]]; then
  "${command[@]}"
else
  echo "postprovision: to let this deployment's identity assume the role, run (or azd env set AWS_UPDATE_STACK 1):"
  printf ' %q' "${command[@]}"
  echo
fi
