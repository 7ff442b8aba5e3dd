#!/usr/bin/env bash
# azd postprovision hook: the Azure side exists now, so (keyless mode) the AWS role's trust is pointed at this
# deployment's managed identity, the sign-in keys are made in the Key Vault when they are not there yet, and the operator role of the person running azd is confirmed with the command
# that creates the first user. Updating the stack with the same identity again changes nothing.
set -euo pipefail

say() { echo "postprovision: $*"; }
fail() { echo "postprovision: $*" >&2; exit 1; }

stack="${AWS_STACK_NAME:?preprovision sets AWS_STACK_NAME}"
if [[ "${AWS_CREDENTIAL_SOURCE:-WebIdentity}" == WebIdentity ]]; then
  identity="${MANAGED_IDENTITY_PRINCIPAL_ID:?the deployment has no MANAGED_IDENTITY_PRINCIPAL_ID output}"
  say "AWS: the role of stack $stack now trusts managed identity $identity"
  # Every other parameter keeps the stack's value.
  aws cloudformation deploy --region "${AWS_REGION:?}" --stack-name "$stack" \
    --template-file infra-bicep/aws/filebridge-aws.yaml --capabilities CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset \
    --parameter-overrides "ManagedIdentityPrincipalId=$identity"
else
  say "AccessKey mode: put the broker user's key in Key Vault ${KEY_VAULT_NAME:-} and set AWS_BROKER_ACCESS_KEY_ID (README, Operating FileBridge: rotate)."
fi

# The sign-in keys live only in the vault; made once, before the app is first published (the deploy step follows).
bash scripts/login-keys.sh "${KEY_VAULT_NAME:?the deployment has no KEY_VAULT_NAME output}"

operator="${AZURE_PRINCIPAL_ID:-}"
if [[ -n "$operator" ]]; then
  role="$(az role assignment list --assignee "$operator" --scope "${STORAGE_ACCOUNT_ID:?}" \
    --role 'Storage Table Data Contributor' --query '[0].id' --output tsv 2>/dev/null || true)"
  [[ -n "$role" ]] || fail "$operator has no Storage Table Data Contributor role on ${STORAGE_ACCOUNT_ID}: the provision did not grant the operator role."
  say "operator: $operator may run filebridge-admin (Storage Table Data Contributor on the tables; a new role can take a few minutes). The first user:"
  say "  Users__ServiceUri=${USERS_SERVICE_URI:-} filebridge-admin users add <name> --display-name \"<Name>\""
fi
