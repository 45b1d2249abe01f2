package dev.appinstances.blob;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Where data element content lives. Content is written while it streams in, as a <em>pending</em>
 * blob that no reader can reach; the transaction that creates the referencing data element makes it
 * permanent with {@link #commitInCurrentTransaction}. A failed upload {@link #discardPending
 * discards} its pending blobs. Content the service builds in memory (a form) is only {@link
 * #describe described} up front and written by that transaction itself ({@link
 * #writeInCurrentTransaction}), so it costs no commit of its own and leaves nothing to discard. A
 * committed blob lives exactly as long as the data element that references it: the schema deletes
 * it with the element (or when the element's content is replaced). The PostgreSQL implementation
 * stores chunks in the database; an object store can implement the same contract with its metadata
 * kept here.
 */
public interface BlobStore {

    /** Starts a new pending blob. */
    BlobWriter newWriter();

    /** A new blob id with the size and hash of content held in memory; nothing is written. */
    default BlobInfo describe(byte[] content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return new BlobInfo(UUID.randomUUID(), content.length, HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the pending blobs permanent, inside the caller's reactive Hibernate transaction. */
    Uni<Void> commitInCurrentTransaction(Collection<UUID> blobIds);

    /**
     * Writes a {@link #describe described} blob, already permanent, inside the caller's reactive
     * Hibernate transaction: it exists exactly when that transaction commits.
     */
    Uni<Void> writeInCurrentTransaction(BlobInfo blob, byte[] content);

    /** Removes pending blobs of a failed upload (committed blobs are left alone). */
    Uni<Void> discardPending(Collection<UUID> blobIds);

    /**
     * A new pending blob with the same content, copied inside the database (no bytes in memory).
     */
    Uni<BlobInfo> copy(UUID sourceBlobId);

    /** Bytes {@code [offset, offset + length)} of a blob, chunk by chunk, fetched on demand. */
    Multi<Buffer> read(UUID blobId, long offset, long length);
}
