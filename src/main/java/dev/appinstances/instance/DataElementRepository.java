package dev.appinstances.instance;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DataElementRepository implements PanacheRepositoryBase<DataElementEntity, UUID> {

    /** The instance's elements in upload order. */
    public Uni<List<DataElementEntity>> ofInstance(UUID instanceId) {
        return list("instanceId = ?1 order by position", instanceId);
    }

    public Uni<Long> countOfType(UUID instanceId, String dataTypeId) {
        return count("instanceId = ?1 and dataType = ?2", instanceId, dataTypeId);
    }

    public Uni<Long> deleteOfTypes(UUID instanceId, Collection<String> dataTypeIds) {
        return delete("instanceId = ?1 and dataType in ?2", instanceId, dataTypeIds);
    }

    /** The position after the instance's last element (0 for the first). */
    public Uni<Integer> nextPosition(UUID instanceId) {
        return getSession()
                .chain(
                        session ->
                                session.createSelectionQuery(
                                                "select coalesce(max(position), -1) + 1"
                                                        + " from DataElementEntity"
                                                        + " where instanceId = ?1",
                                                Integer.class)
                                        .setParameter(1, instanceId)
                                        .getSingleResult());
    }

    /** Whether any element of the instance other than {@code except} (may be null) is read. */
    public Uni<Boolean> anyReadExcept(UUID instanceId, UUID except) {
        return (except == null
                        ? count("instanceId = ?1 and isRead = true", instanceId)
                        : count(
                                "instanceId = ?1 and id <> ?2 and isRead = true",
                                instanceId,
                                except))
                .map(count -> count > 0);
    }

    /** Marks the element read, without changing it otherwise (no new lastChanged or ETag). */
    public Uni<Integer> markRead(UUID id) {
        return update("isRead = true where id = ?1 and isRead = false", id);
    }

    public Uni<Integer> lockAll(UUID instanceId) {
        return update("locked = true where instanceId = ?1", instanceId);
    }
}
