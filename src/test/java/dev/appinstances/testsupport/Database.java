package dev.appinstances.testsupport;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Direct SQL for assertions about what a request left in the database. */
@ApplicationScoped
public class Database {

    private final Pool pool;

    public Database(Pool pool) {
        this.pool = pool;
    }

    public long count(String sql) {
        Row row =
                pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).iterator().next();
        return row.getLong(0);
    }

    public long instances() {
        return count("select count(*) from instance");
    }

    /** A fingerprint of every instance row: equal before and after means nothing changed. */
    public String instanceFingerprint() {
        Row row =
                pool.query(
                                "select count(*)::text || ':' || coalesce(md5(string_agg(i::text,"
                                        + " ',' order by id)), '') from instance i")
                        .execute()
                        .await()
                        .atMost(Duration.ofSeconds(10))
                        .iterator()
                        .next();
        return row.getString(0);
    }
}
