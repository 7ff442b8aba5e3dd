#!/usr/bin/env bash
# Builds one release of FileBridge into artifacts/release/<version>/, each artefact versioned and listed with its
# SHA-256 in SHA256SUMS:
#   filebridge-functions-<version>.zip   the Function App package (az functionapp deployment source config-zip)
#   filebridge-web-<version>.zip         the web page (swa deploy, or the static web app's zip deploy)
#   FileBridge.Admin.<version>.nupkg     the admin tool (dotnet tool install --global FileBridge.Admin --add-source <folder>)
#   filebridge-infra-<version>.zip       the compiled templates (main.json, azd-main.json) and the AWS template
# Rolling back is deploying the previous version's artefacts (README, Upgrade and roll back).
# Usage: scripts/release.sh [VERSION]   (default: the commit's tag, else 0.0.0-<short commit>)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
version="${1:-$(git describe --tags --exact-match 2>/dev/null || echo "0.0.0-$(git rev-parse --short HEAD)")}"
version="${version#v}"
# NuGet's version rules: numbers, then an optional pre-release label.
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] || { echo "release: '$version' is not a version like 1.4.0 or 1.4.0-rc.1" >&2; exit 2; }
if [[ -n "$(git status --porcelain)" ]]; then
  echo "release: the working tree has changes: a release is built from a commit, so that it can be rebuilt and compared." >&2
  exit 2
fi

out="$root/artifacts/release/$version"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rm -rf "$out"
mkdir -p "$out"

zip_folder() { (cd "$1" && python3 -m zipfile -c "$2" .); }

echo "release $version: the Function App package"
dotnet publish src/FileBridge.Functions -c Release -nologo -v quiet -p:Version="$version" --output "$work/functions"
zip_folder "$work/functions" "$out/filebridge-functions-$version.zip"

echo "release $version: the web page"
cp -r src/FileBridge.Web "$work/web"
zip_folder "$work/web" "$out/filebridge-web-$version.zip"

echo "release $version: the admin tool"
dotnet pack src/FileBridge.Admin -c Release -nologo -v quiet -p:Version="$version" --output "$out"

echo "release $version: the templates"
"$root/scripts/bicep.sh" build
mkdir -p "$work/infra/aws"
cp artifacts/infra/main.json artifacts/infra/azd-main.json "$work/infra/"
cp -r infra-bicep/aws/. "$work/infra/aws/"
zip_folder "$work/infra" "$out/filebridge-infra-$version.zip"

(cd "$out" && sha256sum -- *.zip *.nupkg > SHA256SUMS)
echo "release $version: $out"
cat "$out/SHA256SUMS"
