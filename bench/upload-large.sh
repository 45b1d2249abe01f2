#!/usr/bin/env bash
# Streams a multipart create whose parts are many times the heap through the packaged jar running
# with -Xmx64m on the PostgreSQL server at 127.0.0.1, reads every part back and compares SHA-256,
# and in the same run times a binary COPY of the same 256 KiB chunks into blob_chunk: the ratio
# upload/COPY is the figure to steer by. Reports the JVM's CPU per MiB, peak heap and peak RSS.
#
#   ./mvnw package -DskipTests && bench/upload-large.sh
#
# Environment (defaults in brackets): PART_MB [512] size of each part, PARTS [2], HEAP [64m],
# PORT [8097], JAR [target/quarkus-app/quarkus-run.jar], CHUNK_KB [256] (the service's
# blob.chunk-size), DATA_DIR [/tmp/upload-bench-data] where the generated parts are kept between
# runs, PG_PORT [5432], PG_DB [upload_bench], PG_USER/PG_PASSWORD [bench/bench],
# PG_ADMIN [runuser -u postgres -- psql]. The database PG_DB is DROPPED and recreated every run.
set -euo pipefail
cd "$(dirname "$0")/.."
PART_MB="${PART_MB:-512}"
PARTS="${PARTS:-2}"
HEAP="${HEAP:-64m}"
PORT="${PORT:-8097}"
JAR="${JAR:-target/quarkus-app/quarkus-run.jar}"
CHUNK_KB="${CHUNK_KB:-256}"
DATA_DIR="${DATA_DIR:-/tmp/upload-bench-data}"
PG_PORT="${PG_PORT:-5432}"
PG_DB="${PG_DB:-upload_bench}"
PG_USER="${PG_USER:-bench}"
PG_PASSWORD="${PG_PASSWORD:-bench}"
PG_ADMIN="${PG_ADMIN:-runuser -u postgres -- psql}"
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 2; }

PG_HOST=127.0.0.1
# shellcheck source=pg-common.sh
. bench/pg-common.sh
now() { date +%s.%N; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
tck=$(getconf CLK_TCK)

work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$DATA_DIR"
form=(-F "instance=<$work/instance.json;type=application/json")
for i in $(seq 1 "$PARTS"); do
  part="$DATA_DIR/part-$i-${PART_MB}M.pdf"
  if [ ! -f "$part" ]; then
    echo "generating part $i of ${PART_MB} MiB"
    head -c "${PART_MB}M" /dev/urandom > "$part"
  fi
  # Odd parts carry a file name, even parts do not.
  if [ $((i % 2)) = 1 ]; then form+=(-F "ref-data-as-pdf=@$part;type=application/pdf")
  else form+=(-F "ref-data-as-pdf=<$part;type=application/pdf"); fi
done
echo '{"instanceOwner":{"partyId":"50001337"}}' > "$work/instance.json"
total_mb=$((PARTS * PART_MB))

fresh_db

QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$PG_PORT/$PG_DB" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB" \
QUARKUS_DATASOURCE_USERNAME="$PG_USER" QUARKUS_DATASOURCE_PASSWORD="$PG_PASSWORD" \
BLOB_CHUNK_SIZE="${CHUNK_KB}K" \
java -Xmx"$HEAP" -XX:+UseSerialGC -Xlog:gc:file="$work/gc.log" \
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
checkpoint

echo "uploading $total_mb MiB as one multipart create ($PARTS parts, heap -Xmx$HEAP)"
cpu_before=$(cpu_ticks "$server_pid")
start=$(now)
status=$(curl -sS -o "$work/created.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
  "${form[@]}" "localhost:$PORT/ttd/example-app/instances")
upload_s=$(echo "$(now) - $start" | bc)
cpu_s=$(echo "($(cpu_ticks "$server_pid") - $cpu_before) / $tck" | bc -l)
[ "$status" = 201 ] || { echo "upload failed: $status"; cat "$work/created.json"; tail -20 "$work/server.log"; exit 1; }

ok=true
for i in $(seq 1 "$PARTS"); do
  set -- $(python3 -c "import json; d=json.load(open('$work/created.json'))['data'][$i - 1]; print(d['selfLinks']['apps'], d['filename'], d['contentHash'])")
  url=${1/localhost:8080/localhost:$PORT}; filename=$2; server_hash=$3
  downloaded=$(curl -sS -H "Authorization: Bearer $token" "$url" | sha256sum | cut -d' ' -f1)
  expected=$(sha256sum "$DATA_DIR/part-$i-${PART_MB}M.pdf" | cut -d' ' -f1)
  echo "part $i (filename: $filename): sent $expected, stored $server_hash, downloaded $downloaded"
  [ "$expected" = "$server_hash" ] && [ "$expected" = "$downloaded" ] || ok=false
done
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
# The heap in use just before each collection ("Pause Young ... 20M->3M(61M)"): its peak.
heap_mb=$(sed -n 's/.* \([0-9]*\)M->[0-9]*M(.*/\1/p' "$work/gc.log" | sort -n | tail -1)
grep -q OutOfMemoryError "$work/server.log" && ok=false
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=

# The same chunks as one binary COPY over TCP, into the same table after the same CHECKPOINT.
echo "writing a binary COPY file of the same ${CHUNK_KB} KiB chunks"
python3 - "$work/chunks.copy" "$((CHUNK_KB * 1024))" "$DATA_DIR"/part-*-"${PART_MB}"M.pdf <<'PY'
import struct, sys, uuid
out, chunk, parts = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
with open(out, "wb") as f:
    f.write(b"PGCOPY\n\xff\r\n\x00" + struct.pack("!ii", 0, 0))
    for n, path in enumerate(parts):
        blob = uuid.UUID(int=n + 1).bytes
        with open(path, "rb") as part:
            seq = start = 0
            while data := part.read(chunk):
                f.write(struct.pack("!hi", 4, 16) + blob + struct.pack("!iiiqi", 4, seq, 8, start, len(data)))
                f.write(data)
                seq += 1; start += len(data)
    f.write(struct.pack("!h", -1))
PY
db -c "delete from data_element; delete from blob;" \
   -c "insert into blob (id) select ('00000000-0000-0000-0000-' || lpad(to_hex(n), 12, '0'))::uuid from generate_series(1, $PARTS) n"
checkpoint
cat "$work/chunks.copy" > /dev/null
start=$(now)
db -c "\\copy blob_chunk (blob_id, seq, start, data) from '$work/chunks.copy' with (format binary)"
copy_s=$(echo "$(now) - $start" | bc)

rate() { echo "scale=1; $total_mb / $1" | bc; }
printf 'upload: %d MiB in %.2fs = %s MiB/s; binary COPY of the same chunks: %.2fs = %s MiB/s; upload/COPY %.2f\n' \
  "$total_mb" "$upload_s" "$(rate "$upload_s")" "$copy_s" "$(rate "$copy_s")" "$(echo "$copy_s / $upload_s" | bc -l)"
printf 'service CPU %.2fs = %.1f ms per MiB; peak heap in use %d MiB, peak RSS %d MiB at -Xmx%s; hashes match: %s\n' \
  "$cpu_s" "$(echo "$cpu_s * 1000 / $total_mb" | bc -l)" "${heap_mb:-0}" "$((rss_kb / 1024))" "$HEAP" "$ok"
$ok
