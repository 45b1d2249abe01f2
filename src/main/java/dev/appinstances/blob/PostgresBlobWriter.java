package dev.appinstances.blob;

import dev.appinstances.persistence.DatabaseFailures;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Streams one blob into {@code blob_chunk} rows. Up to {@link #IN_FLIGHT} batches of inserts are in
 * flight at a time, on pooled connections of their own, each batch one round trip and one short
 * autocommit, so no connection is held while the client is slow, and the database writes one batch
 * while the next is sent; the chunks that queued meanwhile go together in the next batch (up to
 * {@link #BATCH}), which spares a commit per chunk when the client is faster than the database.
 * Each chunk row carries its own sequence number and offset, so the order in which batches commit
 * does not matter. At most one batch waits behind those in flight before the writer reports
 * back-pressure.
 *
 * <p>Confined to the Vert.x context that feeds it: every call, and every completion of its
 * statements, happens there, so it needs no locks.
 */
final class PostgresBlobWriter implements BlobWriter {

    private static final String INSERT_BLOB = "insert into blob (id) values ($1)";
    private static final String INSERT_CHUNK =
            "insert into blob_chunk (blob_id, seq, start, data) values ($1, $2, $3, $4)";
    private static final String FINISH_BLOB =
            "update blob set size = $2, sha256 = $3 where id = $1";

    static final int BATCH = 4;
    static final int IN_FLIGHT = 2;

    private final UUID id = UUID.randomUUID();
    private final Pool pool;
    private final int chunkSize;
    private final MessageDigest sha256;
    private final Deque<Buffer> fullChunks = new ArrayDeque<>();
    private final List<Runnable> drainActions = new ArrayList<>();
    private Buffer current = Buffer.buffer();
    private Uni<Void> row;
    private int inFlight;
    private boolean aborted;
    private int nextSeq;
    private long storedBytes;
    private long size;
    private Throwable failure;
    private Runnable whenIdle;

    PostgresBlobWriter(Pool pool, int chunkSize) {
        this.pool = pool;
        this.chunkSize = chunkSize;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void append(Buffer data) {
        if (aborted) {
            return;
        }
        sha256.update(data.getByteBuf().nioBuffer());
        size += data.length();
        current.appendBuffer(data);
        if (current.length() >= chunkSize) {
            fullChunks.add(current);
            current = Buffer.buffer(chunkSize);
            pump();
        }
    }

    @Override
    public boolean isBackedUp() {
        return fullChunks.size() > BATCH && failure == null && !aborted;
    }

    @Override
    public void onDrained(Runnable action) {
        if (isBackedUp()) {
            drainActions.add(action);
        } else {
            action.run();
        }
    }

    @Override
    public Uni<BlobInfo> finish() {
        return Uni.createFrom()
                .<Void>emitter(
                        emitter -> {
                            if (current.length() > 0) {
                                fullChunks.add(current);
                                current = Buffer.buffer();
                            }
                            whenIdle =
                                    () -> {
                                        if (failure != null) {
                                            emitter.fail(failure);
                                        } else {
                                            emitter.complete(null);
                                        }
                                    };
                            pump();
                        })
                .chain(this::recordSizeAndHash);
    }

    @Override
    public Uni<Void> abort() {
        return Uni.createFrom()
                .emitter(
                        emitter -> {
                            aborted = true;
                            fullChunks.clear();
                            current = Buffer.buffer();
                            whenIdle = () -> emitter.complete(null);
                            pump();
                        });
    }

    private Uni<BlobInfo> recordSizeAndHash() {
        return ensureRow()
                .chain(
                        () -> {
                            String hash = HexFormat.of().formatHex(sha256.digest());
                            return pool.preparedQuery(FINISH_BLOB)
                                    .execute(Tuple.of(id, size, hash))
                                    .map(done -> new BlobInfo(id, size, hash));
                        })
                .onFailure()
                .transform(DatabaseFailures::translate);
    }

    /** The blob row, inserted once; every chunk batch waits for it (the chunks reference it). */
    private Uni<Void> ensureRow() {
        if (row == null) {
            row =
                    pool.preparedQuery(INSERT_BLOB)
                            .execute(Tuple.of(id))
                            .replaceWithVoid()
                            .memoize()
                            .indefinitely();
        }
        return row;
    }

    /**
     * Starts batches while fewer than {@link #IN_FLIGHT} run; reports idleness when all is done.
     */
    private void pump() {
        if (failure != null || aborted) {
            fullChunks.clear();
        }
        while (inFlight < IN_FLIGHT && !fullChunks.isEmpty()) {
            startBatch();
        }
        if (inFlight == 0 && fullChunks.isEmpty()) {
            runDrainActions();
            if (whenIdle != null) {
                Runnable idle = whenIdle;
                whenIdle = null;
                idle.run();
            }
        }
    }

    private void startBatch() {
        List<Tuple> batch = new ArrayList<>(BATCH);
        while (batch.size() < BATCH && !fullChunks.isEmpty()) {
            Buffer chunk = fullChunks.poll();
            batch.add(Tuple.of(id, nextSeq++, storedBytes, chunk));
            storedBytes += chunk.length();
        }
        inFlight++;
        ensureRow()
                .chain(() -> pool.preparedQuery(INSERT_CHUNK).executeBatch(batch))
                .subscribe()
                .with(done -> stored(null), this::stored);
    }

    private void stored(Throwable error) {
        inFlight--;
        if (error != null && failure == null) {
            failure = DatabaseFailures.translate(error);
        }
        if (!isBackedUp()) {
            runDrainActions();
        }
        pump();
    }

    private void runDrainActions() {
        List<Runnable> actions = new ArrayList<>(drainActions);
        drainActions.clear();
        actions.forEach(Runnable::run);
    }
}
