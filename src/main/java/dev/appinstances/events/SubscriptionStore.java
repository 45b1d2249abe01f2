package dev.appinstances.events;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/** Subscriptions and the deliveries made to them. */
@ApplicationScoped
public class SubscriptionStore {

    /** Deliveries listed per subscription, newest first. */
    static final int DELIVERIES_LISTED = 100;

    private static final String COLUMNS =
            "id, end_point, type_filter, subject_filter, source_filter, created_by, created";

    private static final String INSERT =
            "insert into event_subscription (end_point, type_filter, subject_filter,"
                    + " source_filter, secret, created_by, created)"
                    + " values ($1, $2, $3, $4, $5, $6, now()) returning "
                    + COLUMNS;

    private static final String PING =
            """
            with event as (
                insert into app_event (id, instance_id, type, body, created)
                values ($1, null, $2, $3, now())
                returning seq)
            insert into event_delivery (event_seq, subscription_id, order_key, next_attempt_at, created)
            select seq, $4, null, now(), now() from event
            """;

    private static final String DELIVERIES =
            """
            select e.id as event_id, e.type, e.body, d.state, d.attempts, d.created,
                   d.last_attempt_at, d.next_attempt_at, d.last_status, d.last_error, d.delivered_at
            from event_delivery d join app_event e on e.seq = d.event_seq
            where d.subscription_id = $1
            order by d.id desc
            limit $2
            """;

    private final Pool pool;

    public SubscriptionStore(Pool pool) {
        this.pool = pool;
    }

    /** The validation ping of a new subscription, built once its id is known. */
    public record Ping(UUID id, String type, String body) {}

    /** Stores the subscription and its ping in one transaction. */
    public Uni<Subscription> create(
            SubscriptionRequest request,
            String secret,
            String createdBy,
            Function<Subscription, Ping> ping) {
        return pool.withTransaction(
                connection ->
                        connection
                                .preparedQuery(INSERT)
                                .execute(
                                        Tuple.from(
                                                new Object[] {
                                                    request.endPoint(),
                                                    request.typeFilter(),
                                                    request.subjectFilter(),
                                                    request.sourceFilter(),
                                                    secret,
                                                    createdBy
                                                }))
                                .map(rows -> subscription(rows.iterator().next(), secret))
                                .call(
                                        created -> {
                                            Ping event = ping.apply(created);
                                            return connection
                                                    .preparedQuery(PING)
                                                    .execute(
                                                            Tuple.of(
                                                                    event.id(),
                                                                    event.type(),
                                                                    event.body(),
                                                                    created.id()));
                                        }));
    }

    public Uni<List<Subscription>> list() {
        return pool.query("select " + COLUMNS + " from event_subscription order by id")
                .execute()
                .map(rows -> all(rows, row -> subscription(row, null)));
    }

    public Uni<Subscription> find(long id) {
        return pool.preparedQuery("select " + COLUMNS + " from event_subscription where id = $1")
                .execute(Tuple.of(id))
                .map(
                        rows ->
                                rows.iterator().hasNext()
                                        ? subscription(rows.iterator().next(), null)
                                        : null);
    }

    /** Deletes it with its deliveries; completes with false when there was none. */
    public Uni<Boolean> delete(long id) {
        return pool.preparedQuery("delete from event_subscription where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.rowCount() > 0);
    }

    public Uni<List<Delivery>> deliveries(long subscriptionId) {
        return pool.preparedQuery(DELIVERIES)
                .execute(Tuple.of(subscriptionId, DELIVERIES_LISTED))
                .map(rows -> all(rows, SubscriptionStore::delivery));
    }

    private static <T> List<T> all(RowSet<Row> rows, Function<Row, T> map) {
        return StreamSupport.stream(rows.spliterator(), false).map(map).toList();
    }

    private static Subscription subscription(Row row, String secret) {
        String createdBy = row.getString("created_by");
        return new Subscription(
                row.getLong("id"),
                row.getString("end_point"),
                row.getString("type_filter"),
                row.getString("subject_filter"),
                row.getString("source_filter"),
                createdBy,
                createdBy,
                instant(row, "created"),
                secret);
    }

    private static Delivery delivery(Row row) {
        return new Delivery(
                row.getUUID("event_id"),
                row.getString("type"),
                row.getString("body"),
                row.getString("state"),
                row.getInteger("attempts"),
                instant(row, "created"),
                instant(row, "last_attempt_at"),
                "pending".equals(row.getString("state")) ? instant(row, "next_attempt_at") : null,
                row.getInteger("last_status"),
                row.getString("last_error"),
                instant(row, "delivered_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
