package dev.appinstances.purge;

import dev.appinstances.common.TimeSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Permanently removes hard-deleted instances with their data elements and content: at once when
 * never archived; when archived, only once the app owner has confirmed them complete and both the
 * hard delete and that confirmation are older than the grace period.
 *
 * <p>Safe with many replicas: each batch locks its rows with {@code FOR UPDATE SKIP LOCKED}, so
 * replicas never wait for each other and a row is removed exactly once; a rerun finds nothing.
 */
@ApplicationScoped
public class InstancePurge {

    private static final String CANDIDATES =
            """
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
            for update of i skip locked
            """;

    private final Pool pool;
    private final TimeSource time;
    private final PurgeSettings settings;
    private final Counter runs;
    private final Counter purged;

    public InstancePurge(
            Pool pool, TimeSource time, PurgeSettings settings, MeterRegistry registry) {
        this.pool = pool;
        this.time = time;
        this.settings = settings;
        this.runs = Counter.builder("app.purge.runs").description("Purge runs").register(registry);
        this.purged =
                Counter.builder("app.purge.instances")
                        .description("Instances permanently removed")
                        .register(registry);
    }

    @Scheduled(
            identity = "instance-purge",
            every = "${purge.interval:1h}",
            delayed = "${purge.initial-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().replaceWithVoid();
    }

    /** One run: batches until nothing is left; completes with the number removed. */
    public Uni<Integer> purge() {
        OffsetDateTime cutoff = time.now().minus(settings.gracePeriod()).atOffset(ZoneOffset.UTC);
        return batchesFrom(cutoff, 0)
                .invoke(
                        count -> {
                            runs.increment();
                            purged.increment(count);
                            if (count > 0) {
                                Log.infof("Purge removed %d hard-deleted instances", count);
                            }
                        });
    }

    private Uni<Integer> batchesFrom(OffsetDateTime cutoff, int soFar) {
        return pool.withTransaction(connection -> batch(connection, cutoff))
                .chain(
                        count ->
                                count < settings.batchSize()
                                        ? Uni.createFrom().item(soFar + count)
                                        : batchesFrom(cutoff, soFar + count));
    }

    private Uni<Integer> batch(SqlConnection connection, OffsetDateTime cutoff) {
        return connection
                .preparedQuery(CANDIDATES)
                .execute(Tuple.of(cutoff, settings.batchSize()))
                .map(InstancePurge::ids)
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(0) : remove(connection, ids));
    }

    private static Uni<Integer> remove(SqlConnection connection, List<UUID> ids) {
        UUID[] idArray = ids.toArray(UUID[]::new);
        return connection
                .preparedQuery(
                        "delete from data_element where instance_id = any($1) returning blob_id")
                .execute(Tuple.of((Object) idArray))
                .map(InstancePurge::ids)
                .chain(
                        blobIds ->
                                connection
                                        .preparedQuery("delete from instance where id = any($1)")
                                        .execute(Tuple.of((Object) idArray))
                                        .chain(
                                                () ->
                                                        connection
                                                                .preparedQuery(
                                                                        "delete from blob where id = any($1)")
                                                                .execute(
                                                                        Tuple.of(
                                                                                (Object)
                                                                                        blobIds
                                                                                                .toArray(
                                                                                                        UUID
                                                                                                                        []
                                                                                                                ::new)))))
                .replaceWith(ids.size());
    }

    private static List<UUID> ids(Iterable<Row> rows) {
        List<UUID> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.getUUID(0)));
        return ids;
    }

    private static List<UUID> blobIds(Iterable<Row> rows) {
        return ids(rows);
    }
}
