package dev.appinstances.processflow;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProcessEventRepository implements PanacheRepositoryBase<ProcessEventEntity, Long> {

    /** The instance's process events, oldest first (events of one move in recording order). */
    public Uni<List<ProcessEventEntity>> ofInstance(UUID instanceId) {
        return list("instanceId = ?1 order by occurred, id", instanceId);
    }
}
