package dev.appinstances.instantiation;

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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * An app that only its owner may instantiate, for sub units and bankruptcy estates only, with a
 * higher authentication level.
 */
@QuarkusTest
@TestProfile(RestrictedAppTest.RestrictedApp.class)
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class RestrictedAppTest {

    public static class RestrictedApp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "app.config-dir", "src/test/resources/apps/restricted-app",
                    "app.auth.minimum-authentication-level", "3");
        }
    }

    static final String BASE = "/ttd/restricted-app/instances";

    @Inject Database db;

    @Test
    void servesTheConfiguredAppOnly() {
        given().get("/ttd/restricted-app/api/v1/applicationmetadata")
                .then()
                .statusCode(200)
                .body("disallowUserInstantiation", equalTo(true));
        given().get("/ttd/example-app/api/v1/applicationmetadata").then().statusCode(404);
    }

    @Test
    void usersMayNotInstantiateEvenForThemselves() {
        rejected(
                () -> createFor(Tokens.user(1337, 50001337, 3), 50001337),
                "user-instantiation-disallowed",
                "User instantiation is disabled for this application ttd/restricted-app");
        rejected(
                () -> createFor(Tokens.organisation("310000002"), 50001339),
                "user-instantiation-disallowed",
                "disabled");
    }

    @Test
    void theRequiredAuthenticationLevelComesFromConfiguration() {
        rejected(
                () -> createFor(Tokens.user(1337, 50001337, 2), 50001337),
                "authentication-level-too-low",
                "requires authentication level 3; the token has level 2");
    }

    @Test
    void onlyTheAllowedPartyTypesMayOwnInstances() {
        String owner = Tokens.appOwner();
        rejected(() -> createFor(owner, 50001337), "party-type-not-allowed", "is a person");
        rejected(
                () -> createFor(owner, 50001341),
                "party-type-not-allowed",
                "self-identified person");
        rejected(() -> createFor(owner, 50001338), "party-type-not-allowed", "is an organisation");
        createFor(owner, 50001339).statusCode(201);
        createFor(owner, 50001342).statusCode(201);
    }

    @Test
    void atTheEndAutoDeletedDataGoesAndAnAutoDeletedAppHardDeletesTheInstance() {
        String owner = Tokens.appOwner();
        String id = createFor(owner, 50001339).statusCode(201).extract().path("id");
        for (String[] upload :
                new String[][] {
                    {"model", "application/xml", "<BuildingPermit/>"},
                    {"attachment", "text/plain", "x"}
                }) {
            given().auth()
                    .oauth2(owner)
                    .contentType(upload[1])
                    .queryParam("dataType", upload[0])
                    .body(upload[2])
                    .post(BASE + "/" + id + "/data")
                    .then()
                    .statusCode(201);
        }
        given().auth().oauth2(owner).put(BASE + "/" + id + "/process/next").then().statusCode(200);
        given().auth().oauth2(owner).put(BASE + "/" + id + "/process/next").then().statusCode(200);
        given().auth()
                .oauth2(owner)
                .get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .body("status.isArchived", equalTo(true))
                .body("status.isHardDeleted", equalTo(true))
                .body("status.isSoftDeleted", equalTo(true))
                .body("data.dataType", org.hamcrest.Matchers.contains("model"))
                .body("data[0].locked", equalTo(true));
    }

    @Test
    void copyingIsRefusedWhenTheAppDoesNotEnableIt() {
        rejectedWith(
                400,
                () ->
                        given().auth()
                                .oauth2(Tokens.appOwner())
                                .contentType("application/json")
                                .body(
                                        "{\"instanceOwner\":{\"partyId\":\"50001339\"},"
                                                + "\"sourceInstanceId\":\"50001339/"
                                                + java.util.UUID.randomUUID()
                                                + "\"}")
                                .post(BASE + "/create")
                                .then(),
                "invalid-request",
                "copy from an archived instance is not enabled");
    }

    private ValidatableResponse createFor(String token, long partyId) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .queryParam("instanceOwnerPartyId", partyId)
                .body("{}")
                .post(BASE)
                .then();
    }

    private void rejected(Supplier<ValidatableResponse> call, String type, String detail) {
        rejectedWith(403, call, type, detail);
    }

    private void rejectedWith(
            int status, Supplier<ValidatableResponse> call, String type, String detail) {
        long before = db.count("select count(*) from instance where app_id = 'ttd/restricted-app'");
        call.get()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:app-instances:problem:" + type))
                .body("detail", containsString(detail));
        assertThat(db.count("select count(*) from instance where app_id = 'ttd/restricted-app'"))
                .isEqualTo(before);
    }
}
