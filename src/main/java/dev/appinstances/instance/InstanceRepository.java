package dev.appinstances.instance;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class InstanceRepository implements PanacheRepositoryBase<InstanceEntity, UUID> {

    /**
     * Marks the instance read without changing its version: reading is no change of the instance
     * (its ETag, lastChanged and lastChangedBy stay as they were).
     */
    public Uni<Integer> markRead(UUID id) {
        return update(
                "readStatus = ?1 where id = ?2 and readStatus <> ?1",
                (short) ReadStatus.READ.code(),
                id);
    }
}
