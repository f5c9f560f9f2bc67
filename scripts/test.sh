#!/usr/bin/env bash
# Every test: the Bicep templates (compile, lint, properties), unit tests of the core and the CLI, then integration tests against a real Azurite
# (installed here with npm ci) and the real WebJobs host. Ends with one line: "tests: N passed, N failed, N skipped".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
npm ci --no-audit --no-fund --loglevel=error || exit 1
scripts/infra-check.sh || exit 1
log=$(mktemp)
dotnet test SendFunctions.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{ n += $2 } END { print n + 0 }'; }
echo "tests: $(sum Passed) passed, $(sum Failed) failed, $(sum Skipped) skipped"
rm -f "$log"
exit "$status"
