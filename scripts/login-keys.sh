#!/usr/bin/env bash
# Makes the two sign-in keys in a deployment's Key Vault, once: Login:SecretsKey (login-secrets-key, encrypts TOTP
# secrets) and Login:DeviceKey (login-device-key, MACs device cookies), each 32 random bytes in base64. The app's
# settings are Key Vault references to them (infra-bicep/modules/function-app.bicep).
#
#   scripts/login-keys.sh KEY_VAULT_NAME
#
# A key that exists is never replaced: a new Login:SecretsKey makes every enrolled authenticator unreadable, a new
# Login:DeviceKey forgets every known browser. Rotating one is a deliberate act (README, Operating FileBridge).
# The key never appears on a command line or in a log: it goes to az through a file only this user can read.
# The azd postprovision hook runs it; on the az path, run it after the deployment, before publishing the app.
set -euo pipefail

say() { echo "login-keys: $*"; }
fail() { echo "login-keys: $*" >&2; exit 1; }

vault="${1:?usage: scripts/login-keys.sh KEY_VAULT_NAME}"
secrets=(login-secrets-key login-device-key)
# A role assignment made in the same provision can take minutes to reach Key Vault: a refused listing is retried.
attempts="${LOGIN_KEYS_ATTEMPTS:-30}"
pause="${LOGIN_KEYS_PAUSE_SECONDS:-10}"

# Decided on a listing that succeeded, never on a failed read: "could not read" must not mean "make a new key".
existing=""
for ((attempt = 1; ; attempt++)); do
  if existing="$(az keyvault secret list --vault-name "$vault" --query '[].name' --output tsv 2>&1)"; then
    break
  fi
  (( attempt < attempts )) || fail "cannot list the secrets of Key Vault $vault: $existing (the Key Vault Secrets Officer role is needed)."
  say "Key Vault $vault refused the listing (attempt $attempt of $attempts; a new role may not have arrived yet); trying again in ${pause}s"
  sleep "$pause"
done

umask 077
file="$(mktemp)"
trap 'rm -f "$file"' EXIT
for secret in "${secrets[@]}"; do
  if grep -qxF "$secret" <<<"$existing"; then
    say "$secret exists in $vault: kept"
    continue
  fi
  head -c 32 /dev/urandom | base64 | tr -d '\n' >"$file"
  if ! az keyvault secret set --vault-name "$vault" --name "$secret" --file "$file" --encoding utf-8 \
    --content-type "FileBridge sign-in key (32 random bytes, base64)" --output none; then
    fail "could not write $secret into $vault. A deleted secret of that name waits for recovery: az keyvault secret recover --vault-name $vault --name $secret"
  fi
  : >"$file"
  say "$secret made in $vault"
done
