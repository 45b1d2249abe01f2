package dev.appinstances.instance;

import dev.appinstances.persistence.DatabaseFailures;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads of committed instances for answering, on the reactive pool with prepared statements and
 * outside any Hibernate session: no query translation, no flush, one round trip each.
 */
@ApplicationScoped
public class InstanceDocumentStore {

    static final String BY_ID = InstanceDocumentRows.SELECT + " where i.id = $1";

    /** Public for the test of its plan. */
    public static final String ACTIVE =
            "select i.* from instance i where i.app_id = $1 and i.instance_owner_party_id = $2"
                    + " and i.archived is null and i.soft_deleted is null"
                    + " and i.hard_deleted is null order by i.last_changed desc, i.id";

    private final Pool pool;

    public InstanceDocumentStore(Pool pool) {
        this.pool = pool;
    }

    /** The instance with its document's parts; null when there is no such instance. */
    public Uni<StoredInstance> byId(UUID id) {
        return pool.preparedQuery(BY_ID)
                .execute(Tuple.of(id))
                .map(
                        rows ->
                                rows.size() == 0
                                        ? null
                                        : InstanceDocumentRows.read(rows.iterator().next()))
                .onFailure()
                .transform(DatabaseFailures::translate);
    }

    /** The party's instances of the app that are neither archived nor deleted, newest first. */
    public Uni<List<InstanceEntity>> active(String appId, long partyId) {
        return pool.preparedQuery(ACTIVE)
                .execute(Tuple.of(appId, partyId))
                .map(InstanceDocumentStore::instances)
                .onFailure()
                .transform(DatabaseFailures::translate);
    }

    private static List<InstanceEntity> instances(RowSet<Row> rows) {
        List<InstanceEntity> instances = new ArrayList<>(rows.size());
        for (Row row : rows) {
            instances.add(InstanceRows.read(row));
        }
        return instances;
    }
}
