#!/usr/bin/env bash
# What access control and fair shares cost: the one-command pipeline run open, then with an API
# key (a token bucket in Redis taken per submission), each measured with wrk, 16 connections:
# POST of a stored request (a cache hit) and GET by key. Needs wrk, curl, redis-server and
# `mvn -B -q -DskipTests package` first. Usage: benchmarks/scripts/keyed-vs-open.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=18080
KEY=k-bench-$$
HASH=$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)
BODY='{"type":"descriptive","data":[1,2,3,4,5,6,7,8,9,10]}'
LUA=$(mktemp --suffix=.lua)

measure() { # $1: label, $2: extra environment (or empty)
  env HTTP_PORT=$PORT ${2:+"$2"} java -jar launcher/target/statstream.jar > "target-keyed-$1.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do curl -s -o /dev/null "localhost:$PORT/health/live" && break; sleep 0.5; done
  local auth=""
  [ -n "$2" ] && auth="Authorization: Bearer $KEY"
  local key
  key=$(curl -s -XPOST "localhost:$PORT/v1/analyses" -H 'Content-Type: application/json' ${auth:+-H "$auth"} -d "$BODY" \
        | sed 's/.*"key":"\([0-9a-f]*\)".*/\1/')
  curl -s ${auth:+-H "$auth"} "localhost:$PORT/v1/analyses/$key?wait=10s" > /dev/null
  printf 'wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/json"\n' "'$BODY'" > "$LUA"
  [ -n "$auth" ] && printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$KEY" >> "$LUA"
  wrk -t2 -c16 -d5s -s "$LUA" "http://localhost:$PORT/v1/analyses" > /dev/null 2>&1 # warm-up
  echo "== $1: POST of a stored request"
  wrk -t2 -c16 -d10s -s "$LUA" "http://localhost:$PORT/v1/analyses" | grep -E "Requests/sec|Non-2xx"
  echo "== $1: GET by key"
  wrk -t2 -c16 -d10s ${auth:+-H "$auth"} "http://localhost:$PORT/v1/analyses/$key" | grep -E "Requests/sec|Non-2xx"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "target-keyed-$1.log"
}

measure open ""
measure keyed "API_KEYS=$HASH bench submit 1000000"
rm -f "$LUA"
