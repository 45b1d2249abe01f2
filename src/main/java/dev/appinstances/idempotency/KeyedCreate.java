package dev.appinstances.idempotency;

import io.smallrye.mutiny.Uni;

/**
 * Handed to a create that runs under an {@code Idempotency-Key}: {@link #record} writes the
 * response it is about to give into its own transaction, so that the create and its key commit
 * together (or neither does).
 */
public interface KeyedCreate {

    /** Call inside the create's transaction, once the document exists. */
    Uni<Void> record(Object document, String location);

    /** For requests without a key: nothing to record. */
    KeyedCreate NONE = (document, location) -> Uni.createFrom().voidItem();
}
