#!/usr/bin/env bash
# Start or stop the local storage emulator (Azurite, pinned in package.json) on 127.0.0.1.
#   scripts/azurite.sh start [DATA_DIR]   # default data folder: .azurite
#   scripts/azurite.sh stop
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${2:-$root/.azurite}
pidfile=$data/azurite.pid
case "${1:-}" in
  start)
    [ -x "$root/node_modules/.bin/azurite" ] || (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
    mkdir -p "$data"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "Azurite already running (pid $(cat "$pidfile"))"; exit 0
    fi
    "$root/node_modules/.bin/azurite" --silent --location "$data" \
      --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --skipApiVersionCheck --loose \
      > "$data/azurite.log" 2>&1 &
    echo $! > "$pidfile"
    for _ in $(seq 1 50); do
      if (exec 3<>/dev/tcp/127.0.0.1/10000) 2>/dev/null; then echo "Azurite listening on 127.0.0.1:10000-10002 (data in $data)"; exit 0; fi
      sleep 0.2
    done
    echo "Azurite did not start; see $data/azurite.log" >&2; exit 1
    ;;
  stop)
    if [ -f "$pidfile" ]; then kill "$(cat "$pidfile")" 2>/dev/null || true; rm -f "$pidfile"; echo "Azurite stopped"; fi
    ;;
  *) echo "usage: $0 start|stop [DATA_DIR]" >&2; exit 2 ;;
esac
