#!/usr/bin/env bash
# The active list of a party with many live instances against one with few: time per listed
# instance, and the JVM's heap while 16 clients read the long list at once. A and B jars
# (e.g. before and after a change) run one after the other, ROUNDS times interleaved.
#
#   ./mvnw -B package -DskipTests && cp -r target/quarkus-app /tmp/jar-b
#   JAR_A=/tmp/jar-a/quarkus-run.jar JAR_B=/tmp/jar-b/quarkus-run.jar bench/active/run.sh
#
# Environment (defaults in brackets): JAR_A, JAR_B [target/quarkus-app/quarkus-run.jar]
#   MANY [10000]  FEW [10]  ROUNDS [3]  DURATION [10]  CONNECTIONS [16]  HEAP [-Xmx64m]
#   BENCH_PORT [8090] (the management interface on the next port)  PG_PORT [5432]  PG_DB [bench_active]  PG_USER/PG_PASSWORD [bench]
#   PG_ADMIN [runuser -u postgres -- psql]
# The database PG_DB is DROPPED and recreated. Load goes to 127.0.0.1 only.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
JAR_A=${JAR_A:-$root/target/quarkus-app/quarkus-run.jar}
JAR_B=${JAR_B:-$JAR_A}
MANY=${MANY:-10000}
FEW=${FEW:-10}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
HEAP=${HEAP:--Xmx64m}
BENCH_PORT=${BENCH_PORT:-8090}
PG_PORT=${PG_PORT:-5432}
PG_DB=${PG_DB:-bench_active}
PG_USER=${PG_USER:-bench}
PG_PASSWORD=${PG_PASSWORD:-bench}
PG_ADMIN=${PG_ADMIN:-runuser -u postgres -- psql}
MANY_PARTY=50001337
FEW_PARTY=50001338
BASE=http://127.0.0.1:$BENCH_PORT
MANAGEMENT=http://127.0.0.1:$((BENCH_PORT + 1))
out=$root/bench/results/active-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"

die() { echo "active: $*" >&2; exit 1; }
log() { echo "active: $(date -u +%H:%M:%S) $*" >&2; }
PG_HOST=127.0.0.1
# shellcheck source=../pg-common.sh
. "$here/../pg-common.sh"

for tool in wrk psql curl awk; do command -v "$tool" >/dev/null || die "$tool not found"; done
for jar in "$JAR_A" "$JAR_B"; do [ -f "$jar" ] || die "no jar at $jar"; done
curl -s -o /dev/null --max-time 2 "$BASE/" && die "127.0.0.1:$BENCH_PORT is busy; set BENCH_PORT"
curl -s -o /dev/null --max-time 2 "$MANAGEMENT/" && die "127.0.0.1:$((BENCH_PORT + 1)) is busy; set BENCH_PORT"

fresh_db

pid=
stop() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"; for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  fi
  pid=
}
trap stop EXIT
trap 'exit 130' INT TERM

start() { # jar log [extra JVM options]
  # shellcheck disable=SC2086
  (cd "$root" && exec env QUARKUS_HTTP_PORT="$BENCH_PORT" QUARKUS_MANAGEMENT_PORT=$((BENCH_PORT + 1)) \
    QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$PG_PORT/$PG_DB" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB" \
    QUARKUS_DATASOURCE_USERNAME="$PG_USER" QUARKUS_DATASOURCE_PASSWORD="$PG_PASSWORD" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$root/dev/keys/dev-jwt-public.pem" \
    MP_JWT_VERIFY_ISSUER=app-instances-dev java $HEAP ${3:-} -jar "$1") >"$2" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$2" >&2; die "service exited at startup"; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$MANAGEMENT/q/health/ready")" = 200 ] && return
    sleep 0.5
  done
  die "service not ready after 120 s"
}

token=$("$root/bin/dev-token" owner)
auth="Authorization: Bearer $token"

# Seed once, through the first jar: one instance per party by the API, then copies in SQL.
start "$JAR_A" "$out/seed.log"
for party in $MANY_PARTY $FEW_PARTY; do
  code=$(curl -s -o "$out/template-$party.json" -w '%{http_code}' -X POST -H "$auth" \
    -H 'Content-Type: application/json' -d '{}' \
    "$BASE/ttd/example-app/instances?instanceOwnerPartyId=$party")
  [ "$code" = 201 ] || { cat "$out/template-$party.json" >&2; die "create returned $code"; }
done
stop
cols=$(db -At -c "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'instance' AND column_name NOT IN ('id','last_changed')")
for spec in "$MANY_PARTY:$MANY" "$FEW_PARTY:$FEW"; do
  party=${spec%%:*}; n=${spec##*:}
  db <<SQL
INSERT INTO instance (id, last_changed, $cols)
  SELECT gen_random_uuid(), now() - g * interval '1 second', $cols
    FROM (SELECT * FROM instance WHERE instance_owner_party_id = $party LIMIT 1) t,
         generate_series(1, $n - 1) g;
SQL
done
db -c 'VACUUM ANALYZE instance'

measure() { # label jar round
  start "$2" "$out/$1-$3.log" "-Xlog:gc:file=$out/$1-$3.gc"
  for party in $FEW_PARTY $MANY_PARTY; do
    curl -s --max-time 30 -H "$auth" "$BASE/ttd/example-app/instances/$party/active" >/dev/null || true
  done
  # a warm-up, then the timed runs
  wrk -t2 -c"$CONNECTIONS" -d3s -H "$auth" "$BASE/ttd/example-app/instances/$MANY_PARTY/active" >/dev/null || true
  for party in $FEW_PARTY $MANY_PARTY; do
    if ! kill -0 "$pid" 2>/dev/null; then
      printf '%s\t%s\t-\t-\t-\t-\t-\tthe JVM died (see %s)\n' "$1" "$3" "$1-$3.log" >>"$out/summary.tsv"
      continue
    fi
    listed=$(curl -s --max-time 30 -H "$auth" "$BASE/ttd/example-app/instances/$party/active" | grep -o '"id":' | wc -l || true)
    gc_lines_before=$(wc -l <"$out/$1-$3.gc")
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$auth" \
      "$BASE/ttd/example-app/instances/$party/active" >"$out/$1-$3-$party.wrk" || true
    rps=$(awk '/Requests\/sec/ {print $2}' "$out/$1-$3-$party.wrk")
    p50=$(awk '$1=="50%" {print $2}' "$out/$1-$3-$party.wrk")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' "$out/$1-$3-$party.wrk" | tr '\n' ' ')
    kill -0 "$pid" 2>/dev/null || errors="$errors the JVM died (see $1-$3.log)"
    grep -q OutOfMemoryError "$out/$1-$3.log" && errors="$errors OutOfMemoryError"
    # the heap in use before each collection during this run, at its highest (from -Xlog:gc)
    heap=$(tail -n +"$((gc_lines_before + 1))" "$out/$1-$3.gc" \
      | grep -oE '[0-9]+M->[0-9]+M' | awk -F'M->' '$1 > m {m = $1} END {print m + 0}' || true)
    # us of server time per listed instance: connections / (req/s * listed)
    per=$(awk -v r="${rps:-0}" -v n="$listed" -v c="$CONNECTIONS" 'BEGIN {if (r * n > 0) printf "%.2f", c * 1e6 / (r * n); else print "-"}')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$3" "$listed" "$rps" "$p50" "$per" "$heap" "$errors" >>"$out/summary.tsv"
  done
  stop
}

printf 'jar\tround\tlisted\treq/s\tp50\tus per listed instance\tpeak heap MiB\terrors\n' >"$out/summary.tsv"
for round in $(seq 1 "$ROUNDS"); do
  measure A "$JAR_A" "$round"
  measure B "$JAR_B" "$round"
done
log "summary in $out/summary.tsv"
column -t -s $'\t' "$out/summary.tsv"
