package dev.appinstances.register;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

/** The register seed file: {@code {"parties": [...], "users": [...], "delegations": [...]}}. */
@RegisterForReflection
public record RegisterSeed(
        List<SeedParty> parties, List<SeedUser> users, List<SeedDelegation> delegations) {

    public RegisterSeed {
        parties = parties == null ? List.of() : parties;
        users = users == null ? List.of() : users;
        delegations = delegations == null ? List.of() : delegations;
    }

    @RegisterForReflection
    public record SeedParty(
            long partyId,
            UUID partyUuid,
            String partyTypeName,
            String ssn,
            String orgNumber,
            String unitType,
            String username,
            String name,
            boolean isDeleted) {}

    @RegisterForReflection
    public record SeedUser(long userId, long partyId, String username, String name) {}

    @RegisterForReflection
    public record SeedDelegation(long userId, long partyId, List<String> roles) {}
}
