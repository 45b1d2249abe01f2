package dev.appinstances.data;

import static dev.appinstances.data.ElementFixture.OWNER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.RawHttp;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST .../data/{dataType}} and its alias {@code .../data/type/{dataType}}. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class DataPostTest {

    @Inject Database db;
    @Inject TestParties parties;
    @TestHTTPResource URL url;

    ElementFixture f;

    @BeforeEach
    void fixture() {
        f = new ElementFixture(parties, db);
    }

    RequestSpecification as(String token) {
        return given().config(
                        RestAssuredConfig.config()
                                .encoderConfig(
                                        EncoderConfig.encoderConfig()
                                                .appendDefaultContentCharsetToContentTypeIfUndefined(
                                                        false)))
                .auth()
                .oauth2(token);
    }

    ValidatableResponse post(String token, String path, String contentType, String body) {
        RequestSpecification request = as(token);
        if (contentType != null) {
            request = request.contentType(contentType);
        }
        if (body != null) {
            request = request.body(body);
        }
        return request.post(f.instancePath() + "/data/" + path).then();
    }

    /** A POST of the body (or none) without a Content-Type, which rest-assured always adds. */
    RawHttp.Answer raw(String path, String body) {
        try {
            return f.raw(url.getPort(), "POST", f.instancePath() + "/data/" + path, f.user, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void refusedStoringNothing(Runnable call) {
        Database.Marker start = db.since();
        String before = f.rows();
        call.run();
        db.awaitNothingStoredSince(start);
        assertThat(f.rows()).isEqualTo(before);
    }

    @ParameterizedTest(name = "POST data/{0}")
    @ValueSource(strings = {"attachment", "type/attachment"})
    void anUploadAnswersTheNewElementIdWithTheInstance(String path) {
        var answer =
                post(
                                f.user,
                                path + "?language=nb&ignoredValidators=Required",
                                "text/plain",
                                "hello")
                        .statusCode(201)
                        .contentType("application/json")
                        .body("validationIssues", empty())
                        .body("newDataModels", empty())
                        .body("instance.id", equalTo(f.instance))
                        .body("instance.data", hasSize(3));
        String id = answer.extract().path("newDataElementId");
        answer.header(
                        "Location",
                        equalTo("http://localhost:8080" + f.instancePath() + "/data/" + id))
                .body("instance.data.id", hasItem(id))
                .body("instance.data.find { it.id == '" + id + "' }.size", equalTo(5))
                .body("instance.data.find { it.id == '" + id + "' }.tags", empty())
                .body(
                        "instance.lastChangedBy",
                        equalTo(
                                answer.extract()
                                        .path(
                                                "instance.data.find { it.id == '"
                                                        + id
                                                        + "' }.createdBy")));
        String content =
                as(f.user)
                        .get(f.instancePath() + "/data/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(content).isEqualTo("hello");
    }

    @Test
    void everyCallerWhoMayWriteMayPostAndOthersMayNot() {
        post(OWNER, "attachment", "text/plain", "from the owner")
                .statusCode(201)
                .body("instance.lastChangedBy", equalTo(Tokens.APP_ORG_NUMBER));
        as(f.delegated)
                .contentType("application/pdf")
                .body("%PDF-1.4".getBytes(StandardCharsets.US_ASCII))
                .post(f.instancePath() + "/data/attachment")
                .then()
                .statusCode(201);
        refusedStoringNothing(
                () ->
                        post(f.otherOrg, "attachment", "text/plain", "stranger")
                                .statusCode(403)
                                .contentType("application/problem+json")
                                .body("type", equalTo("urn:app-instances:problem:access-denied")));
    }

    @Test
    void aFormTypeWithoutContentTypeOrBodyGetsAnEmptyForm() {
        String model =
                as(f.user)
                        .get(f.instancePath())
                        .then()
                        .extract()
                        .path("data.find { it.dataType == 'model' }.id");
        // the auto-created form fills the type's maxCount of 1
        refusedStoringNothing(
                () -> {
                    RawHttp.Answer full = raw("model", null);
                    assertThat(full.status()).isEqualTo(409);
                    assertThat(full.text())
                            .contains("urn:app-instances:problem:max-count-exceeded");
                });
        as(f.user).delete(f.instancePath() + "/data/" + model).then().statusCode(200);
        RawHttp.Answer created = raw("model", null);
        assertThat(created.status()).isEqualTo(201);
        JsonPath body = new JsonPath(created.text());
        String id = body.getString("newDataElementId");
        assertThat(body.getString("instance.data.find { it.dataType == 'model' }.contentType"))
                .isEqualTo("application/xml");
        assertThat(body.getString("instance.data.find { it.dataType == 'model' }.id"))
                .isEqualTo(id);
        String xml =
                as(f.user)
                        .accept("application/xml")
                        .get(f.instancePath() + "/data/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(xml).contains("<BuildingPermit").doesNotContain("<property>");
    }

    @Test
    void aFormTypeWithContentButNoContentTypeIs415() {
        String model =
                as(f.user)
                        .get(f.instancePath())
                        .then()
                        .extract()
                        .path("data.find { it.dataType == 'model' }.id");
        as(f.user).delete(f.instancePath() + "/data/" + model).then().statusCode(200);
        refusedStoringNothing(
                () -> {
                    RawHttp.Answer answer = raw("model", "<BuildingPermit/>");
                    assertThat(answer.status()).isEqualTo(415);
                    assertThat(answer.text())
                            .contains("urn:app-instances:problem:content-type-not-allowed")
                            .contains("no Content-Type");
                    // a binary type needs a Content-Type for its content too
                    assertThat(raw("attachment", "no content type").status()).isEqualTo(415);
                });
        post(f.user, "model", "application/xml", "<BuildingPermit/>").statusCode(201);
    }

    @Test
    void theUploadRulesApplyAsProblemDocuments() {
        refusedStoringNothing(
                () -> {
                    post(f.user, "nonsense", "text/plain", "x")
                            .statusCode(400)
                            .contentType("application/problem+json")
                            .body("type", equalTo("urn:app-instances:problem:unknown-data-type"))
                            .body("detail", containsString("nonsense"));
                    as(f.user)
                            .contentType("application/zip")
                            .body(new byte[] {'P', 'K'})
                            .post(f.instancePath() + "/data/attachment")
                            .then()
                            .statusCode(415)
                            .body(
                                    "type",
                                    equalTo("urn:app-instances:problem:content-type-not-allowed"))
                            .body("detail", containsString("application/pdf"));
                    post(f.user, "attachment", "text/plain", null)
                            .statusCode(400)
                            .body("type", equalTo("urn:app-instances:problem:empty-data-element"));
                });
    }

    @Test
    void aStaleIfMatchIs412AndAKeyedRetryIsReplayed() {
        String stale = f.etag();
        post(f.user, "attachment", "text/plain", "first").statusCode(201);
        refusedStoringNothing(
                () ->
                        as(f.user)
                                .header("If-Match", stale)
                                .contentType("text/plain")
                                .body("second")
                                .post(f.instancePath() + "/data/attachment")
                                .then()
                                .statusCode(412));
        String key = java.util.UUID.randomUUID().toString();
        String first =
                as(f.user)
                        .header("Idempotency-Key", key)
                        .contentType("text/plain")
                        .body("keyed")
                        .post(f.instancePath() + "/data/attachment")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("newDataElementId");
        Database.Marker start = db.since();
        as(f.user)
                .header("Idempotency-Key", key)
                .contentType("text/plain")
                .body("keyed")
                .post(f.instancePath() + "/data/attachment")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", containsString(first))
                .body("newDataElementId", equalTo(first));
        assertThat(db.storedSince(start)).isEqualTo("0/0/0/0");
    }

    @Test
    void theOldFormStillAnswersTheElement() {
        as(f.user)
                .contentType("text/plain")
                .queryParam("dataType", "attachment")
                .body("old")
                .post(f.instancePath() + "/data")
                .then()
                .statusCode(201)
                .body("dataType", equalTo("attachment"))
                .body("tags", empty());
    }
}
