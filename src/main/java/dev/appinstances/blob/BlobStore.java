package dev.appinstances.blob;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import java.util.Collection;
import java.util.UUID;

/**
 * Where data element content lives. Content is written while it streams in, as a <em>pending</em>
 * blob that no reader can reach; the transaction that creates the referencing data element makes it
 * permanent with {@link #commitInCurrentTransaction}. A failed upload {@link #discardPending
 * discards} its pending blobs. A committed blob lives exactly as long as the data element that
 * references it: the schema deletes it with the element (or when the element's content is
 * replaced). The PostgreSQL implementation stores chunks in the database; an object store can
 * implement the same contract with its metadata kept here.
 */
public interface BlobStore {

    /** Starts a new pending blob. */
    BlobWriter newWriter();

    /** A new pending blob with content that is already in memory (a small generated document). */
    default Uni<BlobInfo> store(byte[] content) {
        BlobWriter writer = newWriter();
        writer.append(Buffer.buffer(content));
        return writer.finish();
    }

    /** Makes the blobs permanent, inside the caller's reactive Hibernate transaction. */
    Uni<Void> commitInCurrentTransaction(Collection<UUID> blobIds);

    /** Removes pending blobs of a failed upload (committed blobs are left alone). */
    Uni<Void> discardPending(Collection<UUID> blobIds);

    /**
     * A new pending blob with the same content, copied inside the database (no bytes in memory).
     */
    Uni<BlobInfo> copy(UUID sourceBlobId);

    /** Bytes {@code [offset, offset + length)} of a blob, chunk by chunk, fetched on demand. */
    Multi<Buffer> read(UUID blobId, long offset, long length);
}
