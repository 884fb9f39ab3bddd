#!/usr/bin/env bash
# What Redis does for a bulk: row 10's service (./statstream-local, warmed by 3,000 single misses)
# takes two bulks of new analyses; Redis's command statistics are reset before the second and
# printed after it (calls and microseconds per command, from Redis's own INFO commandstats), so
# each command's share of a bulk is counted by Redis, not sampled on a noisy machine.
# Usage, from the repository root, on a built tree: benchmarks/scripts/redis-per-bulk.sh [analyses, default 100000]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
SEED=${SEED_PEER:-../shared/peers/seed-django}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait; rm -rf "$work"' EXIT

. benchmarks/scripts/bulk-rounds.sh
new_ttests "$N" "$work/requests.ndjson"
warmed_service "$work" "$SEED"
redis_url=$(grep -o 'redis://127.0.0.1:[0-9]*' "$work/statstream.log" | head -1)
[ -n "$redis_url" ] || { echo "the service runs without Redis (no redis-server on the PATH)" >&2; exit 1; }
redis() { redis-cli -u "$redis_url" "$@"; }
for round in 1 2; do
  sed "s/\"mu\":/\"mu\":$round/" "$work/requests.ndjson" > "$work/round.ndjson" # new to the service
  [ "$round" = 2 ] && redis CONFIG RESETSTAT > /dev/null
  ./statstream submit "$work/round.ndjson" --keys "$work/keys.txt" > /dev/null 2>&1
  ./statstream wait "$work/keys.txt" --out "$work/results.ndjson" > /dev/null 2>&1
done
echo "Redis, the second bulk of $N new analyses ($(grep -c '"done"' "$work/results.ndjson") results back):"
redis INFO commandstats | tr -d '\r' | grep '^cmdstat_' | sed 's/cmdstat_//' \
  | awk -F'[:=,]' '{printf "%-16s %9d calls %9.3f s %9.2f us each\n", $1, $3, $5 / 1e6, $7; total += $5}
                   END {printf "%-16s %25.3f s\n", "all", total / 1e6}' | sort -k4 -n -r
redis INFO stats | tr -d '\r' | grep -E '^(keyspace_hits|keyspace_misses|total_net_output_bytes):' \
  | sed 's/keyspace_hits/keys read and found/; s/keyspace_misses/keys read and missing/; s/total_net_output_bytes/bytes sent to clients/; s/:/: /'
