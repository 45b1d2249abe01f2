package dev.appinstances.register;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The register kept in this service's PostgreSQL, filled from the seed file. Call inside a reactive
 * session (display names need none).
 */
@ApplicationScoped
public class DatabaseRegister implements Register {

    private final PartyRepository parties;
    private final UserRepository users;
    private final DelegationRepository delegations;

    DatabaseRegister(
            PartyRepository parties, UserRepository users, DelegationRepository delegations) {
        this.parties = parties;
        this.users = users;
        this.delegations = delegations;
    }

    @Override
    public Uni<Party> partyById(long partyId) {
        return parties.findById(partyId).map(DatabaseRegister::toParty);
    }

    @Override
    public Uni<Party> partyBySsn(String ssn) {
        return parties.firstWhere("ssn", ssn).map(DatabaseRegister::toParty);
    }

    @Override
    public Uni<Party> partyByOrgNumber(String orgNumber) {
        return parties.firstWhere("orgNumber", orgNumber).map(DatabaseRegister::toParty);
    }

    @Override
    public Uni<Party> partyByUsername(String username) {
        return parties.firstWhere("lower(username)", username.toLowerCase())
                .map(DatabaseRegister::toParty);
    }

    @Override
    public Uni<RegisterUser> userById(long userId) {
        return users.findById(userId).map(user -> user == null ? null : user.toUser());
    }

    @Override
    public Uni<Boolean> hasDelegation(long userId, long partyId) {
        return delegations.exists(userId, partyId);
    }

    private static Party toParty(PartyEntity entity) {
        return entity == null ? null : entity.toParty();
    }
}
