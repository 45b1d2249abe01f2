#!/usr/bin/env bash
# Streams a multipart create whose parts are many times the heap through the packaged jar running
# with -Xmx64m, reads both parts back and compares SHA-256. Uses the embedded PostgreSQL (no
# datasource configured), in a throw-away data directory.
#
#   ./mvnw package -DskipTests && bench/upload-large.sh
#
# Environment: PART_MB (size of each part, default 512), HEAP (default 64m), PORT (default 8097).
set -euo pipefail
cd "$(dirname "$0")/.."
PART_MB="${PART_MB:-512}"
HEAP="${HEAP:-64m}"
PORT="${PORT:-8097}"
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 2; }

work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "generating two parts of ${PART_MB} MiB"
head -c "${PART_MB}M" /dev/urandom > "$work/with-name.pdf"
head -c "${PART_MB}M" /dev/urandom > "$work/without-name.pdf"
echo '{"instanceOwner":{"partyId":"50001337"}}' > "$work/instance.json"

LOCAL_DB_DATA_DIR="$work/pgdata" java -Xmx"$HEAP" -XX:+UseSerialGC \
  -Dquarkus.http.port="$PORT" \
  -Dmp.jwt.verify.publickey.location=dev/keys/dev-jwt-public.pem \
  -Dmp.jwt.verify.issuer=app-instances-dev \
  -Dquarkus.log.level=WARN \
  -jar "$JAR" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break
  sleep 1
done
token=$(bin/dev-token user 1337 50001337)

echo "uploading $((2 * PART_MB)) MiB as one multipart create (heap -Xmx$HEAP)"
start=$(date +%s.%N)
curl -sS -o "$work/created.json" -w '%{http_code}\n' \
  -H "Authorization: Bearer $token" \
  -F "instance=<$work/instance.json;type=application/json" \
  -F "ref-data-as-pdf=@$work/with-name.pdf;type=application/pdf" \
  -F "ref-data-as-pdf=<$work/without-name.pdf;type=application/pdf" \
  "localhost:$PORT/ttd/example-app/instances" > "$work/status"
upload_s=$(echo "$(date +%s.%N) - $start" | bc)
status=$(cat "$work/status")
[ "$status" = 201 ] || { echo "upload failed: $status"; cat "$work/created.json"; tail -20 "$work/server.log"; exit 1; }

ok=true
for i in 0 1; do
  link=$(python3 -c "import json,sys; d=json.load(open('$work/created.json'))['data'][$i]; print(d['selfLinks']['apps'] + ' ' + str(d['filename']) + ' ' + d['contentHash'])")
  set -- $link
  url=${1/localhost:8080/localhost:$PORT}; filename=$2; server_hash=$3
  file=$([ "$i" = 0 ] && echo with-name.pdf || echo without-name.pdf)
  start=$(date +%s.%N)
  downloaded=$(curl -sS -H "Authorization: Bearer $token" "$url" | sha256sum | cut -d' ' -f1)
  download_s=$(echo "$(date +%s.%N) - $start" | bc)
  expected=$(sha256sum "$work/$file" | cut -d' ' -f1)
  echo "part $i (filename: $filename): sent $expected, stored hash $server_hash, downloaded $downloaded in ${download_s}s"
  [ "$expected" = "$server_hash" ] && [ "$expected" = "$downloaded" ] || ok=false
done
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
grep -q OutOfMemoryError "$work/server.log" && ok=false
echo "upload: $((2 * PART_MB)) MiB in ${upload_s}s; server peak RSS $((rss_kb / 1024)) MiB at -Xmx$HEAP; hashes match: $ok"
$ok
