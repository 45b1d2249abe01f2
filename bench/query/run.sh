#!/usr/bin/env bash
# Instance query at 1,000,000 instances: first page vs a page 2,000 pages deep, side by side, and
# EXPLAIN (ANALYZE, BUFFERS) of the main filter shapes. Needs: a PostgreSQL with an empty database
# the role owns, the packaged jar (./mvnw package -DskipTests), curl, jq, psql, openssl.
#
#   PGURL=postgresql://qbench:qbench@127.0.0.1:5432/qbench bench/query/run.sh
#
# Environment: PORT (8095), REQUESTS per measured URL (31), DEPTH in pages (2000), SIZE (100).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here"
PGURL=${PGURL:-postgresql://qbench:qbench@127.0.0.1:5432/qbench}
PORT=${PORT:-8095}
REQUESTS=${REQUESTS:-31}
DEPTH=${DEPTH:-2000}
SIZE=${SIZE:-100}
out=${OUT:-target/bench-query}
mkdir -p "$out"

hostdb=${PGURL#*@}
userpass=${PGURL#postgresql://}; userpass=${userpass%%@*}
export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$hostdb"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$hostdb"
export QUARKUS_DATASOURCE_USERNAME=${userpass%%:*}
export QUARKUS_DATASOURCE_PASSWORD=${userpass#*:}
export MP_JWT_VERIFY_PUBLICKEY_LOCATION=dev/keys/dev-jwt-public.pem
export MP_JWT_VERIFY_ISSUER=app-instances-dev
export QUARKUS_HTTP_PORT=$PORT
export QUERY_TOKEN_SECRET=${QUERY_TOKEN_SECRET:-bench-$(openssl rand -hex 24)}

java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > "$out/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/q/health/ready" > /dev/null && break
  sleep 1
done

if [ "$(psql "$PGURL" -Atc 'select count(*) from instance')" -lt 1000000 ]; then
  echo "== generating 1,000,000 instances"
  psql "$PGURL" -v ON_ERROR_STOP=1 -f bench/query/generate.sql | tee "$out/generate.txt"
fi

token=$(bin/dev-token owner)
base="http://localhost:$PORT/storage/api/v1/instances"
first="$base?size=$SIZE"

echo "== following next $DEPTH pages of $SIZE"
url=$first
start=$(date +%s.%N)
for _ in $(seq 1 "$DEPTH"); do
  url=$(curl -fsS -H "Authorization: Bearer $token" "$url" | jq -r .next)
done
end=$(date +%s.%N)
echo "followed $DEPTH pages in $(echo "$end - $start" | bc) s" | tee "$out/follow.txt"
deep=$url

time_of() { curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$1"; }
median() { sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "%.1f", m*1000}'; }
p90() { sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int(NR*0.9+0.5)]*1000}'; }

measure() { # name url-a url-b: interleaved, after 5 warm-up requests each
  for _ in 1 2 3 4 5; do time_of "$2" > /dev/null; time_of "$3" > /dev/null; done
  : > "$out/$1-a.txt"; : > "$out/$1-b.txt"
  for _ in $(seq 1 "$REQUESTS"); do
    time_of "$2" >> "$out/$1-a.txt"
    time_of "$3" >> "$out/$1-b.txt"
  done
  a=$(median < "$out/$1-a.txt"); b=$(median < "$out/$1-b.txt")
  printf '%-34s median %6s ms (p90 %6s)   deep: median %6s ms (p90 %6s)   ratio %s\n' \
    "$1" "$a" "$(p90 < "$out/$1-a.txt")" "$b" "$(p90 < "$out/$1-b.txt")" \
    "$(echo "scale=2; $b / $a" | bc)"
}

echo "== latency, $REQUESTS requests each, interleaved (page 1 vs page $((DEPTH + 1)))"
{
  measure "app-only size=$SIZE" "$first" "$deep"
  # the same with a filter: the first page vs a page deep into Task_1
  t1="$base?size=$SIZE&process.currentTask=Task_1"
  u=$t1
  for _ in $(seq 1 500); do u=$(curl -fsS -H "Authorization: Bearer $token" "$u" | jq -r .next); done
  measure "currentTask=Task_1 (501 deep)" "$t1" "$u"
} | tee "$out/latency.txt"
echo "deep page: ${deep:0:160}..." >> "$out/latency.txt"
curl -fsS -H "Authorization: Bearer $token" "$deep" | jq '{count, next: (.next != null), first: .instances[0].lastChanged, last: .instances[-1].lastChanged}' | tee -a "$out/latency.txt"

echo "== EXPLAIN (ANALYZE, BUFFERS)"
psql "$PGURL" -v ON_ERROR_STOP=1 -f bench/query/explain.sql > "$out/explain.txt"
psql "$PGURL" -Atc "select pg_size_pretty(pg_database_size(current_database()))" > "$out/db-size.txt"
echo "results in $out"
