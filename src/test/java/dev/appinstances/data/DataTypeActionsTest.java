package dev.appinstances.data;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A data type's {@code actionRequiredToRead}/{@code actionRequiredToWrite} ({@code statement} of
 * the restricted app needs {@code sign}): the party's side may, the app owner (read and write only)
 * may not, for content, tags and user-defined metadata alike.
 */
@QuarkusTest
@TestProfile(DataTypeActionsTest.RestrictedApp.class)
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class DataTypeActionsTest {

    /** The restricted app (src/test/resources/apps/restricted-app). */
    public static class RestrictedApp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "app.config-dir", "src/test/resources/apps/restricted-app",
                    "app.auth.minimum-authentication-level", "3");
        }
    }

    static final String BASE = "/ttd/restricted-app/instances";
    static final String OWNER = Tokens.appOwner();
    static final String BRANCH = Tokens.organisation("310000002"); // party 50001339

    @Inject Database db;

    String instance;
    String statement;

    @BeforeEach
    void instanceWithAStatement() {
        instance =
                given().auth()
                        .oauth2(OWNER)
                        .queryParam("instanceOwnerPartyId", 50001339)
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        statement = upload(BRANCH, "we agree").statusCode(201).extract().path("id");
    }

    ValidatableResponse upload(String token, String content) {
        return given().auth()
                .oauth2(token)
                .contentType("text/plain")
                .queryParam("dataType", "statement")
                .body(content)
                .post(BASE + "/" + instance + "/data")
                .then();
    }

    String element() {
        return BASE + "/" + instance + "/data/" + statement;
    }

    String rows() {
        String guid = instance.substring(instance.indexOf('/') + 1);
        return db.text(
                "select md5(string_agg(i::text || d::text, ',' order by d.id)) from instance i"
                        + " join data_element d on d.instance_id = i.id where i.id = '"
                        + guid
                        + "'");
    }

    @Test
    void thePartysSideReadsAndWritesTheElement() {
        given().auth().oauth2(BRANCH).get(element()).then().statusCode(200);
        given().auth()
                .oauth2(BRANCH)
                .contentType("application/json")
                .body("\"signert\"")
                .post(element() + "/tags")
                .then()
                .statusCode(201);
        given().auth().oauth2(BRANCH).get(element() + "/tags").then().statusCode(200);
        given().auth()
                .oauth2(BRANCH)
                .contentType("application/json")
                .body("{\"userDefinedMetadata\":[{\"key\":\"by\",\"value\":\"branch\"}]}")
                .put(element() + "/user-defined-metadata")
                .then()
                .statusCode(200);
    }

    @Test
    void theAppOwnerMayNeitherReadNorWriteIt() {
        String before = rows();
        for (ValidatableResponse refused :
                new ValidatableResponse[] {
                    given().auth().oauth2(OWNER).get(element()).then(),
                    given().auth().oauth2(OWNER).get(element() + "/tags").then(),
                    given().auth().oauth2(OWNER).get(element() + "/user-defined-metadata").then(),
                    given().auth()
                            .oauth2(OWNER)
                            .contentType("application/json")
                            .body("\"eier\"")
                            .post(element() + "/tags")
                            .then(),
                    given().auth()
                            .oauth2(OWNER)
                            .contentType("application/json")
                            .body("{\"userDefinedMetadata\":[]}")
                            .put(element() + "/user-defined-metadata")
                            .then(),
                    given().auth().oauth2(OWNER).delete(element()).then(),
                    upload(OWNER, "not ours")
                }) {
            refused.statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:app-instances:problem:action-not-allowed"))
                    .body("detail", containsString("'sign'"));
        }
        assertThat(rows()).isEqualTo(before);
        // the instance itself stays readable for the app owner
        given().auth().oauth2(OWNER).get(BASE + "/" + instance).then().statusCode(200);
    }
}
