package dev.appinstances.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every 401 says why, in the problem and in WWW-Authenticate (RFC 6750). */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class TokenRefusalsTest {

    static final String BASE = "/ttd/example-app/instances/50001337/active";

    static ValidatableResponse refused(String authorization, String reason) {
        var request = given();
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.get(BASE)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:app-instances:problem:unauthenticated"))
                .body("detail", startsWith(reason));
    }

    static void invalidToken(String authorization, String reason) {
        refused(authorization, reason)
                .header(
                        "WWW-Authenticate",
                        equalTo(
                                "Bearer realm=\"app-instances\", error=\"invalid_token\","
                                        + " error_description=\""
                                        + reason.substring(0, 1).toLowerCase()
                                        + reason.substring(1)
                                        + "\""));
    }

    @Test
    void noTokenIsAChallengeWithoutError() {
        refused(null, "No bearer token was sent")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"app-instances\""));
    }

    @Test
    void anotherSchemeIsNamed() {
        invalidToken(
                "Basic dXNlcjpwYXNz", "The Authorization header does not carry a Bearer token");
    }

    @Test
    void anExpiredTokenIsNamed() {
        invalidToken("Bearer " + Tokens.expiredUser(1337, 50001337), "The token has expired");
    }

    @Test
    void aTokenNotValidYetIsNamed() {
        long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();
        String token =
                Jwt.issuer(Tokens.ISSUER)
                        .claim("urn:altinn:userid", "1337")
                        .claim("urn:altinn:partyid", "50001337")
                        .claim("urn:altinn:authlevel", "2")
                        .claim("nbf", inAnHour)
                        .expiresIn(7200)
                        .sign();
        invalidToken("Bearer " + token, "The token is not valid yet");
    }

    @Test
    void aForeignIssuerIsNamed() {
        invalidToken(
                "Bearer " + Tokens.withIssuer("someone-else", 1337, 50001337),
                "The token was issued by an issuer this service does not trust");
    }

    @Test
    void aBadSignatureIsNamed() {
        String token = Tokens.user(1337, 50001337);
        String tampered =
                token.substring(0, token.lastIndexOf('.') + 1)
                        + new StringBuilder(token.substring(token.lastIndexOf('.') + 1)).reverse();
        invalidToken("Bearer " + tampered, "The token's signature does not verify");
    }

    @Test
    void garbageIsNamed() {
        invalidToken("Bearer not-a-jwt", "The token is not a well-formed signed JWT");
        invalidToken("Bearer a.b.c", "The token is not a well-formed signed JWT");
    }

    @Test
    void theReasonNamesWhereATokenIsExpected() {
        refused(null, "No bearer token")
                .body(
                        "detail",
                        containsString("Authorization header or AltinnStudioRuntime cookie"));
    }
}
