package dev.appinstances.data;

import static dev.appinstances.data.ElementFixture.OWNER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code .../data/{dataGuid}/user-defined-metadata}. The example app's {@code attachment} allows
 * the keys source, pages and scanner; its form type {@code model} allows any key.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class UserDefinedMetadataTest {

    @Inject Database db;
    @Inject TestParties parties;
    @TestHTTPResource URL url;

    ElementFixture f;

    @BeforeEach
    void fixture() {
        f = new ElementFixture(parties, db);
    }

    String metadata() {
        return f.dataPath() + "/user-defined-metadata";
    }

    ValidatableResponse put(String token, String path, String jsonBody) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(jsonBody)
                .put(path)
                .then();
    }

    ValidatableResponse put(String token, String jsonBody) {
        return put(token, metadata(), jsonBody);
    }

    void refusedChangingNothing(Runnable call) {
        Database.Marker start = db.since();
        String before = f.rows();
        call.run();
        assertThat(f.rows()).isEqualTo(before);
        assertThat(db.storedSince(start)).isEqualTo("0/0/0/0");
    }

    @Test
    void neverSetReadsAsAnEmptyListAndIsNullInTheElement() {
        given().auth()
                .oauth2(f.user)
                .get(metadata())
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("userDefinedMetadata", empty());
        assertThat(
                        f.column(
                                "select coalesce(user_defined_metadata::text, 'null') from data_element where id = {id}"))
                .isEqualTo("null");
    }

    @Test
    void putReplacesTheListAndEveryDocumentShowsIt() {
        String etag = f.etag();
        put(
                        f.user,
                        "{\"userDefinedMetadata\":[{\"key\":\"source\",\"value\":\"scanner 2\"},"
                                + "{\"key\":\"pages\",\"value\":null}]}")
                .statusCode(200)
                .body("userDefinedMetadata", hasSize(2))
                .body("userDefinedMetadata[0].key", equalTo("source"))
                .body("userDefinedMetadata[0].value", equalTo("scanner 2"))
                .body("userDefinedMetadata[1].key", equalTo("pages"))
                .body("userDefinedMetadata[1].value", nullValue());
        assertThat(f.etag()).isNotEqualTo(etag);
        given().auth()
                .oauth2(f.user)
                .get(metadata())
                .then()
                .body("userDefinedMetadata.key", contains("source", "pages"));
        given().auth()
                .oauth2(f.user)
                .get(f.instancePath())
                .then()
                .body(
                        "data.find { it.id == '" + f.dataId + "' }.userDefinedMetadata.key",
                        contains("source", "pages"));
        given().auth()
                .oauth2(f.user)
                .get("/storage/api/v1/instances/" + f.instance)
                .then()
                .body(
                        "data.find { it.id == '" + f.dataId + "' }.userDefinedMetadata[0].value",
                        equalTo("scanner 2"));
        // a second PUT replaces the whole list
        put(f.user, "{\"userDefinedMetadata\":[{\"key\":\"scanner\",\"value\":\"x\"}]}")
                .statusCode(200)
                .body("userDefinedMetadata.key", contains("scanner"));
        put(f.user, "{\"UserDefinedMetadata\":[]}")
                .statusCode(200)
                .body("userDefinedMetadata", empty());
        assertThat(
                        f.column(
                                "select (user_defined_metadata -> 'entries')::text from"
                                        + " data_element where id = {id}"))
                .isEqualTo("[]");
        // the same list again changes nothing
        String before = f.rows();
        put(f.user, "{\"userDefinedMetadata\":[]}").statusCode(200);
        assertThat(f.rows()).isEqualTo(before);
    }

    @Test
    void everyCallerWhoMayWriteTheElementMaySetIt() {
        put(OWNER, "{\"userDefinedMetadata\":[{\"key\":\"source\",\"value\":\"owner\"}]}")
                .statusCode(200);
        assertThat(f.column("select last_changed_by from data_element where id = {id}"))
                .isEqualTo(Tokens.APP_ORG_NUMBER);
        put(f.delegated, "{\"userDefinedMetadata\":[{\"key\":\"source\",\"value\":\"helper\"}]}")
                .statusCode(200);
        given().auth()
                .oauth2(OWNER)
                .get(metadata())
                .then()
                .statusCode(200)
                .body("userDefinedMetadata[0].value", equalTo("helper"));
        given().auth().oauth2(f.delegated).get(metadata()).then().statusCode(200);
        given().auth().oauth2(f.otherOrg).get(metadata()).then().statusCode(403);
        refusedChangingNothing(
                () ->
                        put(f.otherOrg, "{\"userDefinedMetadata\":[]}")
                                .statusCode(403)
                                .body("type", equalTo("urn:app-instances:problem:access-denied")));
    }

    @Test
    void duplicateKeysAre400NamingThem() {
        refusedChangingNothing(
                () ->
                        put(
                                        f.user,
                                        "{\"userDefinedMetadata\":[{\"key\":\"source\",\"value\":\"a\"},"
                                                + "{\"key\":\"pages\",\"value\":\"1\"},"
                                                + "{\"key\":\"source\",\"value\":\"b\"}]}")
                                .statusCode(400)
                                .contentType("application/problem+json")
                                .body(
                                        "type",
                                        equalTo(
                                                "urn:app-instances:problem:duplicate-metadata-keys"))
                                .body(
                                        "detail",
                                        equalTo("The following keys are duplicated: source")));
        // keys are compared exactly, as in Altinn: Source and source are two keys of model
        put(
                        f.user,
                        modelMetadata(),
                        "{\"userDefinedMetadata\":[{\"key\":\"Source\",\"value\":\"a\"},"
                                + "{\"key\":\"source\",\"value\":\"b\"}]}")
                .statusCode(200);
    }

    @Test
    void keysOutsideTheTypesAllowedKeysAre400NamingThem() {
        refusedChangingNothing(
                () ->
                        put(
                                        f.user,
                                        "{\"userDefinedMetadata\":[{\"key\":\"source\",\"value\":\"a\"},"
                                                + "{\"key\":\"colour\",\"value\":\"red\"},"
                                                + "{\"key\":\"size\",\"value\":\"A4\"}]}")
                                .statusCode(400)
                                .body(
                                        "type",
                                        equalTo(
                                                "urn:app-instances:problem:metadata-key-not-allowed"))
                                .body(
                                        "detail",
                                        containsString(
                                                "The following keys are not allowed: colour,"
                                                        + " size")));
        // a type without the list allows any key
        put(
                        f.user,
                        modelMetadata(),
                        "{\"userDefinedMetadata\":[{\"key\":\"colour\",\"value\":\"red\"}]}")
                .statusCode(200);
    }

    @Test
    void malformedEntriesAndTheLimitsAre400() {
        refusedChangingNothing(
                () -> {
                    put(f.user, "{\"userDefinedMetadata\":[{\"value\":\"a\"}]}")
                            .statusCode(400)
                            .body(
                                    "type",
                                    equalTo(
                                            "urn:app-instances:problem:invalid-user-defined-metadata"));
                    put(f.user, "{\"userDefinedMetadata\":[{\"key\":\" \",\"value\":\"a\"}]}")
                            .statusCode(400);
                    put(f.user, "{\"userDefinedMetadata\":[null]}").statusCode(400);
                    put(f.user, "{\"userDefinedMetadata\":[{\"key\":1,\"value\":\"a\"}]}")
                            .statusCode(400)
                            .body("type", equalTo("urn:app-instances:problem:invalid-request"));
                    put(f.user, "{}")
                            .statusCode(400)
                            .body("detail", containsString("userDefinedMetadata"));
                    put(f.user, "[]").statusCode(400);
                    put(
                                    f.user,
                                    "{\"userDefinedMetadata\":[{\"key\":\"source\",\"value\":\""
                                            + "v".repeat(1025)
                                            + "\"}]}")
                            .statusCode(400)
                            .body("detail", containsString("longer than 1024"));
                    put(
                                    f.user,
                                    modelMetadata(),
                                    "{\"userDefinedMetadata\":[{\"key\":\""
                                            + "k".repeat(129)
                                            + "\",\"value\":\"a\"}]}")
                            .statusCode(400)
                            .body("detail", containsString("longer than 128"));
                    List<String> entries = new ArrayList<>();
                    for (int i = 0; i < 51; i++) {
                        entries.add("{\"key\":\"k" + i + "\",\"value\":\"v\"}");
                    }
                    put(
                                    f.user,
                                    modelMetadata(),
                                    "{\"userDefinedMetadata\":[" + String.join(",", entries) + "]}")
                            .statusCode(400)
                            .body("detail", containsString("at most 50"));
                    given().auth()
                            .oauth2(f.user)
                            .contentType("application/xml")
                            .body("<a/>")
                            .put(metadata())
                            .then()
                            .statusCode(415);
                });
        put(
                        f.user,
                        "{\"userDefinedMetadata\":[{\"key\":\"source\",\"value\":\""
                                + "v".repeat(1024)
                                + "\"}]}")
                .statusCode(200);
    }

    @Test
    void writesFollowTheDataElementWriteRulesAndIfMatch() throws Exception {
        String stale = f.etag();
        put(f.user, "{\"userDefinedMetadata\":[{\"key\":\"source\",\"value\":\"1\"}]}")
                .statusCode(200);
        refusedChangingNothing(
                () ->
                        given().auth()
                                .oauth2(f.user)
                                .header("If-Match", stale)
                                .contentType("application/json")
                                .body("{\"userDefinedMetadata\":[]}")
                                .put(metadata())
                                .then()
                                .statusCode(412));
        given().auth()
                .oauth2(f.user)
                .header("If-Match", f.etag())
                .contentType("application/json")
                .body("{\"userDefinedMetadata\":[{\"key\":\"source\",\"value\":\"2\"}]}")
                .put(metadata())
                .then()
                .statusCode(200);
        assertThat(
                        f.raw(
                                        url.getPort(),
                                        "PUT",
                                        metadata(),
                                        f.user,
                                        "{\"userDefinedMetadata\":[]}")
                                .status())
                .isEqualTo(200);
        given().auth()
                .oauth2(f.user)
                .put(f.instancePath() + "/process/next")
                .then()
                .statusCode(200);
        refusedChangingNothing(
                () ->
                        put(OWNER, "{\"userDefinedMetadata\":[]}")
                                .statusCode(409)
                                .body(
                                        "type",
                                        equalTo(
                                                "urn:app-instances:problem:instance-not-writable")));
        given().auth().oauth2(f.user).get(metadata()).then().statusCode(200);
    }

    /** The user-defined metadata of the instance's auto-created form. */
    private String modelMetadata() {
        String model =
                given().auth()
                        .oauth2(f.user)
                        .get(f.instancePath())
                        .then()
                        .extract()
                        .path("data.find { it.dataType == 'model' }.id");
        return f.instancePath() + "/data/" + model + "/user-defined-metadata";
    }
}
