package dev.appinstances.data;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DataElementRepository implements PanacheRepositoryBase<DataElementEntity, UUID> {

    /** The instance's elements in upload order. */
    public Uni<List<DataElementEntity>> ofInstance(UUID instanceId) {
        return list("instanceId = ?1 order by position", instanceId);
    }
}
