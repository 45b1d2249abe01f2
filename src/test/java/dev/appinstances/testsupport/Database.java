package dev.appinstances.testsupport;

import static org.assertj.core.api.Assertions.fail;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Direct SQL for assertions about what a request left in the database.
 *
 * <p>All test classes share one database, so assertions look only at what the test itself made:
 * rows of its own parties ({@link TestParties}) or instances, or rows created since a {@link
 * Marker} it took at its start ({@link #since}), never at table totals.
 */
@ApplicationScoped
public class Database {

    /** How often {@link #awaitTrue} looks again. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(25);

    /**
     * A moment in the database's history: the id of a transaction. Rows that a later transaction
     * inserted or updated carry a larger {@code xmin}, whatever the application's clock says (some
     * tests set it, e.g. a day ahead).
     */
    public record Marker(long transactionId) {
        /** The condition "the row was written (inserted or updated) since the marker". */
        public String written() {
            return "xmin::text::bigint >= " + transactionId;
        }
    }

    private final Pool pool;

    public Database(Pool pool) {
        this.pool = pool;
    }

    public long count(String sql) {
        Row row =
                pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).iterator().next();
        return row.getLong(0);
    }

    public String text(String sql) {
        Row row =
                pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).iterator().next();
        return row.getString(0);
    }

    public void execute(String sql) {
        pool.query(sql).execute().await().atMost(Duration.ofSeconds(10));
    }

    /**
     * Until closed, every transaction that inserts an instance of the party fails at its commit (a
     * deferred constraint trigger): for tests of a change that is rolled back after all its
     * statements ran.
     */
    public AutoCloseable failingInstanceCommits(long partyId) {
        String name = "fail_commit_" + partyId;
        execute(
                "create function "
                        + name
                        + "() returns trigger language plpgsql as $$ begin raise exception"
                        + " 'refused at commit'; end $$");
        execute(
                "create constraint trigger "
                        + name
                        + " after insert on instance deferrable initially deferred for each row"
                        + " when (new.instance_owner_party_id = "
                        + partyId
                        + ") execute function "
                        + name
                        + "()");
        return () -> {
            execute("drop trigger " + name + " on instance");
            execute("drop function " + name + "()");
        };
    }

    /** Takes a marker now: what is written from here on counts in {@link #storedSince}. */
    public Marker since() {
        // xmin holds the low 32 bits of a transaction id
        return new Marker(count("select pg_current_xact_id()::text::bigint % 4294967296"));
    }

    /**
     * Rows of instances, data elements, blobs and blob chunks inserted or updated since the marker
     * (and still there), as {@code "instances/dataElements/blobs/chunks"}: {@code "0/0/0/0"} means
     * the requests since the marker left no trace.
     */
    public String storedSince(Marker marker) {
        String written = " where " + marker.written();
        return count("select count(*) from instance" + written)
                + "/"
                + count("select count(*) from data_element" + written)
                + "/"
                + count("select count(*) from blob" + written)
                + "/"
                + count("select count(*) from blob_chunk" + written);
    }

    /** Waits (up to 10 s) for cleanup that runs after the response to remove all it stored. */
    public void awaitNothingStoredSince(Marker marker) {
        awaitEquals(() -> storedSince(marker), "0/0/0/0", Duration.ofSeconds(10));
    }

    /** Polls until {@code actual} gives {@code expected}; fails naming the last value. */
    public static void awaitEquals(Supplier<String> actual, String expected, Duration timeout) {
        String[] last = {null};
        awaitTrue(
                () -> "value " + expected + ", last seen " + last[0],
                () -> expected.equals(last[0] = actual.get()),
                timeout);
    }

    /**
     * Polls the condition (every {@link #POLL_INTERVAL}) until it holds; fails with the description
     * when it still does not after the timeout. The only waiting the tests do.
     */
    public static void awaitTrue(String what, BooleanSupplier condition, Duration timeout) {
        awaitTrue(() -> what, condition, timeout);
    }

    public static void awaitTrue(
            Supplier<String> what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("Waited " + timeout.toMillis() + " ms for " + what.get());
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                fail("Interrupted while waiting for " + what.get());
            }
        }
    }

    /**
     * A fingerprint of the instance rows of the parties and of their instances' events: equal
     * before and after means nothing changed in them and no event was written.
     */
    public String instanceFingerprint(long... partyIds) {
        String parties =
                Arrays.stream(partyIds).mapToObj(Long::toString).collect(Collectors.joining(","));
        return text(
                "select count(*)::text || ':' || coalesce(md5(string_agg(i::text, ',' order by"
                        + " id)), '') || ' events:' || (select count(*) from instance_event e"
                        + " join instance o on o.id = e.instance_id where"
                        + " o.instance_owner_party_id in ("
                        + parties
                        + ")) from instance i where instance_owner_party_id in ("
                        + parties
                        + ")");
    }
}
