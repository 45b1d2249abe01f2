package dev.appinstances.register;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Display names of actor ids in one prepared statement: the ids are bound as one array, so that the
 * statement is the same whatever their number.
 */
@ApplicationScoped
class DisplayNameStore {

    /** Users first: an id that is both a user id and an organisation number names the user. */
    static final String NAMES =
            "select cast(u.user_id as text) as actor, p.name, 0 as rank"
                    + " from app_user u join party p on p.party_id = u.party_id"
                    + " where cast(u.user_id as text) = any($1)"
                    + " union all"
                    + " select p.org_number, p.name, 1 from party p where p.org_number = any($1)"
                    + " order by rank";

    private final Pool pool;

    DisplayNameStore(Pool pool) {
        this.pool = pool;
    }

    Uni<Map<String, String>> names(Collection<String> actorIds) {
        return pool.preparedQuery(NAMES)
                .execute(Tuple.of(actorIds.toArray(String[]::new)))
                .map(
                        rows -> {
                            Map<String, String> names = new HashMap<>();
                            for (Row row : rows) {
                                names.putIfAbsent(row.getString("actor"), row.getString("name"));
                            }
                            return names;
                        });
    }
}
