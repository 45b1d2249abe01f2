package dev.appinstances.register;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class DelegationRepository
        implements PanacheRepositoryBase<DelegationEntity, DelegationEntity.Key> {

    Uni<Boolean> exists(long userId, long partyId) {
        return count("userId = ?1 and partyId = ?2", userId, partyId).map(count -> count > 0);
    }
}
