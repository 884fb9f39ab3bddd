# Row 10's service and bulk, shared by beside-seed.sh and fresh-bulk.sh (sourced, not run).
export LC_ALL=C # bash's time and bc agree on the decimal point

# warmed_service WORK SEED: ./statstream-local started in the background (its log in WORK, its PID
# in SERVICE_PID), healthy, then 3,000 single misses from the seed peer's seq_miss.py, so the JIT
# has compiled that path.
warmed_service() {
  ./statstream-local > "$1/statstream.log" 2>&1 &
  SERVICE_PID=$! # the pipeline's JVM: the script execs java
  for _ in $(seq 1 120); do curl -sf localhost:8080/health >/dev/null 2>&1 && break; sleep 0.5; done
  python3 "$2/seq_miss.py" 127.0.0.1 8080 ss 3000 1 > /dev/null
  # The client records each command's class archive on its first run after a build: not in a timed bulk.
  printf '{"type":"descriptive","data":[%s,1,2]}\n' "$RANDOM.5" > "$1/one.ndjson"
  ./statstream submit "$1/one.ndjson" --keys "$1/one.keys" > /dev/null 2>&1 || true
  ./statstream wait "$1/one.keys" --out /dev/null > /dev/null 2>&1 || true
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

# cpu_seconds PID: the CPU time a process has used so far (user + system), 0 when there is none.
cpu_seconds() {
  if [ -n "${1:-}" ] && [ -r "/proc/$1/stat" ]; then
    awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"
  else echo 0; fi
}

# bulk_rounds FILE WORK: submits FILE through the batch endpoint (./statstream submit) and waits for
# every result, twice: first on a service that has only served single misses (its JIT has not seen
# the batch path), then with other inputs, as a service that has run for a while. Each round also
# says the CPU time it took the pipeline's JVM, its redis-server and the two client commands.
bulk_rounds() {
  local requests=$1 work=$2 n round start submitted end redis_pid pipeline0 redis0 TIMEFORMAT='%U %S'
  n=$(wc -l < "$requests")
  redis_pid=$(pgrep -P "${SERVICE_PID:-0}" redis-server || true)
  for round in first again; do
    if [ "$round" = first ]; then cp "$requests" "$work/round.ndjson"
    else sed 's/"mu":/"mu":1/' "$requests" > "$work/round.ndjson"; fi # other inputs: new analyses again
    pipeline0=$(cpu_seconds "${SERVICE_PID:-}") redis0=$(cpu_seconds "$redis_pid")
    start=$(date +%s.%N)
    { time ./statstream submit "$work/round.ndjson" --keys "$work/keys.txt" > /dev/null 2>&1; } 2> "$work/submit.cpu"
    submitted=$(date +%s.%N)
    { time ./statstream wait "$work/keys.txt" --out "$work/results.ndjson" > /dev/null 2>&1; } 2> "$work/wait.cpu"
    end=$(date +%s.%N)
    echo "bulk ($round): $n new analyses submitted in $(echo "$submitted - $start" | bc) s, all results back in $(echo "$end - $start" | bc) s, $(echo "$n / ($end - $start)" | bc) analyses/s ($(grep -c '"done"' "$work/results.ndjson") done)"
    echo "  CPU s: pipeline $(echo "$(cpu_seconds "${SERVICE_PID:-}") - $pipeline0" | bc), redis-server $(echo "$(cpu_seconds "$redis_pid") - $redis0" | bc), submit $(awk '{print $1 + $2}' "$work/submit.cpu"), wait $(awk '{print $1 + $2}' "$work/wait.cpu")"
  done
}
