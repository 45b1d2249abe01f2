package dev.appinstances.instance;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InstanceEventRepository implements PanacheRepositoryBase<InstanceEventEntity, UUID> {

    /**
     * One page of an instance's events: of the given types (all when empty), created within the
     * bounds (each optional, inclusive), after the position {@code (afterCreated, afterSeq)} in the
     * order asked for (from the start when null).
     */
    public record Page(
            UUID instanceId,
            Collection<String> types,
            Instant from,
            Instant to,
            boolean ascending,
            Instant afterCreated,
            Long afterSeq,
            int limit) {}

    public Uni<List<InstanceEventEntity>> page(Page page) {
        StringBuilder where = new StringBuilder("instanceId = :instance");
        Parameters parameters = Parameters.with("instance", page.instanceId());
        if (!page.types().isEmpty()) {
            where.append(" and eventType in :types");
            parameters.and("types", page.types());
        }
        if (page.from() != null) {
            where.append(" and created >= :from");
            parameters.and("from", page.from());
        }
        if (page.to() != null) {
            where.append(" and created <= :to");
            parameters.and("to", page.to());
        }
        String direction = page.ascending() ? "asc" : "desc";
        if (page.afterCreated() != null) {
            // The first bound is what the index can seek to; the second leaves out the events
            // of that instant up to the last one shown.
            String beyond = page.ascending() ? ">" : "<";
            where.append(" and created ")
                    .append(beyond)
                    .append("= :at and (created ")
                    .append(beyond)
                    .append(" :at or seq ")
                    .append(beyond)
                    .append(" :seq)");
            parameters.and("at", page.afterCreated()).and("seq", page.afterSeq());
        }
        where.append(" order by created ").append(direction).append(", seq ").append(direction);
        return find(where.toString(), parameters).range(0, page.limit() - 1).list();
    }

    /** The instance's events of the given types, oldest first, in the order they were written. */
    public Uni<List<InstanceEventEntity>> ofTypes(UUID instanceId, Collection<String> types) {
        return list("instanceId = ?1 and eventType in ?2 order by created, seq", instanceId, types);
    }

    /** The event, if it belongs to the instance. */
    public Uni<InstanceEventEntity> inInstance(UUID instanceId, UUID eventId) {
        return find("id = ?1 and instanceId = ?2", eventId, instanceId).firstResult();
    }
}
