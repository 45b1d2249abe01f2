#!/usr/bin/env bash
# The cost of the app-events outbox on JSON create, and delivery latency, on one embedded
# PostgreSQL (see docs/benchmarks.md). Two jars share the database: A with app.events.enabled,
# B without; wrk POST rounds alternate A, B, A, B, ... so that drift in machine load hits both.
# Then a subscription on A to a local receiver and a steady create load give the latency from the
# event's time (in the creating transaction) to its arrival. Needs wrk, node 20, openssl, a JDK,
# and the jar (./mvnw package -DskipTests). Ports 8140-8149.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
ROUNDS=${ROUNDS:-4}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-8}
RATE=${RATE:-50}
STEADY_SECONDS=${STEADY_SECONDS:-20}
POLL=${POLL:-500ms}
OUT=${OUT:-target/bench-events}
DATA=${DATA:-/tmp/pg-app-events-bench}
mkdir -p "$OUT"
rm -rf "$DATA"

common=(-Dmp.jwt.verify.publickey.location=dev/keys/dev-jwt-public.pem
        -Dmp.jwt.verify.issuer=app-instances-dev -Xmx256m)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_ready() {
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$1/q/health/ready" > /dev/null && return 0
    sleep 0.5
  done
  echo "not ready on $1" >&2; return 1
}

LOCAL_DB_DATA_DIR=$DATA QUARKUS_HTTP_PORT=8140 QUARKUS_MANAGEMENT_PORT=8141 \
  APP_EVENTS_ENABLED=true APP_EVENTS_ALLOW_INSECURE_ENDPOINTS=true APP_EVENTS_POLL_INTERVAL=$POLL \
  java "${common[@]}" -jar "$JAR" > "$OUT/a.log" 2>&1 &
pids+=($!)
wait_ready 8141
PG_PORT=$(grep -o 'Embedded PostgreSQL on localhost:[0-9]*' "$OUT/a.log" | grep -o '[0-9]*$')
QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://localhost:$PG_PORT/postgres \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:$PG_PORT/postgres \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
  QUARKUS_HTTP_PORT=8142 QUARKUS_MANAGEMENT_PORT=8143 APP_EVENTS_ENABLED=false \
  java "${common[@]}" -jar "$JAR" > "$OUT/b.log" 2>&1 &
pids+=($!)
wait_ready 8143

USER_TOKEN=$(bin/dev-token user 1337 50001337)
OWNER_TOKEN=$(bin/dev-token owner)
path='/ttd/example-app/instances?instanceOwnerPartyId=50001337'
round() { # port label
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/post.lua \
    -H "Authorization: Bearer $USER_TOKEN" "http://127.0.0.1:$1$path" > "$OUT/wrk-$2.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$2.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$OUT/wrk-$2.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/wrk-$2.txt")
  grep -q 'Non-2xx' "$OUT/wrk-$2.txt" && echo "INVALID: non-2xx in $2" >&2
  echo "| $2 | $rps | $p50 | $p99 |"
}

echo "| round | creates/s | p50 | p99 |" | tee "$OUT/summary.md"
echo "| --- | --- | --- | --- |" | tee -a "$OUT/summary.md"
round 8140 warmup-on > /dev/null
round 8142 warmup-off > /dev/null
for i in $(seq 1 "$ROUNDS"); do
  round 8140 "on-$i" | tee -a "$OUT/summary.md"
  round 8142 "off-$i" | tee -a "$OUT/summary.md"
done

node bench/events/receiver.mjs 8149 &
pids+=($!)
sleep 0.5
curl -sf -X POST http://127.0.0.1:8140/ttd/example-app/api/v1/eventsubscriptions \
  -H "Authorization: Bearer $OWNER_TOKEN" -H 'Content-Type: application/json' \
  -d '{"endPoint": "http://127.0.0.1:8149/hook", "typeFilter": "app.instance.created"}' > /dev/null
curl -sf http://127.0.0.1:8149/stats > /dev/null
node bench/events/steady.mjs "http://127.0.0.1:8140$path" "$USER_TOKEN" 10 5 > /dev/null
curl -sf http://127.0.0.1:8149/stats > /dev/null
node bench/events/steady.mjs "http://127.0.0.1:8140$path" "$USER_TOKEN" "$RATE" "$STEADY_SECONDS" | tee -a "$OUT/summary.md"
for _ in $(seq 1 60); do
  depth=$(curl -sf http://127.0.0.1:8141/q/metrics | awk '/^app_events_outbox_depth/ {print $2}')
  [ "${depth%.*}" = "0" ] && break
  sleep 1
done
echo "latency (poll $POLL, $RATE creates/s): $(curl -sf http://127.0.0.1:8149/stats)" | tee -a "$OUT/summary.md"
