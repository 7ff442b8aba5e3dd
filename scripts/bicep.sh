#!/usr/bin/env bash
# Builds and lints the Azure templates with a pinned Bicep CLI taken from NuGet.
#
#   scripts/bicep.sh            restore the CLI if needed, build, then lint (the default)
#   scripts/bicep.sh build      build infra-bicep/main.bicep to artifacts/infra/main.json (per checkout)
#   scripts/bicep.sh lint       lint infra-bicep/main.bicep and its modules
#   scripts/bicep.sh path       print the path of the Bicep CLI
#
# Any warning or error fails the script: infra-bicep/bicepconfig.json raises the linter rules to
# errors, and the output is also checked for compiler warnings, which bicep reports with exit code 0.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bicep_version="0.49.2"
package="azure.bicep.commandline.linux-x64"
packages_dir="$root/.local/nuget"
bicep="$packages_dir/$package/$bicep_version/tools/bicep"
main="$root/infra-bicep/main.bicep"
# The Azure Developer CLI's entry point (azure.yaml): main.bicep with parameters from the azd environment.
azd_main="$root/infra-bicep/azd/main.bicep"
out_dir="$root/artifacts/infra"

ensure_bicep() {
  if [[ ! -x "$bicep" ]]; then
    if [[ ! -f "$bicep" ]]; then
      echo "Restoring Bicep CLI $bicep_version from NuGet..." >&2
      dotnet restore "$root/scripts/tools/bicep/BicepCli.csproj" \
        --packages "$packages_dir" -p:BicepVersion="$bicep_version" --verbosity quiet >&2
    fi
    chmod +x "$bicep"
  fi
}

# Runs bicep, echoes what it printed, and fails on a non-zero exit or on any diagnostic line.
run_checked() {
  local output status=0
  output="$("$bicep" "$@" 2>&1)" || status=$?
  if [[ -n "$output" ]]; then
    printf '%s\n' "$output" >&2
  fi
  if (( status != 0 )); then
    echo "bicep $1 failed (exit code $status)" >&2
    return 1
  fi
  if grep -Eq ' : (Warning|Error|Info) ' <<<"$output"; then
    echo "bicep $1 reported diagnostics" >&2
    return 1
  fi
}

build() {
  mkdir -p "$out_dir"
  run_checked build "$main" --outfile "$out_dir/main.json"
  run_checked build "$azd_main" --outfile "$out_dir/azd-main.json"
  echo "Built $out_dir/main.json and $out_dir/azd-main.json" >&2
}

lint() {
  run_checked lint "$main"
  run_checked lint "$azd_main"
  echo "Lint clean: $main, $azd_main" >&2
}

ensure_bicep
case "${1:-all}" in
  build) build ;;
  lint) lint ;;
  all) build && lint ;;
  path) echo "$bicep" ;;
  *) echo "usage: $0 [all|build|lint|path]" >&2; exit 2 ;;
esac
