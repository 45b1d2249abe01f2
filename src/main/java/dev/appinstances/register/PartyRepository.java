package dev.appinstances.register;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
class PartyRepository implements PanacheRepositoryBase<PartyEntity, Long> {

    Uni<PartyEntity> firstWhere(String field, String value) {
        return find(field + " = ?1", value).firstResult();
    }

    Uni<List<PartyEntity>> byIds(Collection<Long> partyIds) {
        return list("partyId in ?1", partyIds);
    }
}
