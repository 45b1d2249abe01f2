package dev.appinstances.idempotency;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
class IdempotencyKeyRepository
        implements PanacheRepositoryBase<IdempotencyKeyEntity, IdempotencyKeyEntity.Key> {

    /** Records the response under a claim the caller still holds; 0 when it was taken over. */
    Uni<Integer> complete(
            String caller,
            String key,
            UUID claim,
            String fingerprint,
            int status,
            String location,
            String body) {
        return update(
                "state = ?1, fingerprint = ?2, status = ?3, location = ?4, body = ?5"
                        + " where caller = ?6 and key = ?7 and claim = ?8 and state = ?9",
                IdempotencyKeyEntity.DONE,
                fingerprint,
                (short) status,
                location,
                body,
                caller,
                key,
                claim,
                IdempotencyKeyEntity.IN_FLIGHT);
    }
}
