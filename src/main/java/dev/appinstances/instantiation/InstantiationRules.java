package dev.appinstances.instantiation;

import dev.appinstances.app.PartyTypesAllowed;
import dev.appinstances.instance.InstanceOwner;
import dev.appinstances.register.Party;

/** Pure rules of instantiation, following Altinn's InstantiationHelper. */
final class InstantiationRules {

    private InstantiationRules() {}

    /** {@code partyTypesAllowed}: missing or all false means every party may instantiate. */
    static boolean isPartyTypeAllowed(PartyTypesAllowed allowed, Party party) {
        if (allowed == null || allowed.allowsEveryone()) {
            return true;
        }
        return switch (party.partyType()) {
            case PERSON, SELF_IDENTIFIED -> allowed.person;
            case ORGANISATION ->
                    party.isSubUnit()
                            ? allowed.subUnit
                            : allowed.organisation
                                    || (party.isBankruptcyEstate() && allowed.bankruptcyEstate);
        };
    }

    /** How the API names a party's type in messages. */
    static String describeType(Party party) {
        if (party.isSubUnit()) {
            return "a sub unit";
        }
        if (party.isBankruptcyEstate()) {
            return "a bankruptcy estate";
        }
        return switch (party.partyType()) {
            case PERSON -> "a person";
            case SELF_IDENTIFIED -> "a self-identified person";
            case ORGANISATION -> "an organisation";
        };
    }

    /** The owner as stored: the party id plus the party's official identity. */
    static InstanceOwner normalizedOwner(Party party) {
        String partyId = String.valueOf(party.partyId());
        return switch (party.partyType()) {
            case PERSON -> new InstanceOwner(partyId, party.ssn(), null, null, null);
            case ORGANISATION -> new InstanceOwner(partyId, null, party.orgNumber(), null, null);
            case SELF_IDENTIFIED ->
                    new InstanceOwner(
                            partyId, null, null, party.username(), externalIdentifier(party));
        };
    }

    /**
     * A self-identified owner's URN, as Altinn fills {@code externalIdentifier}: an ID-porten email
     * user ({@code epost:}{@code name@example.com}) by the email, a legacy one by the username.
     */
    static String externalIdentifier(Party party) {
        String username = party.username();
        if (username == null || username.isBlank()) {
            return null;
        }
        if (username.regionMatches(true, 0, "epost:", 0, 6)) {
            return "urn:altinn:person:idporten-email:" + username.substring(6);
        }
        return "urn:altinn:person:legacy-selfidentified:" + username;
    }
}
