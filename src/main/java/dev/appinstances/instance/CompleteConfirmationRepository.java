package dev.appinstances.instance;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CompleteConfirmationRepository
        implements PanacheRepositoryBase<
                CompleteConfirmationEntity, CompleteConfirmationEntity.Key> {

    /** The confirmations of several instances, oldest first. */
    public Uni<List<CompleteConfirmationEntity>> ofInstances(Collection<UUID> instanceIds) {
        return list("instanceId in ?1 order by confirmedOn, stakeholderId", instanceIds);
    }

    public Uni<CompleteConfirmationEntity> find(UUID instanceId, String stakeholderId) {
        return findById(new CompleteConfirmationEntity.Key(instanceId, stakeholderId));
    }
}
