package dev.appinstances.instance;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes an event to the outbox through the session of the change's transaction, with one delivery
 * per subscription whose filters it matches (type and subject exactly, source by prefix), in one
 * statement. Deliveries are due at once, by the database's clock, which the workers use.
 */
@ApplicationScoped
public class AppEventStore {

    private static final String ADD =
            """
            with event as (
                insert into app_event (id, instance_id, type, body, created)
                values (:id, :instance, :type, :body, :created)
                returning seq)
            insert into event_delivery (event_seq, subscription_id, order_key, next_attempt_at, created)
            select event.seq, s.id, :instance, now(), now()
            from event cross join event_subscription s
            where (s.type_filter is null or s.type_filter = :type)
              and (s.subject_filter is null or s.subject_filter = :subject)
              and (s.source_filter is null or starts_with(:source, s.source_filter))
            """;

    public Uni<Void> add(UUID instanceId, AppCloudEvents.Built event, Instant created) {
        return Panache.getSession()
                .chain(
                        session ->
                                session.createNativeQuery(ADD)
                                        .setParameter("id", event.id())
                                        .setParameter("instance", instanceId)
                                        .setParameter("type", event.type())
                                        .setParameter("body", event.json())
                                        .setParameter("created", created.atOffset(ZoneOffset.UTC))
                                        .setParameter("subject", event.subject())
                                        .setParameter("source", event.source())
                                        .executeUpdate())
                .replaceWithVoid();
    }
}
