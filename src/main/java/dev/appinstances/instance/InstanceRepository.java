package dev.appinstances.instance;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InstanceRepository implements PanacheRepositoryBase<InstanceEntity, UUID> {

    /** The party's instances of the app that are neither archived nor deleted, newest first. */
    public Uni<List<InstanceEntity>> active(String appId, long partyId) {
        return list(
                "appId = ?1 and partyId = ?2 and archived is null and softDeleted is null"
                        + " and hardDeleted is null order by lastChanged desc, id",
                appId,
                partyId);
    }

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
