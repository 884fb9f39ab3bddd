#!/usr/bin/env bash
# statstream beside the seed's design (../shared/peers/seed-django), the same work through both on
# this machine, one after the other: cached reads (wrk, 16 connections: the same request again;
# statstream also by key), one client's new analyses until each result is back (seq_miss.py), and
# a bulk of new analyses until every result is back (statstream: the batch endpoint through the
# CLI, then `wait`; the seed: wrk at 16 connections, synchronous misses).
# Needs what the seed's README lists (Debian packages) and a built tree (mvn -B -q -DskipTests package).
# Usage, from the repository root: benchmarks/scripts/beside-seed.sh [analyses, default 100000]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
SEED=${SEED_PEER:-../shared/peers/seed-django}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f /tmp/seedpeer-gunicorn.pid ] && kill "$(cat /tmp/seedpeer-gunicorn.pid)" 2>/dev/null; [ -f /tmp/seedpeer-redis.pid ] && kill "$(cat /tmp/seedpeer-redis.pid)" 2>/dev/null; rm -rf "$work"' EXIT

. benchmarks/scripts/bulk-rounds.sh
new_ttests "$N" "$work/requests.ndjson"

echo "== statstream (./statstream-local)"
warmed_service "$work" "$SEED"
python3 "$SEED/seq_miss.py" 127.0.0.1 8080 ss 2000 2
bulk_rounds "$work/requests.ndjson" "$work"
hit() { wrk -t1 -c16 -d15s --latency "$@" | awk '/Requests\/sec/ {rate=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {printf "%s req/s, p50 %s, p99 %s", rate, p50, p99}'; }
wrk -t1 -c1 -d2s -s "$SEED/statstream_hit.lua" http://127.0.0.1:8080/v1/analyses > /dev/null # computes, then stores it
key=$(head -1 "$work/keys.txt" | cut -d' ' -f1)
echo "cached reads, wrk 16 connections: POST of a stored request $(hit -s "$SEED/statstream_hit.lua" http://127.0.0.1:8080/v1/analyses); GET by key $(hit "http://127.0.0.1:8080/v1/analyses/$key")"
kill %1; wait %1 2>/dev/null || true

echo "== seed design (Django + SciPy, gunicorn 2 workers, 16 connections)"
redis-server --port 6390 --save '' --appendonly no --daemonize yes --pidfile /tmp/seedpeer-redis.pid > /dev/null
(cd "$SEED" && PATH=/usr/bin:$PATH gunicorn -w 2 -b 127.0.0.1:8090 --pid /tmp/seedpeer-gunicorn.pid --daemon seedpeer:application)
for _ in $(seq 1 50); do curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"data":[1,2,3]}' http://127.0.0.1:8090/api/v1/stats/ttest/ && break; sleep 0.2; done
python3 "$SEED/seq_miss.py" 127.0.0.1 8090 seed 2000 2
echo "cached reads, wrk 16 connections: the same request again $(hit -s "$SEED/hit.lua" http://127.0.0.1:8090/api/v1/stats/ttest/)"
rate=$(cd "$SEED" && wrk -t1 -c16 -d30s -s miss.lua http://127.0.0.1:8090/api/v1/stats/ttest/ | awk '/Requests\/sec/ {print $2}')
echo "bulk: $rate new analyses/s at 16 connections for 30 s: $N would take $(echo "$N / $rate" | bc) s"
