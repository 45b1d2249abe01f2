package dev.appinstances.register;

import java.util.Set;
import java.util.UUID;

/** Someone who can own instances: a person, an organisation or a self-identified user. */
public record Party(
        long partyId,
        UUID partyUuid,
        PartyType partyType,
        String ssn,
        String orgNumber,
        String unitType,
        String username,
        String name,
        boolean isDeleted) {

    /** Unit types of an organisation's sub unit (Altinn: BEDR, AAFY). */
    private static final Set<String> SUB_UNIT_TYPES = Set.of("BEDR", "AAFY");

    public boolean isSubUnit() {
        return partyType == PartyType.ORGANISATION
                && unitType != null
                && SUB_UNIT_TYPES.contains(unitType.toUpperCase());
    }

    public boolean isBankruptcyEstate() {
        return partyType == PartyType.ORGANISATION && "KBO".equalsIgnoreCase(unitType);
    }
}
