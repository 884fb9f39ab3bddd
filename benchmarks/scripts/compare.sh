#!/usr/bin/env bash
# A before/after of one Bench scenario: builds a past revision beside the working tree and runs the
# two builds in turn, several times, so both see the same minutes of this shared, noisy machine
# (its speed moves by a third within an hour; a figure measured an hour apart compares nothing).
# Read the pairs, not one run: the first run after a build has been slower for both builds, and
# in session 13 the first run of a pair was the faster in 6 pairs of 7, whichever build it was; so
# the builds take turns going first (before, after; then after, before; ...).
# Each run's output and results go under a temporary directory (printed at the end), never to
# benchmarks/results/.
# Usage, from the repository root, after mvn -B -q -DskipTests package:
#   benchmarks/scripts/compare.sh <revision> <pairs> <Bench scenario and options...>
#   benchmarks/scripts/compare.sh HEAD~3 3 miss-latency --warmup 40 --rate 2000
set -euo pipefail
cd "$(dirname "$0")/../.."
rev=$1 pairs=$2
shift 2
out=$(mktemp -d)
before=$(mktemp -d)
trap 'git worktree remove --force "$before" 2>/dev/null || true' EXIT
git worktree add -q --detach "$before" "$rev"
(cd "$before" && mvn -B -q -DskipTests package -pl benchmarks -am > "$out/build.log" 2>&1)
cp "$before/benchmarks/target/benchmarks.jar" "$out/before.jar"
cp benchmarks/target/benchmarks.jar "$out/after.jar"
for pair in $(seq 1 "$pairs"); do
  order="before after"
  [ $((pair % 2)) -eq 0 ] && order="after before"
  for build in $order; do
    echo "== pair $pair, $build ($([ $build = before ] && echo "$rev" || echo "working tree")), load average$(uptime | sed 's/.*average[s]*://')"
    # Each JVM writes its results under its own directory, so the tree's benchmarks/results/ stays as it was.
    mkdir -p "$out/$build-$pair"
    (cd "$out/$build-$pair" && java -cp "$out/$build.jar" io.statstream.benchmarks.Bench "$@" 2>&1 \
        | grep -vE '^[0-9:.]+ (INFO|WARN)|^\s*$|metadata|^Formatting' | tee "$out/$build-$pair.txt")
  done
done
echo "runs in $out"
