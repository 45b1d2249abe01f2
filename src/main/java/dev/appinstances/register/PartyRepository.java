package dev.appinstances.register;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class PartyRepository implements PanacheRepositoryBase<PartyEntity, Long> {

    Uni<PartyEntity> firstWhere(String field, String value) {
        return find(field + " = ?1", value).firstResult();
    }
}
