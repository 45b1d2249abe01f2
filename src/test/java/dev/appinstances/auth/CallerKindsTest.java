package dev.appinstances.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each kind of caller against create and read, as the authorization rules say. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class CallerKindsTest {

    static final String BASE = "/ttd/example-app/instances";
    static final String OWNER = Tokens.appOwner();

    @Inject Database db;

    @Test
    void anonymousCallerIsUnauthorized() {
        unauthorized(given());
    }

    @Test
    void expiredInvalidOrForeignTokensAreUnauthorized() {
        unauthorized(given().auth().oauth2(Tokens.expiredUser(1337, 50001337)));
        unauthorized(given().auth().oauth2("not.a.token"));
        String valid = Tokens.user(1337, 50001337);
        String tampered = valid.substring(0, valid.length() - 4) + "AAAA";
        unauthorized(given().auth().oauth2(tampered));
        unauthorized(given().auth().oauth2(Tokens.withIssuer("someone-else", 1337, 50001337)));
    }

    @Test
    void theAltinnStudioRuntimeCookieCarriesTheToken() {
        String id = createAs(OWNER, 50001337).statusCode(201).extract().path("id");
        given().cookie("AltinnStudioRuntime", Tokens.user(1337, 50001337))
                .get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void userActsForOwnParty() {
        String token = Tokens.user(1340, 50001340);
        String id = createAs(token, 50001340).statusCode(201).extract().path("id");
        readAs(token, id).statusCode(200);
    }

    @Test
    void userActsForAPartyDelegatedToThem() {
        String sophie = Tokens.user(1337, 50001337);
        String id =
                createAs(sophie, 50001338)
                        .statusCode(201)
                        .body("instanceOwner.organisationNumber", equalTo("310000001"))
                        .body("createdBy", equalTo("1337"))
                        .extract()
                        .path("id");
        readAs(sophie, id).statusCode(200);
    }

    @Test
    void userCannotActForAnotherParty() {
        String ola = Tokens.user(1340, 50001340);
        forbidden(50001337, () -> createAs(ola, 50001337), "may not act for party 50001337");
        String id = createAs(OWNER, 50001337).statusCode(201).extract().path("id");
        forbidden(50001337, () -> readAs(ola, id), "may not act for party 50001337");
    }

    @Test
    void appOwnerActsForAnyParty() {
        for (long party : new long[] {50001337, 50001338, 50001340, 50001341}) {
            String id =
                    createAs(OWNER, party)
                            .statusCode(201)
                            .body("createdBy", equalTo(Tokens.APP_ORG_NUMBER))
                            .extract()
                            .path("id");
            readAs(OWNER, id).statusCode(200);
        }
    }

    @Test
    void anotherOrganisationActsOnlyForItsOwnOrganisationParty() {
        String accountant = Tokens.organisation("310000004");
        String id =
                createAs(accountant, 50001343)
                        .statusCode(201)
                        .body("createdBy", equalTo("310000004"))
                        .extract()
                        .path("id");
        readAs(accountant, id).statusCode(200);
        forbidden(50001338, () -> createAs(accountant, 50001338), "may not act for party 50001338");
        String sophies = createAs(OWNER, 50001337).statusCode(201).extract().path("id");
        forbidden(50001337, () -> readAs(accountant, sophies), "may not act for party 50001337");
    }

    @Test
    void aServiceOwnerOfAnotherOrgIsJustAnotherOrganisation() {
        String tdd = otherServiceOwner();
        forbidden(50001337, () -> createAs(tdd, 50001337), "may not act for party 50001337");
    }

    @Test
    void tooLowAuthenticationLevelIsForbiddenNamingTheRequiredLevel() {
        String weak = Tokens.user(1337, 50001337, 1);
        String id = createAs(OWNER, 50001337).statusCode(201).extract().path("id");
        for (var call :
                new java.util.function.Supplier[] {
                    () -> createAs(weak, 50001337), () -> readAs(weak, id)
                }) {
            String before = db.instanceFingerprint(50001337);
            ((ValidatableResponse) call.get())
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:app-instances:problem:authentication-level-too-low"))
                    .body("detail", containsString("requires authentication level 2"));
            assertThat(db.instanceFingerprint(50001337)).isEqualTo(before);
        }
    }

    @Test
    void aTokenThatIdentifiesNobodyIsForbidden() {
        forbidden(
                50001337,
                () -> createAs(Tokens.anonymousSubject(), 50001337),
                "identifies neither");
    }

    private static String otherServiceOwner() {
        return io.smallrye.jwt.build.Jwt.issuer(Tokens.ISSUER)
                .claim("urn:altinn:org", "tdd")
                .claim("urn:altinn:orgNumber", "405003309")
                .claim("urn:altinn:authlevel", "3")
                .expiresIn(600)
                .sign();
    }

    private static ValidatableResponse createAs(String token, long partyId) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .queryParam("instanceOwnerPartyId", partyId)
                .body("{}")
                .post(BASE)
                .then();
    }

    private static ValidatableResponse readAs(String token, String id) {
        return given().auth().oauth2(token).get(BASE + "/" + id).then();
    }

    private void unauthorized(RequestSpecification request) {
        String before = db.instanceFingerprint(50001337);
        request.contentType("application/json")
                .queryParam("instanceOwnerPartyId", 50001337)
                .body("{}")
                .post(BASE)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json")
                .body("type", equalTo("urn:app-instances:problem:unauthenticated"));
        request.get(BASE + "/50001337/" + UUID.randomUUID()).then().statusCode(401);
        assertThat(db.instanceFingerprint(50001337)).isEqualTo(before);
    }

    /** Refused, and the instances of the party the call was about are as they were. */
    private void forbidden(
            long party, java.util.function.Supplier<ValidatableResponse> call, String detail) {
        String before = db.instanceFingerprint(party);
        call.get()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", containsString("urn:app-instances:problem:"))
                .body("detail", containsString(detail));
        assertThat(db.instanceFingerprint(party)).isEqualTo(before);
    }
}
