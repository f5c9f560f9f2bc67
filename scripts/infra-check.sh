#!/usr/bin/env bash
# Compiles and lints infra/main.bicep with the Bicep CLI from NuGet, failing on any error or linter warning,
# then checks the compiled ARM template for the properties docs/deploy.md promises.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet restore infra/tools/bicep.proj --nologo -v quiet >/dev/null
packages=$(dotnet nuget locals global-packages -l | sed 's/^global-packages: //')
bicep="$packages/azure.bicep.commandline.linux-x64/0.49.2/tools/bicep"
chmod +x "$bicep"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
diagnostics=$({ "$bicep" build infra/main.bicep --outfile "$out/main.json"; "$bicep" lint infra/main.bicep; } 2>&1)
if [ -n "$diagnostics" ]; then
  echo "$diagnostics"
  echo "infra: the Bicep CLI reported the diagnostics above; fix them (warnings count)." >&2
  exit 1
fi
node infra/check-arm.mjs "$out/main.json" infra/main.parameters.json
