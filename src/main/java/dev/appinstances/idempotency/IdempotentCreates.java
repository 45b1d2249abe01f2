package dev.appinstances.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.appinstances.auth.Caller;
import dev.appinstances.common.TimeSource;
import dev.appinstances.http.RequestBody;
import dev.appinstances.problem.IdempotencyKeyInUseException;
import dev.appinstances.problem.IdempotencyKeyReusedException;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Safe retries of the POSTs that create ({@code Idempotency-Key}, IETF httpapi draft): the same key
 * and the same request (method, path, query, Content-Type, body) within the window give the first
 * response again without creating anything; the same key with another request is 422; a request
 * with the key still in flight is 409. A key belongs to one caller.
 */
@ApplicationScoped
public class IdempotentCreates {

    private final IdempotencyKeyStore store;
    private final IdempotencyKeyRepository keys;
    private final IdempotencySettings settings;
    private final TimeSource time;
    private final ObjectMapper json;

    public IdempotentCreates(
            IdempotencyKeyStore store,
            IdempotencyKeyRepository keys,
            IdempotencySettings settings,
            TimeSource time,
            ObjectMapper json) {
        this.store = store;
        this.keys = keys;
        this.settings = settings;
        this.time = time;
        this.json = json;
    }

    /**
     * Runs {@code create} once per key: it reads {@code body} and must call {@link
     * KeyedCreate#record} in its transaction. {@code location} gives the new resource's URL.
     */
    public <T> Uni<Created<T>> create(
            Caller caller,
            String keyHeader,
            RequestBody body,
            BiFunction<RequestBody, KeyedCreate, Uni<T>> create,
            Function<T, String> location) {
        if (keyHeader == null) {
            return create.apply(body, KeyedCreate.NONE)
                    .map(document -> Created.fresh(document, location.apply(document)));
        }
        IdempotencyKey key = IdempotencyKey.parse(keyHeader);
        String owner = owner(caller);
        UUID claim = UUID.randomUUID();
        Instant now = time.now();
        body.fingerprinting();
        return store.claim(
                        owner,
                        key.value(),
                        claim,
                        now,
                        now.plus(settings.lease()),
                        now.minus(settings.window()))
                .chain(
                        row -> {
                            if (row.claim() != null) {
                                return createOnce(owner, key, claim, body, create, location);
                            }
                            if (!row.done()) {
                                body.refuseUnread();
                                throw new IdempotencyKeyInUseException(
                                        "A request with this Idempotency-Key is still in flight;"
                                                + " retry once it has been answered");
                            }
                            return replay(row, body);
                        });
    }

    private <T> Uni<Created<T>> createOnce(
            String owner,
            IdempotencyKey key,
            UUID claim,
            RequestBody body,
            BiFunction<RequestBody, KeyedCreate, Uni<T>> create,
            Function<T, String> location) {
        KeyedCreate keyed =
                (document, where) ->
                        keys.complete(
                                        owner,
                                        key.value(),
                                        claim,
                                        body.fingerprint(),
                                        201,
                                        where,
                                        encode(document))
                                .invoke(
                                        updated -> {
                                            if (updated != 1) {
                                                throw new IdempotencyKeyInUseException(
                                                        "This Idempotency-Key was taken over by"
                                                                + " another request");
                                            }
                                        })
                                .replaceWithVoid();
        return create.apply(body, keyed)
                .map(document -> Created.fresh(document, location.apply(document)))
                .onFailure()
                .call(
                        () ->
                                store.release(owner, key.value(), claim)
                                        .onFailure()
                                        .invoke(
                                                failure ->
                                                        Log.warnf(
                                                                "Could not release an"
                                                                        + " Idempotency-Key: %s",
                                                                failure.getMessage()))
                                        .onFailure()
                                        .recoverWithNull());
    }

    private <T> Uni<Created<T>> replay(IdempotencyKeyStore.KeyRow row, RequestBody body) {
        return body.fingerprintOnly()
                .map(
                        fingerprint -> {
                            if (!fingerprint.equals(row.fingerprint())) {
                                throw new IdempotencyKeyReusedException(
                                        "This Idempotency-Key was used for a different request;"
                                                + " use a new key for a new request");
                            }
                            return Created.replay(row.status(), row.location(), row.body());
                        });
    }

    /** Removes keys past their window; every replica may run it, the rows go once. */
    @Scheduled(
            identity = "idempotency-key-expiry",
            every = "${app.idempotency.expiry-interval:10m}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expire() {
        Instant now = time.now();
        return store.expire(now.minus(settings.window()), now)
                .invoke(
                        removed -> {
                            if (removed > 0) {
                                Log.debugf("Removed %d expired idempotency keys", removed);
                            }
                        })
                .replaceWithVoid();
    }

    private String encode(Object document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A created document cannot be written", e);
        }
    }

    /** Whose key it is: the same key from two callers is two keys. */
    static String owner(Caller caller) {
        return switch (caller.kind()) {
            case USER -> "user:" + caller.userId();
            case APP_OWNER, ORGANISATION ->
                    caller.org() != null ? "org:" + caller.org() : "orgno:" + caller.orgNumber();
        };
    }
}
