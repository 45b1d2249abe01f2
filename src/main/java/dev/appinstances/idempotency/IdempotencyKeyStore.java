package dev.appinstances.idempotency;

import dev.appinstances.persistence.DatabaseFailures;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Claims and releases keys in statements of their own, before and after the create runs. */
@ApplicationScoped
class IdempotencyKeyStore {

    /**
     * Claims the key, or takes over one whose claim was abandoned (lease over) or whose replay
     * window has passed; returns the row as it now stands.
     */
    private static final String CLAIM =
            """
            insert into idempotency_key (caller, key, claim, state, created, lease_until)
            values ($1, $2, $3, 'in-flight', $4, $5)
            on conflict (caller, key) do update
                set claim = excluded.claim, state = 'in-flight', fingerprint = null,
                    status = null, location = null, body = null,
                    created = excluded.created, lease_until = excluded.lease_until
                where (idempotency_key.state = 'in-flight' and idempotency_key.lease_until < $4)
                   or idempotency_key.created < $6
            returning claim
            """;

    private static final String CURRENT =
            "select claim, state, fingerprint, status, location, body from idempotency_key"
                    + " where caller = $1 and key = $2";

    private static final String RELEASE =
            "delete from idempotency_key where caller = $1 and key = $2 and claim = $3"
                    + " and state = 'in-flight'";

    private static final String EXPIRE =
            "delete from idempotency_key where created < $1"
                    + " and (state = 'done' or lease_until < $2)";

    private final Pool pool;

    IdempotencyKeyStore(Pool pool) {
        this.pool = pool;
    }

    /** The key's row after trying to claim it with {@code claim}. */
    Uni<KeyRow> claim(
            String caller,
            String key,
            UUID claim,
            Instant now,
            Instant leaseUntil,
            Instant windowStart) {
        return pool.preparedQuery(CLAIM)
                .execute(
                        Tuple.of(caller, key, claim, utc(now), utc(leaseUntil))
                                .addValue(utc(windowStart)))
                .chain(
                        claimed ->
                                claimed.size() == 1
                                        ? Uni.createFrom().item(KeyRow.claimed(claim))
                                        : current(caller, key))
                .onFailure()
                .transform(DatabaseFailures::translate);
    }

    Uni<Void> release(String caller, String key, UUID claim) {
        return pool.preparedQuery(RELEASE)
                .execute(Tuple.of(caller, key, claim))
                .replaceWithVoid()
                .onFailure()
                .transform(DatabaseFailures::translate);
    }

    /** Removes keys older than the window (and abandoned claims past their lease). */
    Uni<Integer> expire(Instant windowStart, Instant now) {
        return pool.preparedQuery(EXPIRE)
                .execute(Tuple.of(utc(windowStart), utc(now)))
                .map(RowSet::rowCount);
    }

    private Uni<KeyRow> current(String caller, String key) {
        return pool.preparedQuery(CURRENT)
                .execute(Tuple.of(caller, key))
                .map(
                        rows -> {
                            if (rows.size() == 0) {
                                // released between the claim and this read: in flight a moment ago
                                return KeyRow.inFlight();
                            }
                            Row row = rows.iterator().next();
                            return IdempotencyKeyEntity.DONE.equals(row.getString("state"))
                                    ? KeyRow.done(
                                            row.getString("fingerprint"),
                                            row.getShort("status"),
                                            row.getString("location"),
                                            row.getString("body"))
                                    : KeyRow.inFlight();
                        });
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** What the claim found. */
    record KeyRow(
            UUID claim,
            boolean done,
            String fingerprint,
            int status,
            String location,
            String body) {

        static KeyRow claimed(UUID claim) {
            return new KeyRow(claim, false, null, 0, null, null);
        }

        static KeyRow inFlight() {
            return new KeyRow(null, false, null, 0, null, null);
        }

        static KeyRow done(String fingerprint, int status, String location, String body) {
            return new KeyRow(null, true, fingerprint, status, location, body);
        }
    }
}
