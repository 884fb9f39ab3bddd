# Row 10's service and bulk, shared by beside-seed.sh and fresh-bulk.sh (sourced, not run).

# warmed_service WORK SEED: ./statstream-local started in the background (its log in WORK), healthy,
# then 3,000 single misses from the seed peer's seq_miss.py, so the JIT has compiled that path.
warmed_service() {
  ./statstream-local > "$1/statstream.log" 2>&1 &
  for _ in $(seq 1 120); do curl -sf localhost:8080/health >/dev/null 2>&1 && break; sleep 0.5; done
  python3 "$2/seq_miss.py" 127.0.0.1 8080 ss 3000 1 > /dev/null
}

# new_ttests N FILE: N one-sample t-tests of 30 values each, new to any service (the run's time is in mu).
new_ttests() {
  python3 - "$1" > "$2" <<'PY'
import math, sys, time
n, run = int(sys.argv[1]), time.time_ns()
for i in range(n):
    xs = ",".join("%.4f" % (10 + math.sin((i + 1) * (k + 1)) * 3) for k in range(30))
    print('{"type":"ttest_one_sample","mu":%d.%06d,"data":[%s]}' % (run % 1000, i, xs))
PY
}

# bulk_rounds FILE WORK: submits FILE through the batch endpoint (./statstream submit) and waits for
# every result, twice: first on a service that has only served single misses (its JIT has not seen
# the batch path), then with other inputs, as a service that has run for a while.
bulk_rounds() {
  local requests=$1 work=$2 n round start submitted end
  n=$(wc -l < "$requests")
  for round in first again; do
    if [ "$round" = first ]; then cp "$requests" "$work/round.ndjson"
    else sed 's/"mu":/"mu":1/' "$requests" > "$work/round.ndjson"; fi # other inputs: new analyses again
    start=$(date +%s.%N)
    ./statstream submit "$work/round.ndjson" --keys "$work/keys.txt" > /dev/null 2>&1
    submitted=$(date +%s.%N)
    ./statstream wait "$work/keys.txt" --out "$work/results.ndjson" > /dev/null 2>&1
    end=$(date +%s.%N)
    echo "bulk ($round): $n new analyses submitted in $(echo "$submitted - $start" | bc) s, all results back in $(echo "$end - $start" | bc) s, $(echo "$n / ($end - $start)" | bc) analyses/s ($(grep -c '"done"' "$work/results.ndjson") done)"
  done
}
