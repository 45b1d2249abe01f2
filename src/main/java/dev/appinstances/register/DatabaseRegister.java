package dev.appinstances.register;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The register kept in this service's PostgreSQL, filled from the seed file. */
@ApplicationScoped
@WithSession
public class DatabaseRegister implements Register {

    private static final String DISPLAY_NAMES =
            "select cast(u.user_id as text), p.name from app_user u"
                    + " join party p on p.party_id = u.party_id"
                    + " where cast(u.user_id as text) in (:ids)"
                    + " union all"
                    + " select p.org_number, p.name from party p where p.org_number in (:ids)";

    @Override
    public Uni<Party> partyById(long partyId) {
        return PartyEntity.<PartyEntity>findById(partyId).map(DatabaseRegister::toParty);
    }

    @Override
    public Uni<Map<Long, Party>> partiesById(Collection<Long> partyIds) {
        if (partyIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return PartyEntity.<PartyEntity>list("partyId in ?1", partyIds)
                .map(
                        parties -> {
                            Map<Long, Party> byId = new HashMap<>();
                            parties.forEach(party -> byId.put(party.partyId, party.toParty()));
                            return byId;
                        });
    }

    @Override
    public Uni<Party> partyBySsn(String ssn) {
        return partyWhere("ssn", ssn);
    }

    @Override
    public Uni<Party> partyByOrgNumber(String orgNumber) {
        return partyWhere("orgNumber", orgNumber);
    }

    @Override
    public Uni<Party> partyByUsername(String username) {
        return partyWhere("lower(username)", username.toLowerCase());
    }

    @Override
    public Uni<RegisterUser> userById(long userId) {
        return UserEntity.<UserEntity>findById(userId)
                .map(user -> user == null ? null : user.toUser());
    }

    @Override
    public Uni<Boolean> hasDelegation(long userId, long partyId) {
        return Panache.getSession()
                .chain(
                        session ->
                                session.createNativeQuery(
                                                "select count(*) from delegation"
                                                        + " where user_id = ?1 and party_id = ?2",
                                                Long.class)
                                        .setParameter(1, userId)
                                        .setParameter(2, partyId)
                                        .getSingleResult())
                .map(count -> count > 0);
    }

    @Override
    public Uni<Map<String, String>> displayNames(Collection<String> actorIds) {
        if (actorIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession()
                .chain(
                        session ->
                                session.createNativeQuery(DISPLAY_NAMES, Object[].class)
                                        .setParameter("ids", actorIds)
                                        .getResultList())
                .map(
                        rows -> {
                            Map<String, String> names = new HashMap<>();
                            for (Object[] row : rows) {
                                names.putIfAbsent((String) row[0], (String) row[1]);
                            }
                            return names;
                        });
    }

    private static Uni<Party> partyWhere(String field, String value) {
        return PartyEntity.<PartyEntity>find(field + " = ?1", value)
                .firstResult()
                .map(DatabaseRegister::toParty);
    }

    private static Party toParty(PartyEntity entity) {
        return entity == null ? null : entity.toParty();
    }
}
