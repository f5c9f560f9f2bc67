#!/usr/bin/env bash
# Builds sendfx for data owners into out/sendfx/:
#   out/sendfx/SendFunctions.Sendfx.{version}.nupkg  the .NET tool (needs the .NET 10 runtime):
#       dotnet tool install --global SendFunctions.Sendfx --add-source out/sendfx
#   out/sendfx/linux-x64/sendfx, out/sendfx/win-x64/sendfx.exe  self-contained single-file executables (no .NET needed).
# A runtime whose build fails (its runtime pack not served by the package registry) is reported and skipped; the rest is kept.
set -uo pipefail
cd "$(dirname "$0")/.."
out=out/sendfx
project=src/SendFunctions.Cli/SendFunctions.Cli.csproj
rm -rf "$out" && mkdir -p "$out"
failed=()

echo "== .NET tool package"
if dotnet pack "$project" -c Release -o "$out" --nologo -v quiet; then
  ls "$out"/*.nupkg
else
  echo "FAILED: the .NET tool package was not built"; failed+=(tool)
fi

for rid in linux-x64 win-x64; do
  echo "== self-contained single file, $rid"
  # PackAsTool is for the tool package only; a self-contained executable is an ordinary publish.
  if dotnet publish "$project" -c Release -r "$rid" --self-contained -p:PublishSingleFile=true -p:PackAsTool=false \
       -p:DebugType=none -o "$out/$rid" --nologo -v quiet; then
    # Keep the executable alone: the other files publish copies (host.json and the function app's runtimeconfig) are not read by sendfx.
    find "$out/$rid" -type f ! -name sendfx ! -name sendfx.exe -delete
    ls -l "$out/$rid"
  else
    echo "FAILED: $rid (is its runtime pack, Microsoft.NETCore.App.Runtime.$rid, served by the package registry?)"; failed+=("$rid")
    rm -rf "${out:?}/$rid"
  fi
done

if ((${#failed[@]})); then
  echo "Built with failures: ${failed[*]}; the rest is in $out/"
  exit 1
fi
echo "Built: $out/ (tool package, linux-x64/sendfx, win-x64/sendfx.exe)"
