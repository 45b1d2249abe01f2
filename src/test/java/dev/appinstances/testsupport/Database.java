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

    public void execute(String sql) {
        pool.query(sql).execute().await().atMost(Duration.ofSeconds(10));
    }

    public long instances() {
        return count("select count(*) from instance");
    }

    /** Rows of instances, data elements, blobs and chunks: equal before and after = no trace. */
    public String storedRows() {
        return count("select count(*) from instance")
                + "/"
                + count("select count(*) from data_element")
                + "/"
                + count("select count(*) from blob")
                + "/"
                + count("select count(*) from blob_chunk");
    }

    /** Waits (up to 10 s) for cleanup that runs after the response, then asserts. */
    public void eventuallyEquals(java.util.function.Supplier<String> actual, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!expected.equals(actual.get()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        org.assertj.core.api.Assertions.assertThat(actual.get()).isEqualTo(expected);
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
