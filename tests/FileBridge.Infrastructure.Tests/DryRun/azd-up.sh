#!/usr/bin/env bash
# Plays `azd up` for the day-one dry run: the hooks of azure.yaml in the order azd runs them, with azd's own steps
# in between (provision: the compiled infra-bicep/azd template with main.parameters.json resolved from the azd
# environment; deploy), against the az, aws and azd stand-ins in stand-ins/. Standard input goes to postdeploy (the smoke
# test's password and code). Needs DRYRUN_STATE (the stand-ins' state) and scripts/bicep.sh build to have run.
# Usage: azd-up.sh REPOSITORY_ROOT
set -euo pipefail

root="$1"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export PATH="$here/stand-ins:$PATH"

# azd hands every value of the environment to hooks as environment variables.
with_env() {
  local line
  while IFS= read -r line; do
    [[ -n "$line" ]] || continue
    local value="${line#*=}"
    value="${value#\"}"
    export "${line%%=*}=${value%\"}"
  done < <(azd env get-values)
  "$@"
}

hook() {
  echo "== hook $1"
  (cd "$root" && with_env bash "scripts/azd/$1.sh")
}

provision() {
  echo "== provision"
  # azd resolves ${NAME} and ${NAME=default} (the default when NAME is unset) in the text of main.parameters.json,
  # then reads it as JSON: a value may be JSON itself where the file does not quote it.
  with_env python3 - "$root/infra-bicep/azd/main.parameters.json" "$DRYRUN_STATE/parameters.json" <<'PY'
import json, os, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
resolved = re.sub(r"\$\{([A-Z0-9_]+)(?:=([^}]*))?\}", lambda m: os.environ[m.group(1)] if m.group(1) in os.environ else (m.group(2) or ""), text)
json.loads(resolved)
open(sys.argv[2], "w", encoding="utf-8").write(resolved)
PY
  with_env az deployment sub create --name "$(azd env get-value AZURE_ENV_NAME)" --location "$(azd env get-value AZURE_LOCATION)" \
    --template-file "$root/artifacts/infra/azd-main.json" --parameters "@$DRYRUN_STATE/parameters.json" \
    --query properties.outputs --output json >"$DRYRUN_STATE/outputs.json"
  # azd stores every output in the environment.
  python3 -c 'import json, sys; [print(k, v["value"]) for k, v in json.load(open(sys.argv[1])).items()]' "$DRYRUN_STATE/outputs.json" \
    | while read -r name value; do azd env set "$name" "${value:-}"; done
}

hook preprovision </dev/null
provision </dev/null
hook postprovision </dev/null
echo "== deploy"
azd deploy </dev/null
hook postdeploy
