package dev.appinstances.data;

import dev.appinstances.blob.BlobStore;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;

/** The bytes a {@link Download} describes. */
@ApplicationScoped
public class BlobStoreReader {

    private final BlobStore blobs;

    public BlobStoreReader(BlobStore blobs) {
        this.blobs = blobs;
    }

    public Multi<Buffer> read(Download download) {
        if (download.range().length() == 0) {
            return Multi.createFrom().empty();
        }
        return blobs.read(download.blobId(), download.range().start(), download.range().length());
    }
}
