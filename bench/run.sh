#!/usr/bin/env bash
# Load benchmark: GET instance and JSON create, interleaved in ROUNDS rounds, against
#   pgbench        the service's SQL (bench/pgbench/*.sql) straight to PostgreSQL
#   baseline       the bare framework (bench/baseline: Quarkus REST + reactive PG client) running
#                  that same SQL, without authentication
#   baseline-jwt   the same, verifying the RS256 bearer token as the service does
#   service        the packaged service jar
# all at the same concurrency on the same PostgreSQL, with CPU per request of the JVM and of
# PostgreSQL, and the p99 at a fixed arrival rate of half the service's peak. See bench/README.md.
#
#   ./mvnw -B package -DskipTests && ./mvnw -B -f bench/baseline/pom.xml package && bench/run.sh
#
# Everything is overridable by environment (defaults in brackets):
#   ROUNDS [3]  DURATION [30]  WARMUP [15]  CONNECTIONS [16]  THREADS [2]  INSTANCES [10000]
#   TARGETS [pgbench baseline baseline-jwt service]   HALF_TARGETS [service baseline-jwt] ("" = none)
#   BENCH_PORT [8080]  MGMT_PORT [9000]  BASELINE_PORT [8081]
#   JAR [target/quarkus-app/quarkus-run.jar]  BASELINE_JAR [bench/baseline/target/quarkus-app/quarkus-run.jar]
#   JAVA [java]  JAVA_OPTS []  NODE [node]
#   PG_PORT [5432]  PG_DB [bench]  PG_USER [bench]  PG_PASSWORD [bench]
#   PG_ADMIN [runuser -u postgres -- psql]   a superuser psql (word-split); drops/creates PG_DB
#   RESULTS_DIR [bench/results]  FOREIGN_CPU_MAX [10]
#   ASPROF []  path to async-profiler's asprof: profiles the service during each measured phase
#              (not the half-rate ones) into RESULTS_DIR/<stamp>/r<round>-service-<workload>.collapsed;
#              bench/profile-components.py sums those by component. Profiling costs CPU, so the
#              rates of a profiled run are not comparable with an unprofiled one.
#   ASPROF_EVENT [itimer]  ASPROF_INTERVAL [1ms]
# Load only ever goes to 127.0.0.1; every load step is bounded by DURATION/WARMUP.
# The database PG_DB is DROPPED and recreated on every run.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-15}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
INSTANCES=${INSTANCES:-10000}
TARGETS=${TARGETS:-pgbench baseline baseline-jwt service}
HALF_TARGETS=${HALF_TARGETS-service baseline-jwt}
BENCH_PORT=${BENCH_PORT:-8080}
MGMT_PORT=${MGMT_PORT:-9000}
BASELINE_PORT=${BASELINE_PORT:-8081}
JAR=${JAR:-$root/target/quarkus-app/quarkus-run.jar}
BASELINE_JAR=${BASELINE_JAR:-$here/baseline/target/quarkus-app/quarkus-run.jar}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
ASPROF=${ASPROF:-}
ASPROF_EVENT=${ASPROF_EVENT:-itimer}
ASPROF_INTERVAL=${ASPROF_INTERVAL:-1ms}
NODE=${NODE:-node}
PG_HOST=127.0.0.1
PG_PORT=${PG_PORT:-5432}
PG_DB=${PG_DB:-bench}
PG_USER=${PG_USER:-bench}
PG_PASSWORD=${PG_PASSWORD:-bench}
PG_ADMIN=${PG_ADMIN:-runuser -u postgres -- psql}
RESULTS_DIR=${RESULTS_DIR:-$here/results}
PARTY=50001337
USER_ID=1337
APP=ttd/example-app
BASE=http://127.0.0.1:$BENCH_PORT
BBASE=http://127.0.0.1:$BASELINE_PORT

die() { echo "bench: $*" >&2; exit 1; }
log() { echo "bench: $(date -u +%H:%M:%S) $*" >&2; }

for tool in wrk pgbench psql curl openssl awk sort python3 timeout "$JAVA" "$NODE"; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found (wrk: apt-get install -y wrk)"
done
[ -z "$ASPROF" ] || [ -x "$ASPROF" ] || die "ASPROF=$ASPROF is not an executable asprof"
[ -f "$JAR" ] || die "no jar at $JAR: run ./mvnw -B package -DskipTests first"
case " $TARGETS $HALF_TARGETS " in
  *" baseline"*)
    [ -f "$BASELINE_JAR" ] || die "no baseline jar at $BASELINE_JAR: run ./mvnw -B -f bench/baseline/pom.xml package" ;;
esac
for t in $TARGETS $HALF_TARGETS; do
  case "$t" in pgbench|baseline|baseline-jwt|service) ;; *) die "unknown target $t" ;; esac
done
case "$ROUNDS$DURATION$WARMUP$CONNECTIONS$THREADS$INSTANCES" in
  *[!0-9]*) die "ROUNDS, DURATION, WARMUP, CONNECTIONS, THREADS and INSTANCES must be whole numbers" ;;
esac
[ "$ROUNDS" -ge 1 ] || die "ROUNDS must be at least 1"
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$BENCH_PORT" "$MGMT_PORT" "$BASELINE_PORT"; do
  if port_busy "$p"; then die "something already listens on 127.0.0.1:$p; set BENCH_PORT, MGMT_PORT or BASELINE_PORT"; fi
done

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$RESULTS_DIR/$stamp"
mkdir -p "$out"
log "results go to $out"

# shellcheck source=pg-common.sh
. "$here/pg-common.sh"

# ---------------------------------------------------------------- fresh database
log "recreating database $PG_DB (owner $PG_USER)"
fresh_db

# The postmaster of the server: its children are the backends and the background processes.
pg_datadir=$(admin -d postgres -At -c 'SHOW data_directory')
pg_pid=$(head -1 "$pg_datadir/postmaster.pid" 2>/dev/null) || die "cannot read $pg_datadir/postmaster.pid (run as root or the postgres user)"
kill -0 "$pg_pid" 2>/dev/null || die "postmaster $pg_pid (from $pg_datadir/postmaster.pid) is not running"

# ---------------------------------------------------------------- processes
svc_pid=
base_pid=
top_pid=
stop_pid() { # pid name
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
    log "stopping $2 (pid $1)"
    kill "$1"
    for _ in $(seq 1 30); do kill -0 "$1" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$1" 2>/dev/null && kill -9 "$1"
    wait "$1" 2>/dev/null || true
  fi
}
cleanup() {
  [ -z "$top_pid" ] || { kill "$top_pid" 2>/dev/null || true; wait "$top_pid" 2>/dev/null || true; }
  top_pid=
  stop_pid "$svc_pid" service; svc_pid=
  stop_pid "$base_pid" baseline; base_pid=
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_ready() { # pid url name log
  for _ in $(seq 1 240); do
    kill -0 "$1" 2>/dev/null || { tail -20 "$4" >&2; die "$3 exited at startup"; }
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$2")" = 200 ]; then return 0; fi
    sleep 0.25
  done
  die "$3 not ready after 60 s (see $4)"
}

log "starting $JAR on port $BENCH_PORT (management $MGMT_PORT)"
# shellcheck disable=SC2086
(
  cd "$root"
  exec env \
    QUARKUS_HTTP_PORT="$BENCH_PORT" \
    QUARKUS_MANAGEMENT_PORT="$MGMT_PORT" \
    QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PG_HOST:$PG_PORT/$PG_DB" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" \
    QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
    QUARKUS_DATASOURCE_PASSWORD="$PG_PASSWORD" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$root/dev/keys/dev-jwt-public.pem" \
    MP_JWT_VERIFY_ISSUER=app-instances-dev \
    "$JAVA" $JAVA_OPTS -jar "$JAR"
) >"$out/service.log" 2>&1 &
svc_pid=$!
svc_pid_seen=$svc_pid  # svc_pid is cleared when the service stops; the report needs it after
echo "$svc_pid" >"$out/service.pid"
wait_ready "$svc_pid" "http://127.0.0.1:$MGMT_PORT/q/health/ready" service "$out/service.log"
log "service ready (pid $svc_pid)"

base_pid_seen=
case " $TARGETS $HALF_TARGETS " in
  *" baseline"*)
    log "starting baseline $BASELINE_JAR on port $BASELINE_PORT"
    # shellcheck disable=SC2086
    (
      cd "$here/baseline"
      exec env \
        QUARKUS_HTTP_PORT="$BASELINE_PORT" \
        QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PG_HOST:$PG_PORT/$PG_DB" \
        QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
        QUARKUS_DATASOURCE_PASSWORD="$PG_PASSWORD" \
        BASELINE_SQL_DIR="$here/pgbench" \
        MP_JWT_VERIFY_PUBLICKEY_LOCATION="$root/dev/keys/dev-jwt-public.pem" \
        MP_JWT_VERIFY_ISSUER=app-instances-dev \
        "$JAVA" $JAVA_OPTS -jar "$BASELINE_JAR"
    ) >"$out/baseline.log" 2>&1 &
    base_pid=$!
    base_pid_seen=$base_pid
    echo "$base_pid" >"$out/baseline.pid"
    wait_ready "$base_pid" "$BBASE/ready" baseline "$out/baseline.log"
    log "baseline ready (pid $base_pid)"
    ;;
esac

# Long enough for the whole run (+1 h); the service and the baseline check exp.
token=$(DEV_TOKEN_TTL=$(( ROUNDS * DURATION * 16 + WARMUP * 6 + 3600 )) "$root/bin/dev-token" user "$USER_ID" "$PARTY")
auth="Authorization: Bearer $token"
create_url="$BASE/$APP/instances?instanceOwnerPartyId=$PARTY"

# ---------------------------------------------------------------- seed instances
# One instance is created through the API; INSTANCES copies of it get ids md5('bench-'||n)::uuid
# (random-looking, reproducible, and computable inside pgbench), then the template goes.
code=$(curl -s -o "$out/template.json" -w '%{http_code}' --max-time 30 -X POST -H "$auth" \
  -H 'Content-Type: application/json' -d '{}' "$create_url")
[ "$code" = 201 ] || { cat "$out/template.json" >&2; die "template create returned $code, not 201"; }
template=$(sed -n 's/^{"id":"[0-9]*\/\([0-9a-f-]*\)".*/\1/p' "$out/template.json")
[ -n "$template" ] || die "no id in the template response"

log "seeding $INSTANCES instances"
# Every column but id, from the schema itself, so that migrations don't break the copy.
cols=$(db -At -c "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'instance' AND column_name <> 'id'")
db -v tmpl="$template" -v n="$INSTANCES" <<SQL
INSERT INTO instance (id,$cols)
  SELECT md5('bench-' || g)::uuid, $cols FROM instance, generate_series(1, :n) g WHERE id = :'tmpl';
DELETE FROM instance WHERE id = :'tmpl';
SQL
db -At -c "SELECT '$PARTY/' || md5('bench-' || g)::uuid FROM generate_series(1, $INSTANCES) g" >"$out/ids.txt"
[ "$(wc -l <"$out/ids.txt")" -eq "$INSTANCES" ] || die "ids file has the wrong length"

# Per target: where wrk sends GET (prefix of partyId/guid) and POST, and which JVM serves it.
get_prefix() { case "$1" in service) echo "$APP" ;; baseline) echo "plain/$APP" ;; baseline-jwt) echo "jwt/$APP" ;; esac; }
base_url() { case "$1" in service) echo "$BASE" ;; *) echo "$BBASE" ;; esac; }
post_url() { echo "$(base_url "$1")/$(get_prefix "$1")/instances?instanceOwnerPartyId=$PARTY"; }
jvm_pid() { case "$1" in service) echo "$svc_pid" ;; baseline|baseline-jwt) echo "$base_pid" ;; *) echo "" ;; esac; }
auth_args() { case "$1" in baseline) ;; *) printf '%s\n' -H "$auth" ;; esac; }

first=$(head -1 "$out/ids.txt")
for t in $TARGETS $HALF_TARGETS; do
  [ "$t" = pgbench ] && continue
  mapfile -t a < <(auth_args "$t")
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "${a[@]}" "$(base_url "$t")/$(get_prefix "$t")/instances/$first")
  [ "$code" = 200 ] || die "$t: GET of a seeded instance returned $code, not 200"
done

# Back to exactly the seeded rows, vacuumed and checkpointed, so each write phase starts alike.
reset_db() {
  db -v n="$INSTANCES" >/dev/null <<SQL
DELETE FROM instance WHERE id NOT IN (SELECT md5('bench-' || g)::uuid FROM generate_series(1, :n) g);
VACUUM ANALYZE instance;
VACUUM ANALYZE party;
VACUUM ANALYZE data_element;
VACUUM ANALYZE blob;
SQL
  checkpoint
}
count_rows() { db -At -c 'SELECT count(*) FROM instance'; }

# ---------------------------------------------------------------- helpers
clk_tck=$(getconf CLK_TCK)
# CPU ticks (user + system) of one process, all its threads
cpu_ticks() { [ -n "$1" ] && awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$1/stat" || echo 0; }
# CPU ticks of the PostgreSQL server: every live child of the postmaster (backends, walwriter,
# checkpointer, ...) plus the postmaster itself and what its exited children used (cutime,
# cstime: the backends of pgbench, which end with it). Counts every database of the cluster.
pg_ticks() {
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v pm="$pg_pid" '
    { line = $0; pid = $1; sub(/^.*\) /, "", line); split(line, f, " ")
      if (f[2] == pm) n += f[12] + f[13]
      else if (pid == pm) n += f[12] + f[13] + f[14] + f[15] }
    END { print n + 0 }'
}
per_req_ms() { awk -v t="$1" -v n="$2" -v hz="$clk_tck" 'BEGIN { if (n > 0) printf "%.3f", t / hz * 1000 / n; else print "" }'; }

run_wrk() { # file seconds script url prefix target
  local a
  mapfile -t a < <(auth_args "$6")
  BENCH_IDS="$out/ids.txt" BENCH_APP="$5" \
    timeout $(( $2 + 30 )) wrk -t "$THREADS" -c "$CONNECTIONS" -d "${2}s" --timeout 10s --latency "${a[@]}" -s "$here/$3" "$4" >"$out/$1.txt" 2>&1 \
    || { cat "$out/$1.txt" >&2; die "wrk $1 failed"; }
}

# wrk prints times as 1.23us / 4.56ms / 7.89s; -> milliseconds
wrk_ms() { # file percentile-label
  awk -v p="$2" '$1 == p && $2 ~ /^[0-9.]+(us|ms|s|m)$/ {
      v = $2; u = v; sub(/^[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
      f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : 60000
      printf "%.2f", v * f; exit }' "$1"
}
wrk_rps() { awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$1"; }
wrk_total() { awk '/requests in/ {print $1; exit}' "$1"; }
wrk_errors() { # non-2xx/3xx + socket errors
  awk '/Non-2xx or 3xx responses:/ {n += $NF}
       /Socket errors:/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10}
       END {print n + 0}' "$1"
}

run_pgbench() { # file script [extra pgbench options]
  local name=$1 script=$2; shift 2
  PGPASSWORD=$PG_PASSWORD timeout $(( DURATION + 60 )) pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -n -M prepared \
    -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -D ninst="$INSTANCES" -D party="$PARTY" "$@" \
    -f "$here/pgbench/$script" -l --log-prefix="$out/$name-log" "$PG_DB" >"$out/$name.txt" 2>&1 \
    || { cat "$out/$name.txt" >&2; die "pgbench $name failed"; }
}
pgb_tps() { awk '/^tps = / {printf "%.0f", $3; exit}' "$1"; }
pgb_errors() { awk '/^number of failed transactions:/ {n = $5} END {print n + 0}' "$1"; }
pgb_total() { awk '/^number of transactions actually processed:/ {print $6}' "$1" | cut -d/ -f1; }
# per-transaction latency (3rd field, microseconds; with -R the schedule lag is the 7th and is
# added, as wrk2 would count it) from the -l logs -> ms at a percentile
pgb_ms() { # file percentile
  cat "$out/$1"-log.* | awk '{print $3 + (NF >= 7 ? $7 : 0)}' | sort -n | awk -v p="$2" '{a[NR] = $1}
    END { i = int(NR * p / 100 + 0.999999); if (i < 1) i = 1; printf "%.2f", a[i] / 1000 }'
}

# ---------------------------------------------------------------- CPU of other processes
# The machine may be shared (builds, tests). top samples every 2 s for the rest of the run;
# the summary reports how much CPU processes other than ours (the JVMs, postgres, wrk,
# pgbench, node, this script) took while we measured.
top -b -d 2 -n $(( (ROUNDS * DURATION * 16 + WARMUP * 6) / 2 + 600 )) -w 256 >"$out/top.txt" 2>/dev/null &
top_pid=$!
marks="$out/phases.txt"
mark() { echo "$(date +%H:%M:%S) $1" >>"$marks"; }

# ---------------------------------------------------------------- warm-up (JIT, pools, caches)
for t in service baseline baseline-jwt; do
  case " $TARGETS $HALF_TARGETS " in *" $t "*) ;; *) continue ;; esac
  log "warm-up $t: GET ${WARMUP}s, POST ${WARMUP}s"
  run_wrk "warmup-$t-get" "$WARMUP" get.lua "$(base_url "$t")" "$(get_prefix "$t")" "$t"
  run_wrk "warmup-$t-post" "$WARMUP" post.lua "$(post_url "$t")" "" "$t"
  for f in "warmup-$t-get" "warmup-$t-post"; do
    [ "$(wrk_errors "$out/$f.txt")" = 0 ] || log "WARNING: errors during $f (see $out/$f.txt)"
  done
done
reset_db

# ---------------------------------------------------------------- measured phases
results="$out/results.tsv"
printf 'round\ttarget\tworkload\trequests\tseconds\trps\tp50_ms\tp99_ms\terrors\tjvm_cpu_ms_per_req\tpg_cpu_ms_per_req\trows_created\n' >"$results"
half="$out/half.tsv"
printf 'round\ttarget\tworkload\trate\tdue\trps\tp50_ms\tp99_ms\terrors\tjvm_cpu_ms_per_req\tpg_cpu_ms_per_req\trows_created\n' >"$half"
bad=

profiling() { [ -n "$ASPROF" ] && [ "$1" = service ]; }

phase() { # round target workload
  local r=$1 t=$2 w=$3 name="r$1-$2-$3" pid j0 j1 p0 p1 n rps p50 p99 e rows0 rows1 created
  pid=$(jvm_pid "$t")
  [ "$w" = post ] && { reset_db; rows0=$(count_rows); }
  log "round $r: $t $w ${DURATION}s"
  mark "$name"
  profiling "$t" && "$ASPROF" start -e "$ASPROF_EVENT" -i "$ASPROF_INTERVAL" "$pid" >/dev/null
  j0=$(cpu_ticks "$pid"); p0=$(pg_ticks)
  if [ "$t" = pgbench ]; then
    run_pgbench "$name" "$w.sql"
  elif [ "$w" = get ]; then
    run_wrk "$name" "$DURATION" get.lua "$(base_url "$t")" "$(get_prefix "$t")" "$t"
  else
    run_wrk "$name" "$DURATION" post.lua "$(post_url "$t")" "" "$t"
  fi
  j1=$(cpu_ticks "$pid"); p1=$(pg_ticks)
  profiling "$t" && "$ASPROF" stop -o collapsed -f "$out/$name.collapsed" "$pid" >/dev/null
  mark idle
  if [ "$t" = pgbench ]; then
    n=$(pgb_total "$out/$name.txt"); rps=$(pgb_tps "$out/$name.txt"); e=$(pgb_errors "$out/$name.txt")
    p50=$(pgb_ms "$name" 50); p99=$(pgb_ms "$name" 99)
    gzip -f "$out/$name"-log.* 2>/dev/null || true
  else
    n=$(wrk_total "$out/$name.txt"); rps=$(wrk_rps "$out/$name.txt"); e=$(wrk_errors "$out/$name.txt")
    p50=$(wrk_ms "$out/$name.txt" 50%); p99=$(wrk_ms "$out/$name.txt" 99%)
  fi
  created=
  if [ "$w" = post ]; then
    sleep 0.5
    rows1=$(count_rows); created=$((rows1 - rows0))
    if [ "$t" = pgbench ]; then
      [ "$created" = "$n" ] || bad="${bad:+$bad; }$name created $created rows for $n transactions"
    elif [ "$created" -lt "$n" ] || [ "$created" -gt $((n + CONNECTIONS)) ]; then
      bad="${bad:+$bad; }$name created $created rows for $n requests"
    fi
  fi
  [ "$e" = 0 ] || bad="${bad:+$bad; }$name: $e errors"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$t" "$w" "$n" "$DURATION" "$rps" "$p50" "$p99" "$e" \
    "$([ -n "$pid" ] && per_req_ms $((j1 - j0)) "$n")" "$(per_req_ms $((p1 - p0)) "$n")" "$created" >>"$results"
  [ "$w" = get ] && checkpoint
  return 0
}

# Fixed arrival rate: pgbench -R for pgbench, bench/paced.mjs (open loop) for the HTTP targets.
half_phase() { # round target workload rate
  local r=$1 t=$2 w=$3 rate=$4 name="r$1-$2-$3-half" pid j0 j1 p0 p1 json a rows0 created=
  pid=$(jvm_pid "$t")
  [ "$w" = post ] && { reset_db; rows0=$(count_rows); }
  log "round $r: $t $w at $rate req/s for ${DURATION}s"
  mark "$name"
  j0=$(cpu_ticks "$pid"); p0=$(pg_ticks)
  if [ "$t" = pgbench ]; then
    run_pgbench "$name" "$w.sql" -R "$rate"
    json=$(awk -v rate="$rate" -v d="$DURATION" '
      /^number of transactions actually processed:/ {split($6, x, "/"); n = x[1]}
      /^number of failed transactions:/ {e = $5}
      END {printf "{\"due\":%d,\"rps\":%.2f,\"errors\":%d}", rate * d, n / d, e}' "$out/$name.txt")
    json="${json%\}},\"p50\":$(pgb_ms "$name" 50),\"p99\":$(pgb_ms "$name" 99)}"
    gzip -f "$out/$name"-log.* 2>/dev/null || true
  else
    mapfile -t a < <(auth_args "$t" | sed 's/^-H$/--header/')
    if [ "$w" = get ]; then
      set -- --url "$(base_url "$t")/$(get_prefix "$t")/instances" --ids "$out/ids.txt"
    else
      set -- --url "$(post_url "$t")" --post
    fi
    timeout $(( DURATION + 35 )) "$NODE" "$here/paced.mjs" "$@" --rate "$rate" --seconds "$DURATION" \
      --connections "$CONNECTIONS" "${a[@]}" >"$out/$name.json" 2>"$out/$name.err" \
      || { cat "$out/$name.err" >&2; die "paced $name failed"; }
    json=$(cat "$out/$name.json")
  fi
  j1=$(cpu_ticks "$pid"); p1=$(pg_ticks)
  mark idle
  if [ "$w" = post ]; then sleep 0.5; created=$(( $(count_rows) - rows0 )); fi
  printf '%s\n' "$json" | python3 -c '
import json, sys
j = json.load(sys.stdin)
r, t, w, rate, jt, pt, hz, rows = sys.argv[1:9]
n = float(j["rps"]) * float(sys.argv[9])
per = lambda ticks: "" if ticks == "" or n <= 0 else "%.3f" % (int(ticks) / int(hz) * 1000 / n)
print("\t".join([r, t, w, rate, str(j["due"]), "%.0f" % j["rps"], "%.2f" % j["p50"], "%.2f" % j["p99"],
                 str(j["errors"]), per(jt), per(pt), rows]))' \
    "$r" "$t" "$w" "$rate" "$([ -n "$pid" ] && echo $((j1 - j0)))" $((p1 - p0)) "$clk_tck" "$created" "$DURATION" >>"$half"
  [ "$w" = get ] && checkpoint
  return 0
}

read -r -a target_list <<<"$TARGETS"
nt=${#target_list[@]}
for r in $(seq 1 "$ROUNDS"); do
  # rotate the order each round so that no target always runs first (or after the same one)
  for i in $(seq 0 $((nt - 1))); do
    t=${target_list[$(( (i + r - 1) % nt ))]}
    phase "$r" "$t" get
    phase "$r" "$t" post
  done
  for w in get post; do
    [ -n "$HALF_TARGETS" ] || break
    peak=$(awk -F'\t' -v r="$r" -v w="$w" '$1 == r && $2 == "service" && $3 == w {print $6}' "$results")
    if [ -z "$peak" ]; then
      peak=$(awk -F'\t' -v w="$w" '$2 == "service" && $3 == w {print $6}' "$results" | tail -1)
    fi
    [ -n "$peak" ] && [ "$peak" -gt 1 ] || { log "no service $w rate measured: skipping the half-rate phases"; continue; }
    for t in $HALF_TARGETS; do
      half_phase "$r" "$t" "$w" $((peak / 2))
    done
  done
done

vmhwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$svc_pid/status")
vmrss=$(awk '/^VmRSS:/ {print $2}' "/proc/$svc_pid/status")
bvmhwm=
[ -z "$base_pid" ] || bvmhwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$base_pid/status")
reset_db
cleanup

# Per measured phase: the mean over top samples of the %CPU summed over processes that are not
# ours (100 = one core), its maximum, and the process name that took most.
awk -v svc="$svc_pid_seen" -v base="${base_pid_seen:-none}" -v me="$$" '
  FNR == NR { mt[NR] = $1; mp[NR] = $2; nm = NR; if ($2 != "idle" && !($2 in seen)) { seen[$2] = 1; order[++no] = $2 } next }
  /^top - / {
    t = $3; ph = ""
    for (i = 1; i <= nm; i++) if (mt[i] <= t) ph = mp[i]
    keep = (ph != "" && ph != "idle"); if (keep) { n[ph]++; k = ph SUBSEP n[ph] }
    hdr = 0; next
  }
  /^ *PID +USER/ { hdr = 1; next }
  hdr && keep && NF >= 12 {
    cmd = $12; for (i = 13; i <= NF; i++) cmd = cmd " " $i
    if ($1 == svc || $1 == base || $1 == me || cmd ~ /^(postgres|wrk|pgbench|node|top|psql|awk|sleep|cat|curl|bash|python3|timeout|gzip|sort)$/) next
    f[k] += $9; by[ph, cmd] += $9; cmds[cmd] = 1
  }
  END {
    for (j = 1; j <= no; j++) {
      ph = order[j]; sum = 0; max = 0; best = 0; top1 = "-"
      for (i = 1; i <= n[ph]; i++) { v = f[ph, i]; sum += v; if (v > max) max = v }
      for (c in cmds) if (by[ph, c] > best) { best = by[ph, c]; top1 = c }
      printf "%s %.0f %.0f %s\n", ph, (n[ph] ? sum / n[ph] : 0), max, top1
    }
  }' "$marks" "$out/top.txt" >"$out/foreign-cpu.txt"
foreign_worst=$(awk '$2 > m {m = $2} END {print m + 0}' "$out/foreign-cpu.txt")
foreign_mean=$(awk '{s += $2; n++} END {printf "%.0f", n ? s / n : 0}' "$out/foreign-cpu.txt")
foreign_top=$(sort -k2 -n -r "$out/foreign-cpu.txt" | awk 'NR == 1 {print $4}')

# ---------------------------------------------------------------- report
pg_version=$(db -At -c 'SHOW server_version')
pg_settings=$(db -At -c "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('shared_buffers','synchronous_commit','fsync','max_connections')")
java_version=$("$JAVA" -version 2>&1 | head -1)
pool=$(sed -n 's/^quarkus\.datasource\.reactive\.max-size=//p' "$root/src/main/resources/application.properties" 2>/dev/null | head -1)
pool=${QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE:-${pool:-16}}

python3 "$here/summarize.py" "$out" >/dev/null
summary="$out/summary.md"
{
  echo "## Run $stamp"
  echo
  echo "- machine: $(nproc) cores, $(awk '/^MemTotal:/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); the load generators, the JVMs, pgbench and PostgreSQL all on it"
  echo "- targets, interleaved in $ROUNDS rounds (order rotated each round): $TARGETS"
  echo "- service: $(basename "$JAR") (JVM mode), $java_version, JAVA_OPTS='${JAVA_OPTS}', reactive pool max-size $pool"
  echo "- baseline: bench/baseline (Quarkus REST + reactive PG client, pool max-size 16) running bench/pgbench/*.sql; baseline-jwt adds RS256 bearer verification (smallrye-jwt) and the party claim check"
  echo "- PostgreSQL $pg_version on $PG_HOST:$PG_PORT over TCP ($pg_settings)"
  echo "- load: $CONNECTIONS connections, $THREADS threads, ${DURATION}s per phase after ${WARMUP}s warm-up per target and workload; $INSTANCES seeded instances, GET picks one at random"
  echo "- pgbench: -M prepared -c $CONNECTIONS -j $THREADS -T $DURATION, scripts bench/pgbench/get.sql and post.sql (one transaction = the SQL of one request)"
  echo "- JVM CPU: utime+stime of the serving JVM (/proc/PID/stat) over the phase ÷ requests; PG CPU: the same for the postmaster's children and the postmaster's exited children (whole cluster)"
  echo
  cat "$out/summary-tables.md"
  echo
  echo "- service memory after the run: VmHWM $((vmhwm / 1024)) MiB (peak RSS), VmRSS $((vmrss / 1024)) MiB${bvmhwm:+; baseline VmHWM $((bvmhwm / 1024)) MiB}"
  echo "- other processes' CPU % (100 = one core) over the measured phases: mean $foreign_mean, worst phase $foreign_worst (most: $foreign_top); see foreign-cpu.txt and top.txt"
  echo "- service log: $(grep -cE '"level":"ERROR"| ERROR ' "$out/service.log" || true) ERROR lines, $(grep -cE '"level":"WARN"| WARN ' "$out/service.log" || true) WARN lines (see service.log)"
  echo "- raw: results.tsv and half.tsv (one row per round and phase), summary.tsv (the medians), wrk/pgbench/paced output per phase"
} >"$summary"

if [ -n "$bad" ]; then
  printf '\n**INVALID RUN: %s** (raw output in this folder)\n' "$bad" >>"$summary"
fi
if [ "$foreign_worst" -gt "${FOREIGN_CPU_MAX:-10}" ]; then
  printf '\n**DISTURBED RUN: other processes took up to %s%% CPU on average in a phase (over %s%%); run again on a quiet machine.**\n' \
    "$foreign_worst" "${FOREIGN_CPU_MAX:-10}" >>"$summary"
  bad="${bad:+$bad; }disturbed"
fi

cat "$summary"
log "raw output and summary: $out"
[ -z "$bad" ] || exit 1
