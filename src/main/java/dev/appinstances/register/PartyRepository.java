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

    /** {@code [actor id, name]} of the users with these ids (as text), by their own party. */
    Uni<List<Object[]>> userNames(Collection<String> userIds) {
        return getSession()
                .chain(
                        session ->
                                session.createSelectionQuery(
                                                "select cast(u.userId as String), p.name"
                                                        + " from UserEntity u, PartyEntity p"
                                                        + " where p.partyId = u.partyId"
                                                        + " and cast(u.userId as String) in ?1",
                                                Object[].class)
                                        .setParameter(1, userIds)
                                        .getResultList());
    }

    /** {@code [actor id, name]} of the organisations with these numbers. */
    Uni<List<Object[]>> organisationNames(Collection<String> orgNumbers) {
        return getSession()
                .chain(
                        session ->
                                session.createSelectionQuery(
                                                "select p.orgNumber, p.name from PartyEntity p"
                                                        + " where p.orgNumber in ?1",
                                                Object[].class)
                                        .setParameter(1, orgNumbers)
                                        .getResultList());
    }
}
