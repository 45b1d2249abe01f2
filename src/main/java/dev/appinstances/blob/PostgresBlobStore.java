package dev.appinstances.blob;

import dev.appinstances.persistence.DatabaseFailures;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Blobs as chunked {@code bytea} rows in the service's own PostgreSQL. */
@ApplicationScoped
public class PostgresBlobStore implements BlobStore {

    private static final String CHUNKS_IN_RANGE =
            "select seq, start, octet_length(data) from blob_chunk"
                    + " where blob_id = $1 and start < $3 and start + octet_length(data) > $2"
                    + " order by seq";
    private static final String CHUNK_SLICE =
            "select substring(data from $3 for $4) from blob_chunk where blob_id = $1 and seq = $2";

    private final Pool pool;
    private final BlobRepository rows;
    private final BlobChunkRepository chunkRows;
    private final int chunkSize;
    private final Duration pendingTtl;

    public PostgresBlobStore(
            Pool pool, BlobRepository rows, BlobChunkRepository chunkRows, BlobSettings settings) {
        this.pool = pool;
        this.rows = rows;
        this.chunkRows = chunkRows;
        this.chunkSize = (int) settings.chunkSize().asLongValue();
        this.pendingTtl = settings.pendingTtl();
    }

    @Override
    public BlobWriter newWriter() {
        return new PostgresBlobWriter(pool, chunkSize);
    }

    @Override
    public Uni<Void> commitInCurrentTransaction(Collection<UUID> blobIds) {
        if (blobIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return rows.commit(blobIds).replaceWithVoid();
    }

    @Override
    public Uni<Void> writeInCurrentTransaction(BlobInfo blob, byte[] content) {
        BlobEntity row = new BlobEntity();
        row.id = blob.id();
        row.committed = true;
        row.size = blob.size();
        row.sha256 = blob.sha256();
        List<BlobChunkEntity> chunks = new ArrayList<>();
        for (int start = 0, seq = 0; start < content.length; start += chunkSize, seq++) {
            BlobChunkEntity chunk = new BlobChunkEntity();
            chunk.blobId = blob.id();
            chunk.seq = seq;
            chunk.start = start;
            chunk.data =
                    Arrays.copyOfRange(content, start, Math.min(content.length, start + chunkSize));
            chunks.add(chunk);
        }
        return rows.persist(row).chain(() -> chunkRows.persist(chunks)).replaceWithVoid();
    }

    @Override
    public Uni<Void> discardPending(Collection<UUID> blobIds) {
        if (blobIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("delete from blob where id = any($1) and not committed")
                .execute(Tuple.of(blobIds.toArray(UUID[]::new)))
                .replaceWithVoid();
    }

    @Override
    public Uni<BlobInfo> copy(UUID sourceBlobId) {
        UUID copy = UUID.randomUUID();
        return pool.withTransaction(
                        connection ->
                                connection
                                        .preparedQuery(
                                                "insert into blob (id, size, sha256)"
                                                        + " select $2, size, sha256 from blob where id = $1"
                                                        + " returning size, sha256")
                                        .execute(Tuple.of(sourceBlobId, copy))
                                        .call(
                                                () ->
                                                        connection
                                                                .preparedQuery(
                                                                        "insert into blob_chunk (blob_id, seq, start, data)"
                                                                                + " select $2, seq, start, data"
                                                                                + " from blob_chunk where blob_id = $1")
                                                                .execute(
                                                                        Tuple.of(
                                                                                sourceBlobId,
                                                                                copy)))
                                        .map(
                                                rows -> {
                                                    Row row = rows.iterator().next();
                                                    return new BlobInfo(
                                                            copy, row.getLong(0), row.getString(1));
                                                }))
                .onFailure()
                .transform(DatabaseFailures::translate);
    }

    @Override
    public Multi<Buffer> read(UUID blobId, long offset, long length) {
        long end = offset + length;
        return pool.preparedQuery(CHUNKS_IN_RANGE)
                .execute(Tuple.of(blobId, offset, end))
                .onItem()
                .transformToMulti(rows -> Multi.createFrom().iterable(chunks(rows)))
                .onItem()
                .transformToUniAndConcatenate(chunk -> slice(blobId, chunk, offset, end))
                .onFailure()
                .transform(DatabaseFailures::translate);
    }

    /** Removes pending blobs that a crashed or killed upload left behind. */
    @Scheduled(every = "${blob.janitor-interval:10m}", delayed = "1m")
    public Uni<Void> removeAbandonedPendingBlobs() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(pendingTtl);
        return pool.preparedQuery("delete from blob where not committed and created < $1")
                .execute(Tuple.of(cutoff))
                .invoke(
                        rows -> {
                            if (rows.rowCount() > 0) {
                                Log.infof("Removed %d abandoned pending blobs", rows.rowCount());
                            }
                        })
                .replaceWithVoid();
    }

    private Uni<Buffer> slice(UUID blobId, BlobChunk chunk, long offset, long end) {
        long from = Math.max(offset, chunk.start());
        long to = Math.min(end, chunk.end());
        int fromInChunk = (int) (from - chunk.start()) + 1;
        int count = (int) (to - from);
        return pool.preparedQuery(CHUNK_SLICE)
                .execute(Tuple.of(blobId, chunk.seq(), fromInChunk, count))
                .map(rows -> rows.iterator().next().getBuffer(0).getDelegate());
    }

    private static List<BlobChunk> chunks(Iterable<Row> rows) {
        List<BlobChunk> chunks = new ArrayList<>();
        for (Row row : rows) {
            chunks.add(new BlobChunk(row.getInteger(0), row.getLong(1), row.getInteger(2)));
        }
        return chunks;
    }
}
