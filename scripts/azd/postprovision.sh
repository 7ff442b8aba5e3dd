#!/usr/bin/env bash
# azd postprovision hook: the Azure side exists now, so (keyless mode) the AWS role's trust is pointed at this
# deployment's managed identity, the sign-in keys are made in the Key Vault when they are not there yet, in AccessKey
# mode the broker user's first access key is made straight into the vault, and the operator role of the person running
# azd is confirmed with the command that creates the first user. Run again, it changes nothing.
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
fi

# The sign-in keys live only in the vault; made once, before the app is first published (the deploy step follows).
vault="${KEY_VAULT_NAME:?the deployment has no KEY_VAULT_NAME output}"
bash scripts/login-keys.sh "$vault"

# AccessKey mode: the broker user exists since preprovision and the vault since the provision, so its first key is made
# here, once. The secret goes from aws into the vault through a file only this user can read: never onto a command
# line, into the output or the azd environment. Setting Aws__AccessKeyId restarts the app, which then resolves the
# vault reference; the next provision writes the same id from AWS_BROKER_ACCESS_KEY_ID.
if [[ "${AWS_CREDENTIAL_SOURCE:-WebIdentity}" == AccessKey ]]; then
  key_id="${AWS_BROKER_ACCESS_KEY_ID:-}"
  # login-keys.sh has just listed this vault successfully, so the role has arrived: a failed listing is an error.
  stored="$(az keyvault secret list --vault-name "$vault" --query "[?name=='aws-secret-access-key'].name" --output tsv)"
  if [[ -n "$key_id" && -n "$stored" ]]; then
    say "AccessKey mode: the broker's key $key_id, its secret in Key Vault $vault: kept"
  elif [[ -z "$key_id" && -z "$stored" ]]; then
    user="$(aws cloudformation describe-stacks --region "${AWS_REGION:?}" --stack-name "$stack" \
      --query "Stacks[0].Outputs[?OutputKey=='BrokerUserName'].OutputValue" --output text)"
    [[ -n "$user" && "$user" != None ]] || fail "the AWS stack $stack has no BrokerUserName output: was it deployed with CredentialSource=AccessKey?"
    umask 077
    secret_file="$(mktemp)"
    trap 'rm -f "$secret_file"' EXIT
    read -r key_id secret < <(aws iam create-access-key --user-name "$user" \
      --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text)
    [[ -n "$key_id" && -n "${secret:-}" ]] || fail "could not make an access key for $user (aws iam create-access-key; a user holds at most two)."
    printf '%s' "$secret" >"$secret_file"
    unset secret
    az keyvault secret set --vault-name "$vault" --name aws-secret-access-key --file "$secret_file" --encoding utf-8 \
      --content-type "FileBridge broker's AWS secret access key" --output none \
      || fail "could not write aws-secret-access-key into $vault; delete the new key $key_id (aws iam delete-access-key --user-name $user --access-key-id $key_id) and run azd provision again."
    : >"$secret_file"
    azd env set AWS_BROKER_ACCESS_KEY_ID "$key_id" >/dev/null
    az functionapp config appsettings set --resource-group "${AZURE_RESOURCE_GROUP:?}" --name "${FUNCTION_APP_NAME:?}" \
      --settings "Aws__AccessKeyId=$key_id" --output none
    say "AccessKey mode: made the broker user $user's access key $key_id; its secret is only in Key Vault $vault"
  else
    fail "AccessKey mode: AWS_BROKER_ACCESS_KEY_ID ${key_id:-(not set)} and the vault's aws-secret-access-key ${stored:-(missing)} must come together: give the key id of the secret in $vault, or make a new key as in README, Operating FileBridge: Rotate."
  fi
fi

operator="${AZURE_PRINCIPAL_ID:-}"
if [[ -n "$operator" ]]; then
  role="$(az role assignment list --assignee "$operator" --scope "${STORAGE_ACCOUNT_ID:?}" \
    --role 'Storage Table Data Contributor' --query '[0].id' --output tsv 2>/dev/null || true)"
  [[ -n "$role" ]] || fail "$operator has no Storage Table Data Contributor role on ${STORAGE_ACCOUNT_ID}: the provision did not grant the operator role."
  say "operator: $operator may run filebridge-admin (Storage Table Data Contributor on the tables; a new role can take a few minutes). The first user:"
  say "  Users__ServiceUri=${USERS_SERVICE_URI:-} filebridge-admin users add <name> --display-name \"<Name>\""
fi
