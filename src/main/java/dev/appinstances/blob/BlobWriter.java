package dev.appinstances.blob;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import java.util.UUID;

/**
 * Writes one blob's content in order. {@link #append} never blocks: it buffers, and stores full
 * chunks in the background; a caller that feeds from a network stream pauses it while {@link
 * #isBackedUp()} and resumes on {@link #onDrained}.
 */
public interface BlobWriter {

    UUID id();

    /** Bytes appended so far. */
    long size();

    void append(Buffer data);

    /** True while more than one chunk waits for storage: stop reading until drained. */
    boolean isBackedUp();

    /** Runs once the writer is no longer backed up (at once if it is not). */
    void onDrained(Runnable action);

    /** Stores what is left and completes with the blob's size and hash. */
    Uni<BlobInfo> finish();

    /** Stops storing; completes once nothing of this writer is in flight any more. */
    Uni<Void> abort();
}
