package dev.appinstances.instance;

import dev.appinstances.app.DataType;
import dev.appinstances.blob.BlobInfo;

/**
 * A part ready to become a data element. Content streamed from a client is stored as a pending blob
 * and {@code content} is null; content the service made itself (a form it built) is held in {@code
 * content}, with its blob only described, and is written by the transaction that creates or changes
 * the element ({@link ElementContents#commit}), so nothing reads back what was just made.
 */
public record StoredPart(
        DataType dataType, String filename, String contentType, BlobInfo blob, byte[] content) {

    /** Streamed content: only in the blob. */
    public StoredPart(DataType dataType, String filename, String contentType, BlobInfo blob) {
        this(dataType, filename, contentType, blob, null);
    }

    /** Whether the content was built here and is not written yet. */
    public boolean isBuilt() {
        return content != null;
    }

    /** Content built here: the bytes, and the blob they will be written to. */
    static StoredPart built(DataType dataType, String contentType, BlobInfo blob, byte[] content) {
        return new StoredPart(dataType, null, contentType, blob, content);
    }
}
