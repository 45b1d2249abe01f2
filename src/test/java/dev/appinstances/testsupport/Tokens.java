package dev.appinstances.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Instant;

/** Tokens for each kind of caller, signed with the DEV/TEST key the test profile trusts. */
public final class Tokens {

    public static final String ISSUER = "app-instances-dev";
    public static final String APP_ORG = "ttd";
    public static final String APP_ORG_NUMBER = "991825827";

    private Tokens() {}

    /** A user acting for their own party, at authentication level 2. */
    public static String user(long userId, long partyId) {
        return user(userId, partyId, 2);
    }

    public static String user(long userId, long partyId, int authLevel) {
        return sign(
                base().claim("urn:altinn:userid", String.valueOf(userId))
                        .claim("urn:altinn:partyid", String.valueOf(partyId))
                        .claim("urn:altinn:authlevel", String.valueOf(authLevel))
                        .claim("urn:altinn:authenticatemethod", "BankID")
                        .claim("scope", "altinn:portal/enduser"));
    }

    /** The app owner (urn:altinn:org = the app's org). */
    public static String appOwner() {
        return sign(
                base().claim("urn:altinn:org", APP_ORG)
                        .claim("urn:altinn:orgNumber", APP_ORG_NUMBER)
                        .claim("urn:altinn:authlevel", "3")
                        .claim("urn:altinn:authenticatemethod", "maskinporten")
                        .claim(
                                "scope",
                                "altinn:serviceowner/instances.read"
                                        + " altinn:serviceowner/instances.write"));
    }

    /** Another organisation, by organisation number only (Maskinporten). */
    public static String organisation(String orgNumber) {
        return sign(
                base().claim("urn:altinn:orgNumber", orgNumber)
                        .claim("urn:altinn:authlevel", "3")
                        .claim("urn:altinn:authenticatemethod", "maskinporten")
                        .claim("scope", "altinn:instances.read altinn:instances.write"));
    }

    /** A user token whose lifetime ended an hour ago. */
    public static String expiredUser(long userId, long partyId) {
        Instant past = Instant.now().minusSeconds(7200);
        return base().claim("urn:altinn:userid", String.valueOf(userId))
                .claim("urn:altinn:partyid", String.valueOf(partyId))
                .claim("urn:altinn:authlevel", "2")
                .issuedAt(past)
                .expiresAt(past.plusSeconds(3600))
                .sign();
    }

    /** Valid signature, but neither a user nor an organisation. */
    public static String anonymousSubject() {
        return sign(base().claim("urn:altinn:authlevel", "2"));
    }

    public static String withIssuer(String issuer, long userId, long partyId) {
        return Jwt.issuer(issuer)
                .subject(String.valueOf(userId))
                .claim("urn:altinn:userid", String.valueOf(userId))
                .claim("urn:altinn:partyid", String.valueOf(partyId))
                .claim("urn:altinn:authlevel", "2")
                .sign();
    }

    private static JwtClaimsBuilder base() {
        return Jwt.issuer(ISSUER).subject("test").issuedAt(Instant.now()).expiresIn(600);
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.sign();
    }
}
