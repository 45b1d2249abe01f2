package dev.appinstances.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.Metrics;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.TestParties.TestUser;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verified-token cache: a token is verified once and then served from the cache, but never past
 * its expiry, and never for a token whose signature differs. A clock skew of one second here (0
 * would mean the default, 60), so that an expiry is seen within seconds.
 */
@QuarkusTest
@TestProfile(VerifiedTokensTest.OneSecondClockSkew.class)
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class VerifiedTokensTest {

    public static class OneSecondClockSkew implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.clock.skew", "1");
        }
    }

    static final String LOOKUPS = "app_auth_token_cache_lookups_total";

    @Inject TestParties parties;

    TestUser user;

    @BeforeEach
    void user() {
        user = parties.user();
    }

    ValidatableResponse active(String token) {
        return given().auth()
                .oauth2(token)
                .get("/ttd/example-app/instances/" + user.partyId() + "/active")
                .then();
    }

    String tokenExpiringAt(Instant expiry) {
        return Jwt.issuer(Tokens.ISSUER)
                .subject("test")
                .claim("urn:altinn:userid", String.valueOf(user.userId()))
                .claim("urn:altinn:partyid", String.valueOf(user.partyId()))
                .claim("urn:altinn:authlevel", "2")
                .claim("jti", java.util.UUID.randomUUID().toString())
                .issuedAt(Instant.now())
                .expiresAt(expiry)
                .sign();
    }

    static double lookups(Metrics metrics, String result) {
        return metrics.value(LOOKUPS, "result=\"" + result + "\"");
    }

    @Test
    void aTokenIsVerifiedOnceThenServedFromTheCache() {
        String token = tokenExpiringAt(Instant.now().plusSeconds(600));
        Metrics before = Metrics.scrape();
        for (int i = 0; i < 5; i++) {
            active(token).statusCode(200);
        }
        Metrics after = Metrics.scrape();
        assertThat(lookups(after, "miss") - lookups(before, "miss")).isEqualTo(1);
        assertThat(lookups(after, "hit") - lookups(before, "hit")).isEqualTo(4);
    }

    @Test
    void aCachedTokenIsRefusedOnceItExpires() {
        Instant expiry = Instant.now().plusSeconds(3);
        String token = tokenExpiringAt(expiry);
        active(token).statusCode(200);
        active(token).statusCode(200); // now served from the cache

        Database.awaitTrue(
                "the token's expiry has passed",
                () -> Instant.now().getEpochSecond() > expiry.getEpochSecond() + 1,
                Duration.ofSeconds(15));
        active(token)
                .statusCode(401)
                .body("type", equalTo("urn:app-instances:problem:unauthenticated"))
                .body("detail", startsWith("The token has expired"));
    }

    @Test
    void aTokenWithAnotherSignatureIsNeverServedFromTheCache() {
        String token = tokenExpiringAt(Instant.now().plusSeconds(600));
        active(token).statusCode(200);

        int dot = token.lastIndexOf('.');
        String signature = token.substring(dot + 1);
        char first = signature.charAt(0);
        String forged =
                token.substring(0, dot + 1) + (first == 'A' ? 'B' : 'A') + signature.substring(1);
        active(forged)
                .statusCode(401)
                .body("detail", startsWith("The token's signature does not verify"));
        String unsigned = token.substring(0, dot + 1);
        active(unsigned).statusCode(401);

        active(token).statusCode(200); // the genuine one is still good
    }

    @Test
    void aTokenNotYetValidIsRefusedAndNotKept() {
        String early =
                Jwt.issuer(Tokens.ISSUER)
                        .subject("test")
                        .claim("urn:altinn:userid", String.valueOf(user.userId()))
                        .claim("urn:altinn:partyid", String.valueOf(user.partyId()))
                        .claim("urn:altinn:authlevel", "2")
                        .claim("nbf", Instant.now().plusSeconds(300).getEpochSecond())
                        .issuedAt(Instant.now())
                        .expiresAt(Instant.now().plusSeconds(600))
                        .sign();
        Metrics before = Metrics.scrape();
        active(early).statusCode(401);
        active(early).statusCode(401);
        Metrics after = Metrics.scrape();
        assertThat(lookups(after, "hit") - lookups(before, "hit")).isZero();
    }
}
