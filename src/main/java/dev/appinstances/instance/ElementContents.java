package dev.appinstances.instance;

import dev.appinstances.app.DataType;
import dev.appinstances.blob.BlobStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Starts the content of new data elements, and discards content that did not become one. */
@ApplicationScoped
public class ElementContents {

    private final BlobStore blobs;

    public ElementContents(BlobStore blobs) {
        this.blobs = blobs;
    }

    /**
     * @param what names the content in messages, e.g. "The multipart section named 'attachment'"
     */
    public ElementContent start(DataType type, String what) {
        return new ElementContent(type, what, blobs.newWriter(), blobs);
    }

    /** Removes stored parts whose instance or element was not created. */
    public Uni<Void> discard(Collection<StoredPart> parts) {
        List<UUID> ids = parts.stream().map(part -> part.blob().id()).toList();
        return blobs.discardPending(ids);
    }
}
