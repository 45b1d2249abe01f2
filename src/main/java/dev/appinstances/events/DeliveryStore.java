package dev.appinstances.events;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * The delivery rows, each statement its own short transaction, all times by the database's clock. A
 * claim takes due deliveries with {@code FOR UPDATE SKIP LOCKED} and moves them past a lease, so
 * concurrent workers (replicas) never take the same one, and one whose worker died is due again
 * after the lease. A delivery is only due when no earlier event of the same instance is still
 * pending for its subscription: per instance, events arrive in commit order.
 */
@ApplicationScoped
public class DeliveryStore {

    private static final String CLAIM =
            """
            with due as (
                select d.id from event_delivery d
                where d.state = 'pending' and d.next_attempt_at <= now()
                  and not exists (
                      select 1 from event_delivery p
                      where p.subscription_id = d.subscription_id
                        and p.order_key = d.order_key
                        and p.state = 'pending'
                        and p.event_seq < d.event_seq)
                order by d.next_attempt_at, d.id
                limit $1
                for update of d skip locked)
            update event_delivery d
            set attempts = d.attempts + 1, last_attempt_at = now(),
                next_attempt_at = now() + $2 * interval '1 millisecond'
            from due, app_event e, event_subscription s
            where d.id = due.id and e.seq = d.event_seq and s.id = d.subscription_id
            returning d.id, d.attempts, e.id as event_id, e.body, s.end_point, s.secret
            """;

    private static final String DELIVERED =
            """
            update event_delivery
            set state = 'delivered', delivered_at = now(), last_status = $2, last_error = null
            where id = $1 and state = 'pending'
            """;

    private static final String FAILED =
            """
            update event_delivery
            set state = case when now() >= created + $3 * interval '1 millisecond'
                             then 'given_up' else 'pending' end,
                next_attempt_at = now() + $2 * interval '1 millisecond',
                last_status = $4, last_error = $5
            where id = $1 and state = 'pending'
            returning state
            """;

    private static final String BACKLOG =
            """
            select count(*) as depth,
                   coalesce(extract(epoch from now() - min(created)), 0) as oldest
            from event_delivery where state = 'pending'
            """;

    private static final String EXPIRE =
            """
            delete from app_event e
            where e.created < now() - $1 * interval '1 millisecond'
              and not exists (select 1 from event_delivery d
                              where d.event_seq = e.seq and d.state = 'pending')
            """;

    private final Pool pool;

    public DeliveryStore(Pool pool) {
        this.pool = pool;
    }

    /** A delivery claimed for one attempt. */
    public record Claimed(
            long id, int attempt, UUID eventId, String body, String endPoint, String secret) {}

    /** Deliveries still to make: how many, and the age of the oldest in seconds. */
    public record Backlog(long depth, double oldestSeconds) {}

    public Uni<List<Claimed>> claim(int limit, Duration lease) {
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(limit, lease.toMillis()))
                .map(
                        rows ->
                                StreamSupport.stream(rows.spliterator(), false)
                                        .map(DeliveryStore::claimed)
                                        .toList());
    }

    public Uni<Void> delivered(long id, int status) {
        return pool.preparedQuery(DELIVERED).execute(Tuple.of(id, status)).replaceWithVoid();
    }

    /** Records a failed attempt; completes with true when the delivery gave up. */
    public Uni<Boolean> failed(
            long id, Duration retryIn, Duration maxAge, Integer status, String error) {
        return pool.preparedQuery(FAILED)
                .execute(Tuple.of(id, retryIn.toMillis(), maxAge.toMillis(), status, error))
                .map(
                        rows ->
                                rows.iterator().hasNext()
                                        && "given_up"
                                                .equals(rows.iterator().next().getString("state")));
    }

    public Uni<Backlog> backlog() {
        return pool.query(BACKLOG)
                .execute()
                .map(rows -> rows.iterator().next())
                .map(
                        row ->
                                new Backlog(
                                        row.getLong("depth"),
                                        row.getNumeric("oldest").doubleValue()));
    }

    /** Removes events older than {@code retention} with nothing left to deliver. */
    public Uni<Integer> expire(Duration retention) {
        return pool.preparedQuery(EXPIRE)
                .execute(Tuple.of(retention.toMillis()))
                .map(rows -> rows.rowCount());
    }

    private static Claimed claimed(Row row) {
        return new Claimed(
                row.getLong("id"),
                row.getInteger("attempts"),
                row.getUUID("event_id"),
                row.getString("body"),
                row.getString("end_point"),
                row.getString("secret"));
    }
}
