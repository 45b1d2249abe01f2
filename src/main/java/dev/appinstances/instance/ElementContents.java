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

    /** Content the service built in memory, as a part; its blob is written by {@link #commit}. */
    public StoredPart built(DataType type, String contentType, byte[] content) {
        return StoredPart.built(type, contentType, blobs.describe(content), content);
    }

    /**
     * Makes the parts' content permanent inside the caller's transaction: streamed content, written
     * pending, is committed; built content is written now. Before the elements that reference it
     * are persisted, so that the blob rows are inserted first.
     */
    public Uni<Void> commit(Collection<StoredPart> parts) {
        Uni<Void> written = Uni.createFrom().voidItem();
        for (StoredPart part : parts) {
            if (part.isBuilt()) {
                written =
                        written.chain(
                                () -> blobs.writeInCurrentTransaction(part.blob(), part.content()));
            }
        }
        return written.chain(() -> blobs.commitInCurrentTransaction(pendingIds(parts)));
    }

    /** Removes stored parts whose instance or element was not created (built ones never were). */
    public Uni<Void> discard(Collection<StoredPart> parts) {
        return blobs.discardPending(pendingIds(parts));
    }

    /** The blobs of streamed parts, written pending before the change that takes them. */
    private static List<UUID> pendingIds(Collection<StoredPart> parts) {
        return parts.stream().filter(p -> !p.isBuilt()).map(p -> p.blob().id()).toList();
    }
}
