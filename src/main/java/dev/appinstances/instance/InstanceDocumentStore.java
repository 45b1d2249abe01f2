package dev.appinstances.instance;

import dev.appinstances.persistence.DatabaseFailures;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Reads of committed instances for answering, on the reactive pool with prepared statements and
 * outside any Hibernate session: no query translation, no flush, one round trip each.
 */
@ApplicationScoped
public class InstanceDocumentStore {

    static final String BY_ID = InstanceDocumentRows.SELECT + " where i.id = $1";

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
}
