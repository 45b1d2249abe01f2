#!/usr/bin/env bash
# Load benchmark: GET instance and JSON create against the packaged jar on a real PostgreSQL,
# side by side with pgbench running the same SQL at the same concurrency. See bench/README.md.
#
#   ./mvnw -B package -DskipTests && bench/run.sh
#
# Everything is overridable by environment (defaults in brackets):
#   DURATION [30]  WARMUP [15]  CONNECTIONS [16]  THREADS [2]  INSTANCES [10000]
#   BENCH_PORT [8080]  MANAGEMENT_PORT [9000] (health)  JAR [target/quarkus-app/quarkus-run.jar]  JAVA [java]  JAVA_OPTS []
#   PG_PORT [5432]  PG_DB [bench]  PG_USER [bench]  PG_PASSWORD [bench]
#   PG_ADMIN [runuser -u postgres -- psql]   a superuser psql (word-split); drops/creates PG_DB
#   RESULTS_DIR [bench/results]
# Load only ever goes to 127.0.0.1; every load step is bounded by DURATION/WARMUP.
# The database PG_DB is DROPPED and recreated on every run.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

DURATION=${DURATION:-30}
WARMUP=${WARMUP:-15}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
INSTANCES=${INSTANCES:-10000}
BENCH_PORT=${BENCH_PORT:-8080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-9000}
JAR=${JAR:-$root/target/quarkus-app/quarkus-run.jar}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
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

die() { echo "bench: $*" >&2; exit 1; }
log() { echo "bench: $(date -u +%H:%M:%S) $*" >&2; }

for tool in wrk pgbench psql curl openssl awk sort "$JAVA"; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found (wrk: apt-get install -y wrk)"
done
[ -f "$JAR" ] || die "no jar at $JAR: run ./mvnw -B package -DskipTests first"
case "$DURATION$WARMUP$CONNECTIONS$THREADS$INSTANCES" in
  *[!0-9]*) die "DURATION, WARMUP, CONNECTIONS, THREADS and INSTANCES must be whole numbers" ;;
esac
if curl -s -o /dev/null --max-time 2 "$BASE/"; then
  die "something already listens on 127.0.0.1:$BENCH_PORT; set BENCH_PORT"
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$RESULTS_DIR/$stamp"
mkdir -p "$out"
log "results go to $out"

# PG_ADMIN is a command with arguments: word-split on purpose.
# shellcheck disable=SC2086
admin() { $PG_ADMIN -X -q -v ON_ERROR_STOP=1 "$@"; }
db() { PGPASSWORD=$PG_PASSWORD psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" "$@"; }
checkpoint() { admin -d "$PG_DB" -c 'CHECKPOINT' >/dev/null; }

# ---------------------------------------------------------------- fresh database
log "recreating database $PG_DB (owner $PG_USER)"
admin -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE "$PG_USER" LOGIN PASSWORD '$PG_PASSWORD';
  END IF;
END \$\$;
DROP DATABASE IF EXISTS "$PG_DB" WITH (FORCE);
CREATE DATABASE "$PG_DB" OWNER "$PG_USER";
SQL

# ---------------------------------------------------------------- the service
svc_pid=
stop_service() {
  if [ -n "$svc_pid" ] && kill -0 "$svc_pid" 2>/dev/null; then
    log "stopping service (pid $svc_pid)"
    kill "$svc_pid"
    for _ in $(seq 1 30); do kill -0 "$svc_pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$svc_pid" 2>/dev/null && kill -9 "$svc_pid"
    wait "$svc_pid" 2>/dev/null || true
  fi
  svc_pid=
}
trap stop_service EXIT
trap 'exit 130' INT TERM

log "starting $JAR on port $BENCH_PORT"
# shellcheck disable=SC2086
(
  cd "$root"
  exec env \
    QUARKUS_HTTP_PORT="$BENCH_PORT" \
    QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
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

ready=
for _ in $(seq 1 120); do
  kill -0 "$svc_pid" 2>/dev/null || { tail -20 "$out/service.log" >&2; die "service exited at startup"; }
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready")" = 200 ]; then
    ready=1; break
  fi
  sleep 0.5
done
[ -n "$ready" ] || die "service not ready after 60 s (see $out/service.log)"
log "service ready (pid $svc_pid)"

token=$(DEV_TOKEN_TTL=$(( (WARMUP * 2 + DURATION * 4) + 3600 )) "$root/bin/dev-token" user "$USER_ID" "$PARTY")
auth="Authorization: Bearer $token"
create_url="$BASE/$APP/instances?instanceOwnerPartyId=$PARTY"

# ---------------------------------------------------------------- seed instances
# One instance is created through the API; INSTANCES copies of it get ids md5('bench-'||n)::uuid
# (random-looking, reproducible, and computable inside pgbench), then the template goes.
code=$(curl -s -o "$out/template.json" -w '%{http_code}' -X POST -H "$auth" \
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

first=$(head -1 "$out/ids.txt")
code=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "$BASE/$APP/instances/$first")
[ "$code" = 200 ] || die "GET of a seeded instance returned $code, not 200"

# Back to exactly the seeded rows, vacuumed and checkpointed, so each write phase starts alike.
reset_db() {
  db -v n="$INSTANCES" >/dev/null <<SQL
DELETE FROM instance WHERE id NOT IN (SELECT md5('bench-' || g)::uuid FROM generate_series(1, :n) g);
VACUUM ANALYZE instance;
VACUUM ANALYZE party;
SQL
  checkpoint
}
count_rows() { db -At -c 'SELECT count(*) FROM instance'; }

# ---------------------------------------------------------------- helpers
cpu_ticks() { awk '{print $14 + $15}' "/proc/$svc_pid/stat"; }
clk_tck=$(getconf CLK_TCK)

run_wrk() { # name seconds script url
  BENCH_IDS="$out/ids.txt" BENCH_APP="$APP" \
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "${2}s" --latency -H "$auth" -s "$here/$3" "$4" >"$out/$1.txt" 2>&1 \
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

run_pgbench() { # name script
  PGPASSWORD=$PG_PASSWORD pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -n -M prepared \
    -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -D ninst="$INSTANCES" -D party="$PARTY" \
    -f "$here/pgbench/$2" -l --log-prefix="$out/$1-log" "$PG_DB" >"$out/$1.txt" 2>&1 \
    || { cat "$out/$1.txt" >&2; die "pgbench $1 failed"; }
}
pgb_tps() { awk '/^tps = / {printf "%.0f", $3; exit}' "$1"; }
pgb_errors() { awk '/^number of failed transactions:/ {n = $5} END {print n + 0}' "$1"; }
pgb_total() { awk '/^number of transactions actually processed:/ {print $6}' "$1" | cut -d/ -f1; }
# per-transaction latency (3rd field, microseconds) from the -l logs -> ms at a percentile
pgb_ms() { # name percentile
  cat "$out/$1"-log.* | awk '{print $3}' | sort -n | awk -v p="$2" '{a[NR] = $1}
    END { i = int(NR * p / 100 + 0.999999); if (i < 1) i = 1; printf "%.2f", a[i] / 1000 }'
}

# ---------------------------------------------------------------- warm-up (JIT, pools, caches)
# ---------------------------------------------------------------- CPU of other processes
# The machine may be shared (builds, tests). top samples every 2 s for the rest of the run;
# the summary reports how much CPU processes other than ours (the service, postgres, wrk,
# pgbench, this script) took while we measured.
top_samples=$(( (WARMUP * 2 + DURATION * 4) / 2 + 60 ))
top -b -d 2 -n "$top_samples" -w 256 >"$out/top.txt" 2>/dev/null &
top_pid=$!
stop_top() { kill "$top_pid" 2>/dev/null || true; wait "$top_pid" 2>/dev/null || true; }
trap 'stop_top; stop_service' EXIT
marks="$out/phases.txt"
mark() { echo "$(date +%H:%M:%S) $1" >>"$marks"; }

log "warm-up: GET ${WARMUP}s, POST ${WARMUP}s"
run_wrk warmup-get "$WARMUP" get.lua "$BASE"
run_wrk warmup-post "$WARMUP" post.lua "$create_url"
for f in warmup-get warmup-post; do
  [ "$(wrk_errors "$out/$f.txt")" = 0 ] || log "WARNING: errors during $f (see $out/$f.txt)"
done
reset_db

# ---------------------------------------------------------------- service
log "service GET: ${DURATION}s, $CONNECTIONS connections, $THREADS threads"
mark sget
t0=$(cpu_ticks)
run_wrk service-get "$DURATION" get.lua "$BASE"
t1=$(cpu_ticks)
checkpoint

log "service POST: ${DURATION}s"
rows0=$(count_rows)
mark spost
run_wrk service-post "$DURATION" post.lua "$create_url"
mark idle
t2=$(cpu_ticks)
sleep 1
rows1=$(count_rows)
created=$((rows1 - rows0))

vmhwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$svc_pid/status")
vmrss=$(awk '/^VmRSS:/ {print $2}' "/proc/$svc_pid/status")
reset_db

# ---------------------------------------------------------------- pgbench, same SQL
log "pgbench GET SQL: ${DURATION}s"
mark pget
run_pgbench pgbench-get get.sql
mark idle
checkpoint
log "pgbench POST SQL: ${DURATION}s"
mark ppost
run_pgbench pgbench-post post.sql
mark idle
pg_created=$(db -At -c "SELECT count(*) FROM instance WHERE created_by = 'pgbench'")
reset_db

stop_service
stop_top

# Per measured phase: the mean over top samples of the %CPU summed over processes that are not
# ours (100 = one core), its maximum, and the process name that took most.
awk -v svc="$svc_pid_seen" -v me="$$" '
  FNR == NR { mt[NR] = $1; mp[NR] = $2; nm = NR; next }
  /^top - / {
    t = $3; ph = ""
    for (i = 1; i <= nm; i++) if (mt[i] <= t) ph = mp[i]
    keep = (ph != "" && ph != "idle"); if (keep) { n[ph]++; k = ph SUBSEP n[ph] }
    hdr = 0; next
  }
  /^ *PID +USER/ { hdr = 1; next }
  hdr && keep && NF >= 12 {
    cmd = $12; for (i = 13; i <= NF; i++) cmd = cmd " " $i
    if ($1 == svc || $1 == me || cmd ~ /^(postgres|wrk|pgbench|top|psql|awk|sleep|cat|curl|bash)$/) next
    f[k] += $9; by[ph, cmd] += $9; cmds[cmd] = 1
  }
  END {
    split("sget spost pget ppost", phases, " ")
    for (j = 1; j <= 4; j++) {
      ph = phases[j]; sum = 0; max = 0; best = 0; top1 = "-"
      for (i = 1; i <= n[ph]; i++) { v = f[ph, i]; sum += v; if (v > max) max = v }
      for (c in cmds) if (by[ph, c] > best) { best = by[ph, c]; top1 = c }
      printf "%s %.0f %.0f %s\n", ph, (n[ph] ? sum / n[ph] : 0), max, top1
    }
  }' "$marks" "$out/top.txt" >"$out/foreign-cpu.txt"
other() { awk -v ph="$1" '$1 == ph {print $2}' "$out/foreign-cpu.txt"; }
foreign_worst=$(awk '$2 > m {m = $2} END {print m + 0}' "$out/foreign-cpu.txt")
foreign_top=$(sort -k2 -n -r "$out/foreign-cpu.txt" | awk 'NR == 1 {print $4}')

# ---------------------------------------------------------------- report
s_get=$(wrk_rps "$out/service-get.txt");   s_post=$(wrk_rps "$out/service-post.txt")
p_get=$(pgb_tps "$out/pgbench-get.txt");   p_post=$(pgb_tps "$out/pgbench-post.txt")
e_sget=$(wrk_errors "$out/service-get.txt"); e_spost=$(wrk_errors "$out/service-post.txt")
e_pget=$(pgb_errors "$out/pgbench-get.txt"); e_ppost=$(pgb_errors "$out/pgbench-post.txt")
n_sget=$(wrk_total "$out/service-get.txt"); n_spost=$(wrk_total "$out/service-post.txt")
n_pget=$(pgb_total "$out/pgbench-get.txt"); n_ppost=$(pgb_total "$out/pgbench-post.txt")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
cpu_ms() { awk -v t="$1" -v n="$2" -v hz="$clk_tck" 'BEGIN { if (n > 0) printf "%.3f", t / hz * 1000 / n; else print "n/a" }'; }

pg_version=$(db -At -c 'SHOW server_version')
pg_settings=$(db -At -c "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('shared_buffers','synchronous_commit','fsync','max_connections')")
java_version=$("$JAVA" -version 2>&1 | head -1)
pool=$(sed -n 's/^quarkus\.datasource\.reactive\.max-size=//p' "$root/src/main/resources/application.properties" 2>/dev/null | head -1)
pool=${QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE:-${pool:-16}}

summary="$out/summary.md"
{
  echo "## Run $stamp"
  echo
  echo "- machine: $(nproc) cores, $(awk '/^MemTotal:/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); wrk, the service, pgbench and PostgreSQL all on it"
  echo "- service: $(basename "$JAR") (JVM mode), $java_version, JAVA_OPTS='${JAVA_OPTS}', reactive pool max-size $pool"
  echo "- PostgreSQL $pg_version on $PG_HOST:$PG_PORT over TCP ($pg_settings)"
  echo "- load: $CONNECTIONS connections, $THREADS threads, ${DURATION}s per phase after ${WARMUP}s+${WARMUP}s warm-up; $INSTANCES seeded instances, GET picks one at random"
  echo "- pgbench: -M prepared -c $CONNECTIONS -j $THREADS -T $DURATION, scripts bench/pgbench/get.sql and post.sql (one transaction = the SQL of one request)"
  echo
  echo "| workload | client | requests/s | p50 ms | p99 ms | requests | errors | service CPU ms/req | service / pgbench | other processes' CPU % |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  echo "| GET instance | service (wrk) | $s_get | $(wrk_ms "$out/service-get.txt" 50%) | $(wrk_ms "$out/service-get.txt" 99%) | $n_sget | $e_sget | $(cpu_ms $((t1 - t0)) "$n_sget") | $(ratio "$s_get" "$p_get") | $(other sget) |"
  echo "| GET instance | pgbench, same SQL | $p_get | $(pgb_ms pgbench-get 50) | $(pgb_ms pgbench-get 99) | $n_pget | $e_pget | | | $(other pget) |"
  echo "| JSON create | service (wrk) | $s_post | $(wrk_ms "$out/service-post.txt" 50%) | $(wrk_ms "$out/service-post.txt" 99%) | $n_spost | $e_spost | $(cpu_ms $((t2 - t1)) "$n_spost") | $(ratio "$s_post" "$p_post") | $(other spost) |"
  echo "| JSON create | pgbench, same SQL | $p_post | $(pgb_ms pgbench-post 50) | $(pgb_ms pgbench-post 99) | $n_ppost | $e_ppost | | | $(other ppost) |"
  echo
  echo "- service memory after the run: VmHWM $((vmhwm / 1024)) MiB (peak RSS), VmRSS $((vmrss / 1024)) MiB"
  echo "- rows created: service POST $created (wrk counted $n_spost completed), pgbench POST $pg_created (pgbench counted $n_ppost)"
  echo "- other processes' CPU %: mean over the phase of top samples (every 2 s) of the CPU that processes other than the service, PostgreSQL, wrk and pgbench took (100 = one core; most: $foreign_top); see foreign-cpu.txt and top.txt"
  echo "- service log: $(grep -cE '"level":"ERROR"| ERROR ' "$out/service.log" || true) ERROR lines, $(grep -cE '"level":"WARN"| WARN ' "$out/service.log" || true) WARN lines (see service.log)"
} >"$summary"

# Rows check: every completed create is a row; at most CONNECTIONS more may have been in flight.
bad=
[ "$e_sget$e_spost$e_pget$e_ppost" = 0000 ] || bad="errors reported"
if [ "$created" -lt "$n_spost" ] || [ "$created" -gt $((n_spost + CONNECTIONS)) ]; then
  bad="${bad:+$bad; }service POST created $created rows for $n_spost requests"
fi
[ "$pg_created" = "$n_ppost" ] || bad="${bad:+$bad; }pgbench POST created $pg_created rows for $n_ppost transactions"
if [ -n "$bad" ]; then
  printf '\n**INVALID RUN: %s** (raw output in this folder)\n' "$bad" >>"$summary"
fi
if [ "$foreign_worst" -gt "${FOREIGN_CPU_MAX:-10}" ]; then
  printf '\n**DISTURBED RUN: other processes took up to %s%% CPU on average in a phase (over %s%%); run again on a quiet machine.**\n' \
    "$foreign_worst" "${FOREIGN_CPU_MAX:-10}" >>"$summary"
  bad="${bad:+$bad; }disturbed"
fi

gzip -f "$out"/pgbench-*-log.* 2>/dev/null || true
cat "$summary"
log "raw output and summary: $out"
[ -z "$bad" ] || exit 1
