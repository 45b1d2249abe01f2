package dev.appinstances.instance;

import dev.appinstances.app.DataType;
import dev.appinstances.blob.BlobInfo;
import dev.appinstances.blob.BlobStore;
import dev.appinstances.blob.BlobWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.UUID;

/**
 * The content of one new data element as it streams in: written to a pending blob and held to its
 * data type's size rules as bytes arrive. Only a transaction that creates the element makes the
 * blob permanent; {@link #discard} removes it when that does not happen.
 */
public final class ElementContent {

    private final DataType type;
    private final String what;
    private final BlobWriter writer;
    private final BlobStore blobs;

    ElementContent(DataType type, String what, BlobWriter writer, BlobStore blobs) {
        this.type = type;
        this.what = what;
        this.writer = writer;
        this.blobs = blobs;
    }

    public DataType type() {
        return type;
    }

    public UUID blobId() {
        return writer.id();
    }

    /**
     * Adds bytes (413 beyond the data type's maxSize).
     *
     * @return null, or a signal to wait for while storage lags behind
     */
    public Uni<Void> append(Buffer data) {
        DataTypeRules.requireWithinMaxSize(type, writer.size() + data.length(), what);
        writer.append(data);
        if (!writer.isBackedUp()) {
            return null;
        }
        return Uni.createFrom().emitter(drained -> writer.onDrained(() -> drained.complete(null)));
    }

    /** Stores the rest; an element without content is refused (400). */
    public Uni<BlobInfo> finish() {
        DataTypeRules.requireNotEmpty(writer.size(), what);
        return writer.finish();
    }

    /** Stops writing and removes what was stored. */
    public Uni<Void> discard() {
        return writer.abort().chain(() -> blobs.discardPending(List.of(writer.id())));
    }
}
