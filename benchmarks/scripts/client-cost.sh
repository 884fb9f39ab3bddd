#!/usr/bin/env bash
# What the command-line client itself costs in a bulk: a past revision's `statstream submit` and
# `wait` beside the working tree's, taking turns against one service (this tree's
# ./statstream-local, warmed as in row 10), each round with 100,000 analyses new to it. Prints the
# CPU time (user + system) and wall time of each client run: on two cores the
# clients' CPU is taken from the pipeline's during a bulk (a fifth to a third of it, session 16).
# Usage, from the repository root, after mvn -B -q -DskipTests package:
#   benchmarks/scripts/client-cost.sh <revision> [pairs, default 3] [analyses, default 100000]
set -euo pipefail
cd "$(dirname "$0")/../.."
rev=$1 pairs=${2:-3} N=${3:-100000}
SEED=${SEED_PEER:-../shared/peers/seed-django}
work=$(mktemp -d)
before=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait; git worktree remove --force "$before" 2>/dev/null || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$before" "$rev"
(cd "$before" && mvn -B -q -DskipTests package -pl cli -am > "$work/build.log" 2>&1)
cp "$before/cli/target/statstream-cli.jar" "$work/before.jar"
cp cli/target/statstream-cli.jar "$work/after.jar"

. benchmarks/scripts/bulk-rounds.sh
new_ttests "$N" "$work/requests.ndjson"
warmed_service "$work" "$SEED"
# The java line of ./statstream, without its class archive: what each build's client itself costs.
client_java=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar)
TIMEFORMAT='%R %U %S' # bash's own time: wall, user, system
round=0
for pair in $(seq 1 "$pairs"); do
  order="before after"
  [ $((pair % 2)) -eq 0 ] && order="after before"
  for build in $order; do
    round=$((round + 1))
    sed "s/\"mu\":/\"mu\":$round/" "$work/requests.ndjson" > "$work/round.ndjson" # new to the service
    { time "${client_java[@]}" "$work/$build.jar" submit "$work/round.ndjson" --keys "$work/keys.txt" > /dev/null 2>&1; } 2> "$work/submit.time"
    { time "${client_java[@]}" "$work/$build.jar" wait "$work/keys.txt" --out "$work/results.ndjson" > /dev/null 2>&1; } 2> "$work/wait.time"
    read -r sw su ss < "$work/submit.time"
    read -r ww wu ws < "$work/wait.time"
    echo "pair $pair, $build ($([ "$build" = before ] && echo "$rev" || echo "working tree")): submit CPU $(echo "$su + $ss" | bc) s (wall $sw s), wait CPU $(echo "$wu + $ws" | bc) s (wall $ww s), $(grep -c '"done"' "$work/results.ndjson") results"
  done
done
