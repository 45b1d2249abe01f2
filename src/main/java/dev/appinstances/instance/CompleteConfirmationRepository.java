package dev.appinstances.instance;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CompleteConfirmationRepository
        implements PanacheRepositoryBase<
                CompleteConfirmationEntity, CompleteConfirmationEntity.Key> {

    /** The instance's confirmations, oldest first. */
    public Uni<List<CompleteConfirmationEntity>> ofInstance(UUID instanceId) {
        return list("instanceId = ?1 order by confirmedOn, stakeholderId", instanceId);
    }

    public Uni<CompleteConfirmationEntity> find(UUID instanceId, String stakeholderId) {
        return findById(new CompleteConfirmationEntity.Key(instanceId, stakeholderId));
    }
}
