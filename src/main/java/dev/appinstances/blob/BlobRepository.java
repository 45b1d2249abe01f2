package dev.appinstances.blob;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.UUID;

@ApplicationScoped
class BlobRepository implements PanacheRepositoryBase<BlobEntity, UUID> {

    Uni<Integer> commit(Collection<UUID> blobIds) {
        // One id (the usual upload) binds a scalar: a bound list makes Hibernate translate anew.
        return blobIds.size() == 1
                ? update("committed = true where id = ?1", blobIds.iterator().next())
                : update("committed = true where id in ?1", blobIds);
    }
}
