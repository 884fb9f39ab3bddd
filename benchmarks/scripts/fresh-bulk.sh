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

python3 - "$N" > "$work/requests.ndjson" <<'PY'
import math, sys, time
n, run = int(sys.argv[1]), time.time_ns()
for i in range(n):
    xs = ",".join("%.4f" % (10 + math.sin((i + 1) * (k + 1)) * 3) for k in range(30))
    print('{"type":"ttest_one_sample","mu":%d.%06d,"data":[%s]}' % (run % 1000, i, xs))
PY

echo "== $(java -XshowSettings:properties -version 2>&1 | awk '/java.vm.version/ {print "java " $3}'), STATSTREAM_AOT=${STATSTREAM_AOT:-}, AOT cache file $([ -f launcher/target/statstream.aot ] && echo present || echo absent) (used from Java 25 on)"
./statstream-local > "$work/statstream.log" 2>&1 &
for _ in $(seq 1 120); do curl -sf localhost:8080/health >/dev/null 2>&1 && break; sleep 0.5; done
python3 "$SEED/seq_miss.py" 127.0.0.1 8080 ss 3000 1 > /dev/null
for round in first again; do
  if [ "$round" = first ]; then cp "$work/requests.ndjson" "$work/round.ndjson"
  else sed 's/"mu":/"mu":1/' "$work/requests.ndjson" > "$work/round.ndjson"; fi # other inputs: new analyses again
  start=$(date +%s.%N)
  ./statstream submit "$work/round.ndjson" --keys "$work/keys.txt" > /dev/null 2>&1
  submitted=$(date +%s.%N)
  ./statstream wait "$work/keys.txt" --out "$work/results.ndjson" > /dev/null 2>&1
  end=$(date +%s.%N)
  echo "bulk ($round): $N new analyses submitted in $(echo "$submitted - $start" | bc) s, all results back in $(echo "$end - $start" | bc) s ($(grep -c '"done"' "$work/results.ndjson") done)"
done
