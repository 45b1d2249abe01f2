package dev.appinstances.lifecycle;

import dev.appinstances.instance.InstanceRows;
import dev.appinstances.persistence.DatabaseFailures;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The active list as a stream of rows from a cursor, so that a party with many live instances costs
 * the same heap as one with few. The display name of whoever changed each instance last is looked
 * up in the same statement, a user's name before an organisation's.
 */
@ApplicationScoped
class ActiveInstanceStore {

    /**
     * Rows per round trip: large enough to keep the socket busy, small enough to keep heap flat.
     */
    static final int FETCH_SIZE = 256;

    // A user id is the decimal form of app_user.user_id (no leading zeros, as Long.toString
    // writes it); the CASE keeps the cast from ever seeing anything else.
    static final String SQL =
            """
            select i.id, i.instance_owner_party_id, i.presentation_texts,
                   i.due_before, i.last_changed,
                   coalesce(
                       (select p.name from app_user u join party p on p.party_id = u.party_id
                         where u.user_id = case when i.last_changed_by ~ '^[1-9][0-9]{0,17}$'
                                                then i.last_changed_by::bigint end),
                       (select p.name from party p where p.org_number = i.last_changed_by),
                       '') as last_changed_by_name
              from instance i
             where i.app_id = $1 and i.instance_owner_party_id = $2
               and i.archived is null and i.soft_deleted is null and i.hard_deleted is null
             order by i.last_changed desc, i.id
            """;

    private final Pool pool;

    ActiveInstanceStore(Pool pool) {
        this.pool = pool;
    }

    /** The party's live instances of the app, newest change first, read as they are consumed. */
    Multi<SimpleInstance> active(String appId, long partyId) {
        return pool.getConnection()
                .onItem()
                .transformToMulti(
                        connection ->
                                Multi.createFrom()
                                        .resource(() -> connection, c -> rows(c, appId, partyId))
                                        .withFinalizer(SqlConnection::close))
                .onFailure()
                .transform(DatabaseFailures::translate);
    }

    // A cursor lives only inside a transaction; it only reads, so it ends in a rollback.
    private static Multi<SimpleInstance> rows(SqlConnection connection, String appId, long party) {
        return connection
                .begin()
                .onItem()
                .transformToMulti(
                        transaction ->
                                connection
                                        .prepare(SQL)
                                        .onItem()
                                        .transformToMulti(
                                                statement ->
                                                        statement
                                                                .createStream(
                                                                        FETCH_SIZE,
                                                                        Tuple.of(appId, party))
                                                                .toMulti())
                                        .map(ActiveInstanceStore::read)
                                        .onTermination()
                                        .call(
                                                (failure, cancelled) ->
                                                        transaction
                                                                .rollback()
                                                                .onFailure()
                                                                .recoverWithNull()));
    }

    private static SimpleInstance read(Row row) {
        return new SimpleInstance(
                row.getLong("instance_owner_party_id") + "/" + row.getUUID("id"),
                InstanceRows.texts(row, "presentation_texts"),
                InstanceRows.instant(row, "due_before"),
                InstanceRows.instant(row, "last_changed"),
                row.getString("last_changed_by_name"));
    }
}
