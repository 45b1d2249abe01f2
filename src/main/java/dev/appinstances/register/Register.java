package dev.appinstances.register;

import io.smallrye.mutiny.Uni;

/**
 * Look-ups of parties, users and delegations. Every method yields {@code null} for "no such thing".
 * Implemented on the service's own database; an HTTP client of Altinn Register can take its place
 * without touching the rules that use it.
 */
public interface Register {

    Uni<Party> partyById(long partyId);

    Uni<Party> partyBySsn(String ssn);

    Uni<Party> partyByOrgNumber(String orgNumber);

    Uni<Party> partyByUsername(String username);

    Uni<RegisterUser> userById(long userId);

    /** Whether the user may act for the party through a delegation (any role). */
    Uni<Boolean> hasDelegation(long userId, long partyId);
}
