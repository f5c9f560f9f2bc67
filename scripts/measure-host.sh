#!/usr/bin/env bash
# Measures, on one real host against its own Azurite (free ports, temporary data; nothing else on the machine is touched):
#   1. ingestion throughput: N uploads (default 60, three datasets per month) from the start of the upload to the last ingest run;
#   2. recovery after the host is killed (kill -9): from the restart to the ingest of an upload made while it was down;
#   3. recovery after a storage outage of OUTAGE seconds (default 30): from storage coming back to the ingest of the next upload.
# Usage: scripts/measure-host.sh [N] [OUTAGE]   (builds Release first; prints one line per figure; the host's log: out/measure-host.log)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
n=${1:-60}
outage=${2:-30}
tmp=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
bp=$(free_port); qp=$(free_port); tp=$(free_port); hp=$(free_port)
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$bp/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$qp/devstoreaccount1;TableEndpoint=http://127.0.0.1:$tp/devstoreaccount1;"
export Mail__PickupDirectory="$tmp/mail" ASPNETCORE_URLS="http://127.0.0.1:$hp"
now() { date +%s.%N; }
sendfx() { dotnet src/SendFunctions.Cli/bin/Release/net10.0/sendfx.dll "$@"; }
ingests() { sendfx runs --json | grep -c '"function": "IngestDrop"' || true; }

[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --loglevel=error
dotnet build src/SendFunctions.Cli -c Release --nologo -v quiet >/dev/null # the CLI builds the host too
azurite_pid=; host_pid=
start_azurite() {
  node_modules/.bin/azurite --silent --location "$tmp/azurite" --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$bp" --queuePort "$qp" --tablePort "$tp" --skipApiVersionCheck --loose > "$tmp/azurite.log" 2>&1 &
  azurite_pid=$!
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$bp") 2>/dev/null && return; sleep 0.1; done
}
start_host() {
  (cd src/SendFunctions/bin/Release/net10.0 && exec dotnet SendFunctions.dll) >> "$tmp/host.log" 2>&1 &
  host_pid=$!
}
cleanup() {
  [ -n "$host_pid" ] && kill -9 "$host_pid" 2>/dev/null
  [ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null
  mkdir -p out && cp "$tmp/host.log" "out/measure-host.log" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
wait_ingests() { # wait until the runs table holds $1 ingests; prints the time it did
  for _ in $(seq 1 1800); do [ "$(ingests)" -ge "$1" ] && { now; return; }; sleep 0.5; done
  echo "timed out waiting for $1 ingests" >&2; exit 1
}
drop() { # drop DIR PERIOD DATASET: one valid upload
  mkdir -p "$1/$2"
  case $3 in
    milestones) printf 'Milestone ID,Workstream,Milestone,Owner,Due Date\r\nWS1-01,Leadership,Agree the SEND strategy,Director,30/06/2040\r\n' ;;
    metrics) printf 'MetricId,Metric,Area,Unit,Polarity,Value\r\nM1,EHCPs issued in 20 weeks,Assessment,%%,higher,61\r\n' ;;
    actions) printf 'ActionId,Action,Owner,RaisedOn,DueDate,Status\r\nA-1,Circulate minutes,Clerk,01/01/2040,30/06/2040,Open\r\n' ;;
  esac > "$1/$2/$3.csv"
}

start_azurite
start_host
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$hp/healthz" >/dev/null && break; sleep 0.2; done
mkdir -p "$tmp/empty"
sendfx upload --data "$tmp/empty" --config samples/config/reporting.json >/dev/null

# 1. Throughput: N uploads, three datasets a month from 2040-01.
i=0
while [ "$i" -lt "$n" ]; do
  month=$((i / 3)); period=$(printf '%04d-%02d' $((2040 + month / 12)) $((month % 12 + 1)))
  drop "$tmp/burst" "$period" "$(echo milestones metrics actions | cut -d' ' -f$((i % 3 + 1)))"
  i=$((i + 1))
done
start=$(now)
sendfx upload --data "$tmp/burst" >/dev/null
uploaded=$(now)
done_at=$(wait_ingests "$n")
ingested=$(ingests)
echo "throughput: $n uploads in $(echo "$uploaded - $start" | bc -l | xargs printf '%.1f') s, all ingested $(echo "$done_at - $start" | bc -l | xargs printf '%.1f') s after the first: $(echo "$n / ($done_at - $start)" | bc -l | xargs printf '%.2f') uploads/s; ingest runs recorded: $ingested"

# 2. Host killed: an upload made while it is down is ingested after the restart.
kill -9 "$host_pid"; wait "$host_pid" 2>/dev/null || true
drop "$tmp/crash" 2041-01 milestones
sendfx upload --data "$tmp/crash" >/dev/null
restarted=$(now)
start_host
done_at=$(wait_ingests $((ingested + 1)))
echo "host killed: the upload made while it was down was ingested $(echo "$done_at - $restarted" | bc -l | xargs printf '%.1f') s after the restart"
ingested=$((ingested + 1))

# 3. Storage outage: the host keeps running; the first upload after storage returns is ingested.
kill "$azurite_pid"; wait "$azurite_pid" 2>/dev/null || true
sleep "$outage"
start_azurite
back=$(now)
drop "$tmp/outage" 2041-02 milestones
sendfx upload --data "$tmp/outage" >/dev/null
done_at=$(wait_ingests $((ingested + 1)))
echo "storage down ${outage} s: the first upload after it came back was ingested $(echo "$done_at - $back" | bc -l | xargs printf '%.1f') s after storage returned"
