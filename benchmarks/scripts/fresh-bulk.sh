#!/usr/bin/env bash
# Row 10 alone, on a fresh service: ./statstream-local started, 3,000 single misses (seq_miss.py
# from the seed peer, as beside-seed.sh), then 100,000 new analyses through the batch endpoint
# until every result is back, twice (the second with other inputs: a service that has run a while).
# The service is started by ./statstream-local, so the java on the PATH and STATSTREAM_AOT choose
# the JVM and its AOT cache, e.g.:
#   PATH=/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH STATSTREAM_AOT=record benchmarks/scripts/fresh-bulk.sh
#   PATH=/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH benchmarks/scripts/fresh-bulk.sh   # starts from that cache
# Usage, from the repository root, on a built tree: benchmarks/scripts/fresh-bulk.sh [analyses, default 100000]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
SEED=${SEED_PEER:-../shared/peers/seed-django}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait; rm -rf "$work"' EXIT

. benchmarks/scripts/bulk-rounds.sh
new_ttests "$N" "$work/requests.ndjson"

echo "== $(java -XshowSettings:properties -version 2>&1 | awk '/java.vm.version/ {print "java " $3}'), STATSTREAM_AOT=${STATSTREAM_AOT:-}, AOT cache file $([ -f launcher/target/statstream.aot ] && echo present || echo absent) (used from Java 25 on)"
warmed_service "$work" "$SEED"
bulk_rounds "$work/requests.ndjson" "$work"
