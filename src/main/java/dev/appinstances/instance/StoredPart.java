package dev.appinstances.instance;

import dev.appinstances.app.DataType;
import dev.appinstances.blob.BlobInfo;

/**
 * A part whose content is stored as a pending blob, ready to become a data element. {@code content}
 * holds the bytes when the service made them itself (a form it built), so that nothing reads back
 * what was just written; it is null for content streamed from a client.
 */
public record StoredPart(
        DataType dataType, String filename, String contentType, BlobInfo blob, byte[] content) {

    /** Streamed content: only in the blob. */
    public StoredPart(DataType dataType, String filename, String contentType, BlobInfo blob) {
        this(dataType, filename, contentType, blob, null);
    }

    /** Content built here and stored: the bytes are kept beside the blob. */
    public static StoredPart built(
            DataType dataType, String contentType, BlobInfo blob, byte[] content) {
        return new StoredPart(dataType, null, contentType, blob, content);
    }
}
