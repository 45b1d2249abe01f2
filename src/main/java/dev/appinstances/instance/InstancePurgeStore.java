package dev.appinstances.instance;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Removes hard-deleted instances for good, a batch per statement: the instance rows go, and the
 * schema takes their data elements, content, confirmations and process history with them.
 *
 * <p>Due: hard-deleted and never archived; or archived, hard-deleted at or before the cutoff and
 * confirmed complete by the app owner at or before it. The batch locks its rows with {@code FOR
 * UPDATE SKIP LOCKED}, so concurrent runs (replicas) never wait for each other and each row is
 * removed once.
 */
@ApplicationScoped
public class InstancePurgeStore {

    private static final String REMOVE_BATCH =
            """
            with due as (
                select i.id from instance i
                where i.hard_deleted is not null
                  and (i.archived is null
                       or (i.hard_deleted <= $1
                           and exists (select 1 from complete_confirmation c
                                       where c.instance_id = i.id
                                         and lower(c.stakeholder_id) = lower(i.org)
                                         and c.confirmed_on <= $1)))
                order by i.hard_deleted
                limit $2
                for update of i skip locked)
            delete from instance where id in (select id from due)
            """;

    private final Pool pool;

    public InstancePurgeStore(Pool pool) {
        this.pool = pool;
    }

    /** Removes up to {@code limit} due instances; completes with how many went. */
    public Uni<Integer> removeBatch(Instant cutoff, int limit) {
        return pool.preparedQuery(REMOVE_BATCH)
                .execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC), limit))
                .map(rows -> rows.rowCount());
    }
}
