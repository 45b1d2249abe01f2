#!/usr/bin/env bash
# Time to ready of the packaged jar: wall time from starting the JVM to the first 200 of
# /q/health/ready (management port), and the JVM's CPU seconds at that moment, over RUNS runs of
# each variant, interleaved. See bench/README.md.
#
#   ./mvnw -B package -DskipTests -Dquarkus.package.jar.appcds.enabled=true && bench/startup.sh
#
# Variants (VARIANTS, default: all that can run):
#   plain            java -jar quarkus-run.jar (the JDK's default CDS archive of its own classes)
#   tiered1          + -XX:TieredStopAtLevel=1 (C1 only)
#   appcds           + -XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa, the archive Quarkus
#                    builds with -Dquarkus.package.jar.appcds.enabled=true (skipped when absent)
#   appcds-tiered1   both
#   dyncds           + a dynamic archive this script dumps first (-XX:ArchiveClassesAtExit, one
#                    extra start and stop): every class loaded up to readiness and shutdown
#   noshare          -Xshare:off, no CDS at all (for reference)
#   aot              + -XX:AOTCache=<cache> (JDK 24+, JEP 483/515: classes loaded and linked, and on
#                    JDK 25 method profiles, from a training run this script makes first with
#                    -XX:AOTCacheOutput: one start to readiness and a stop; skipped on an older JDK)
#   aot-tiered1      aot and -XX:TieredStopAtLevel=1
# Environment (defaults in brackets): RUNS [5]
#   VARIANTS [plain tiered1 appcds appcds-tiered1 dyncds noshare aot aot-tiered1]
#   JAR [target/quarkus-app/quarkus-run.jar]  JAVA [java]  JAVA_OPTS []  NODE [node]
#   STARTUP_PORT [18190]  MGMT_PORT [19190]  TIMEOUT [60] seconds per start
#   EMBEDDED [0]: 1 = no datasource configured, the jar starts its embedded PostgreSQL (LocalDbMain)
#   PG_PORT [5432]  PG_DB [bench_startup]  PG_USER [bench]  PG_PASSWORD [bench]
#   PG_ADMIN [runuser -u postgres -- psql]   creates PG_DB (and the role) when missing; never drops it
#   RESULTS_DIR [bench/results]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

RUNS=${RUNS:-5}
VARIANTS=${VARIANTS:-plain tiered1 appcds appcds-tiered1 dyncds noshare aot aot-tiered1}
JAR=${JAR:-$root/target/quarkus-app/quarkus-run.jar}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
NODE=${NODE:-node}
STARTUP_PORT=${STARTUP_PORT:-18190}
MGMT_PORT=${MGMT_PORT:-19190}
TIMEOUT=${TIMEOUT:-60}
EMBEDDED=${EMBEDDED:-0}
PG_HOST=127.0.0.1
PG_PORT=${PG_PORT:-5432}
PG_DB=${PG_DB:-bench_startup}
PG_USER=${PG_USER:-bench}
PG_PASSWORD=${PG_PASSWORD:-bench}
PG_ADMIN=${PG_ADMIN:-runuser -u postgres -- psql}
RESULTS_DIR=${RESULTS_DIR:-$here/results}

die() { echo "startup: $*" >&2; exit 1; }
log() { echo "startup: $(date -u +%H:%M:%S) $*" >&2; }

for tool in curl python3 timeout "$JAVA" "$NODE"; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found"
done
[ -f "$JAR" ] || die "no jar at $JAR: run ./mvnw -B package -DskipTests first"
case "$RUNS$TIMEOUT" in *[!0-9]*) die "RUNS and TIMEOUT must be whole numbers" ;; esac
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$STARTUP_PORT" "$MGMT_PORT"; do
  if port_busy "$p"; then die "something already listens on 127.0.0.1:$p; set STARTUP_PORT or MGMT_PORT"; fi
done
jsa="$(dirname "$JAR")/app-cds.jsa"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$RESULTS_DIR/startup-$stamp"
mkdir -p "$out"
log "results go to $out"

env_args=(QUARKUS_HTTP_PORT="$STARTUP_PORT" QUARKUS_MANAGEMENT_PORT="$MGMT_PORT"
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$root/dev/keys/dev-jwt-public.pem" MP_JWT_VERIFY_ISSUER=app-instances-dev)
if [ "$EMBEDDED" = 1 ]; then
  log "no datasource configured: the jar starts its embedded PostgreSQL (data in $out/local-db)"
  env_args+=(LOCAL_DB_DATA_DIR="$out/local-db")
else
  # shellcheck disable=SC2086
  admin() { $PG_ADMIN -X -q -v ON_ERROR_STOP=1 "$@"; }
  admin -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE "$PG_USER" LOGIN PASSWORD '$PG_PASSWORD';
  END IF;
END \$\$;
SQL
  if [ -z "$(admin -d postgres -At -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" ]; then
    admin -d postgres -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_USER\""
  fi
  env_args+=(QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PG_HOST:$PG_PORT/$PG_DB"
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"
    QUARKUS_DATASOURCE_USERNAME="$PG_USER" QUARKUS_DATASOURCE_PASSWORD="$PG_PASSWORD")
fi

variant_opts() { # variant -> JVM options, one a line; nothing and status 1 when it cannot run
  case "$1" in
    plain) ;;
    tiered1) echo -XX:TieredStopAtLevel=1 ;;
    appcds) [ -f "$jsa" ] || return 1; echo "-XX:SharedArchiveFile=$jsa" ;;
    appcds-tiered1) [ -f "$jsa" ] || return 1; echo "-XX:SharedArchiveFile=$jsa"; echo -XX:TieredStopAtLevel=1 ;;
    dyncds) [ -f "$out/dyn-cds.jsa" ] || return 1; echo "-XX:SharedArchiveFile=$out/dyn-cds.jsa" ;;
    noshare) echo -Xshare:off ;;
    aot) [ -f "$out/app.aot" ] || return 1; echo "-XX:AOTCache=$out/app.aot" ;;
    aot-tiered1) [ -f "$out/app.aot" ] || return 1; echo "-XX:AOTCache=$out/app.aot"; echo -XX:TieredStopAtLevel=1 ;;
    *) die "unknown variant $1" ;;
  esac
}

probe() { # log-file json-out jvm-options...   (STOP_TIMEOUT: seconds the JVM gets to exit [30])
  local logf=$1 res=$2 p; shift 2
  # another process on either port would answer (or break) the probe: refuse
  for p in "$STARTUP_PORT" "$MGMT_PORT"; do
    if port_busy "$p"; then echo "{\"ready_s\":null,\"cpu_s\":null,\"code\":\"port $p busy\"}" >"$res"; return 1; fi
  done
  # shellcheck disable=SC2086
  (cd "$root" && timeout $(( TIMEOUT + 60 )) env "${env_args[@]}" "$NODE" "$here/startup-probe.mjs" \
      --url "http://127.0.0.1:$MGMT_PORT/q/health/ready" --timeout "$TIMEOUT" --log "$logf" \
      --stop-timeout "${STOP_TIMEOUT:-30}" \
      -- "$JAVA" $JAVA_OPTS "$@" -jar "$JAR") >"$res" || return 1
}

# One start first: migrates a fresh database, fills the page cache; not counted.
log "first start (not counted)"
probe "$out/first.log" "$out/first.json" || { cat "$out/first.json" >&2; tail -20 "$out/first.log" >&2; die "the jar did not get ready"; }
log "first start: $(cat "$out/first.json")"

case " $VARIANTS " in
  *" dyncds "*)
    log "dumping a dynamic CDS archive (-XX:ArchiveClassesAtExit)"
    probe "$out/dyncds-dump.log" "$out/dyncds-dump.json" "-XX:ArchiveClassesAtExit=$out/dyn-cds.jsa" \
      || log "WARNING: the dump run failed (see $out/dyncds-dump.log)"
    [ -f "$out/dyn-cds.jsa" ] || log "WARNING: no dynamic archive written; dyncds skipped"
    ;;
esac

case " $VARIANTS " in
  *" aot"*)
    if "$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then
      # the cache is assembled when the training JVM exits: give it time
      log "training run for the AOT cache (-XX:AOTCacheOutput)"
      STOP_TIMEOUT=300 probe "$out/aot-train.log" "$out/aot-train.json" "-XX:AOTCacheOutput=$out/app.aot" \
        || log "WARNING: the training run failed (see $out/aot-train.log)"
      [ -f "$out/app.aot" ] || log "WARNING: no AOT cache written; aot variants skipped"
    else
      log "$JAVA has no -XX:AOTCacheOutput (JDK 25+): aot variants skipped"
    fi
    ;;
esac

runnable=()
for v in $VARIANTS; do
  if variant_opts "$v" >/dev/null; then runnable+=("$v"); else log "variant $v skipped (no archive or cache; appcds: build with -Dquarkus.package.jar.appcds.enabled=true)"; fi
done
[ ${#runnable[@]} -gt 0 ] || die "no variant can run"

res="$out/startup.tsv"
printf 'run\tvariant\tready_s\tcpu_s\tcds_used\n' >"$res"
for i in $(seq 1 "$RUNS"); do
  for v in "${runnable[@]}"; do
    mapfile -t o < <(variant_opts "$v")
    name="run$i-$v"
    probe "$out/$name.log" "$out/$name.json" "${o[@]}" -Xlog:cds=info:file="$out/$name.cds.log" \
      || { log "WARNING: $name did not get ready: $(cat "$out/$name.json")"; }
    # whether the JVM mapped the archive it was given (a mismatched one is ignored with a warning)
    used=$(grep -qiE 'error|mismatch|disabled|unable' "$out/$name.cds.log" 2>/dev/null && echo no || echo yes)
    [ "$v" = noshare ] && used=no
    python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print("\t".join([sys.argv[2], sys.argv[3], str(j["ready_s"]), str(j["cpu_s"]), sys.argv[4]]))' \
      "$out/$name.json" "$i" "$v" "$used" >>"$res"
    log "$name: $(cat "$out/$name.json")"
  done
done

java_version=$("$JAVA" -version 2>&1 | head -1)
python3 - "$res" "$out/startup-summary.md" "$out/startup-summary.tsv" "$java_version" "$EMBEDDED" "$RUNS" "$JAVA_OPTS" <<'PY'
import csv, statistics, sys
res, md, tsv, jv, embedded, runs, jopts = sys.argv[1:8]
rows = list(csv.DictReader(open(res), delimiter="\t"))
order = []
for r in rows:
    if r["variant"] not in order:
        order.append(r["variant"])
opts = {"plain": "", "tiered1": "-XX:TieredStopAtLevel=1", "appcds": "-XX:SharedArchiveFile=app-cds.jsa",
        "appcds-tiered1": "-XX:SharedArchiveFile=app-cds.jsa -XX:TieredStopAtLevel=1",
        "dyncds": "-XX:SharedArchiveFile=<dumped with -XX:ArchiveClassesAtExit>", "noshare": "-Xshare:off",
        "aot": "-XX:AOTCache=<trained with -XX:AOTCacheOutput>",
        "aot-tiered1": "-XX:AOTCache=<trained> -XX:TieredStopAtLevel=1"}
def f(v):
    return [float(x) for x in v if x not in ("None", "", "nan")]
lines = [f"Time to ready (first 200 of /q/health/ready) of quarkus-run.jar, {runs} runs per variant, interleaved; "
         f"{jv}; {'embedded PostgreSQL' if embedded == '1' else 'PostgreSQL on 127.0.0.1'}; JAVA_OPTS='{jopts}'.", "",
         "| variant | JVM options | ready s (median) | min | max | CPU s to ready (median) | ok runs | CDS archive used |",
         "|---|---|---:|---:|---:|---:|---:|---|"]
out = [["variant", "options", "ready_s_median", "ready_s_min", "ready_s_max", "cpu_s_median", "ok_runs", "cds_used"]]
for v in order:
    sel = [r for r in rows if r["variant"] == v]
    rs, cs = f(r["ready_s"] for r in sel), f(r["cpu_s"] for r in sel)
    m = lambda xs, fn: f"{fn(xs):.2f}" if xs else "n/a"
    used = ",".join(sorted({r["cds_used"] for r in sel}))
    row = [v, opts.get(v, ""), m(rs, statistics.median), m(rs, min), m(rs, max), m(cs, statistics.median), f"{len(rs)}/{len(sel)}", used]
    out.append(row)
    lines.append("| " + " | ".join([row[0], f"`{row[1]}`" if row[1] else "", *row[2:]]) + " |")
open(md, "w").write("\n".join(lines) + "\n")
with open(tsv, "w") as fh:
    for r in out:
        fh.write("\t".join(r) + "\n")
print("\n".join(lines))
PY
