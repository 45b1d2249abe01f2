package dev.appinstances.auth;

import java.util.Set;

/**
 * Who is calling, as read from the token's Altinn claims.
 *
 * @param userId {@code urn:altinn:userid}, for users
 * @param partyId {@code urn:altinn:partyid}, the user's own party
 * @param org {@code urn:altinn:org}, for service owners
 * @param orgNumber {@code urn:altinn:orgNumber}, for organisations
 */
public record Caller(
        Kind kind,
        Long userId,
        Long partyId,
        String org,
        String orgNumber,
        int authenticationLevel,
        Set<String> scopes) {

    public enum Kind {
        /** A service owner whose org is the app's org. */
        APP_OWNER,
        /** Any other organisation, acting for the organisation party with its number. */
        ORGANISATION,
        /** A person logged in, acting for their own party and parties delegated to them. */
        USER
    }

    public boolean isAppOwner() {
        return kind == Kind.APP_OWNER;
    }

    /**
     * How Altinn records this caller in createdBy/lastChangedBy: the user id, or the organisation
     * number.
     */
    public String actorId() {
        return kind == Kind.USER ? String.valueOf(userId) : orgNumber;
    }
}
