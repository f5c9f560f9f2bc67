#!/usr/bin/env bash
# The main job, locally: Azurite + the function host + the sample drops uploaded as owners would.
# Prints where every output went. Leaves the stack running with --keep; otherwise stops it at the end.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
keep=${1:-}
export AzureWebJobsStorage="UseDevelopmentStorage=true"
export DOTNET_ENVIRONMENT=Development
# No SendGrid key locally: every email is written to out/mail as an .eml file a mail client opens.
export Mail__PickupDirectory="$root/out/mail"
mkdir -p out

echo "== building"
dotnet build SendFunctions.sln -c Release --nologo -v quiet
sendfx() { dotnet src/SendFunctions.Cli/bin/Release/net10.0/sendfx.dll "$@"; }

echo "== starting Azurite"
scripts/azurite.sh start
echo "== starting the function host (log: out/host.log)"
(cd src/SendFunctions/bin/Release/net10.0 && exec dotnet SendFunctions.dll) > out/host.log 2>&1 &
host=$!
cleanup() {
  if [ "$keep" != "--keep" ]; then kill "$host" 2>/dev/null || true; wait "$host" 2>/dev/null || true; scripts/azurite.sh stop; fi
}
trap cleanup EXIT

echo "== uploading samples/drops (milestones, metrics, actions, and the Board's business: updates, decisions, risks, targets) and samples/config/reporting.json"
sendfx upload --data samples/drops --config samples/config/reporting.json

expected=$(find samples/drops -type f | wc -l)
echo "== waiting for the host to ingest $expected drops"
for _ in $(seq 1 120); do
  done_count=$(sendfx runs | grep -c IngestDrop || true)
  [ "$done_count" -ge "$expected" ] && break
  sleep 1
done

echo "== requesting every paper for 2025-01"
sendfx request --period 2025-01
for _ in $(seq 1 120); do
  # Each request's run row reads Running while its paper is made (and while it waits in the queue), then its outcome.
  generated=$(sendfx runs --period 2025-01 | grep GenerateReports || true)
  [ -n "$generated" ] && ! grep -Eq 'GenerateReports +Running' <<<"$generated" && break
  sleep 1
done
sendfx runs
echo
echo "== the papers, as a clerk receives them"
sendfx papers --period 2025-01 --out out/papers
echo
echo "== committee papers wait for sign-off; signing them off as their signer would (sendfx approve --yes)"
for kind in hwb-board cype-committee partnership-board; do
  sendfx approve --period 2025-01 --report "$kind" --by "Sam Taylor" --yes
done
sendfx papers --period 2025-01 --out out/papers
echo
echo "== the committee calendar's plan for these papers"
sendfx schedule --config samples/config/reporting.json --from 2025-01-01 --to 2025-03-31
echo
echo "== emails (owner receipts and the papers to their distribution lists)"
for _ in $(seq 1 60); do
  [ "$(ls out/mail 2>/dev/null | wc -l)" -ge $((expected + 4)) ] && break
  sleep 1
done
ls out/mail
echo
echo "Outputs (Azurite, account devstoreaccount1, data in .azurite/):"
echo "  archive/{period}/{dataset}/{stamp}.{ext}      every upload, unchanged"
echo "  validation/{period}/{dataset}/{stamp}.json|csv validation reports"
echo "  curated/{period}/{dataset}.json                accepted data (+ curated/{period}/{dataset}/ history)"
echo "  reports/{period}/{kind}/v{n}/*.docx + manifest.json   the papers (copies in out/papers)"
echo "  out/mail/*.eml                                 every email (pickup folder; SendGrid when SendGrid__ApiKey is set)"
echo "  table deliveries                               who got what (sendfx deliveries --period 2025-01)"
echo "  table runs                                     the run ledger (sendfx runs)"
if [ "$keep" = "--keep" ]; then
  echo "Stack left running (host pid $host); stop with: kill $host; scripts/azurite.sh stop"
fi
