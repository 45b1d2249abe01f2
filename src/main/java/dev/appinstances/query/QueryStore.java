package dev.appinstances.query;

import dev.appinstances.instance.InstanceDocumentRows;
import dev.appinstances.instance.StoredInstance;
import dev.appinstances.persistence.DatabaseFailures;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Runs the query's hand-written page SQL ({@link QuerySql}) on the reactive pool. */
@ApplicationScoped
class QueryStore {

    private final Pool pool;

    QueryStore(Pool pool) {
        this.pool = pool;
    }

    /** The rows of one page, with their documents' parts. */
    Uni<List<StoredInstance>> rows(QuerySql.Statement statement) {
        return pool.preparedQuery(statement.sql())
                .execute(parameters(statement.parameters()))
                .map(
                        rows -> {
                            List<StoredInstance> page = new ArrayList<>(rows.size());
                            for (Row row : rows) {
                                page.add(InstanceDocumentRows.read(row));
                            }
                            return page;
                        })
                .onFailure()
                .transform(DatabaseFailures::translate);
    }

    /** Instants bind as timestamptz. */
    private static Tuple parameters(List<Object> values) {
        Tuple tuple = Tuple.tuple();
        for (Object value : values) {
            tuple.addValue(
                    value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
        }
        return tuple;
    }
}
