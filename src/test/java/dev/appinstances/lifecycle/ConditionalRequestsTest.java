package dev.appinstances.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ConditionalRequestsTest {

    static final String BASE = "/ttd/example-app/instances";
    static final String OLA = Tokens.user(1340, 50001340);
    static final String OWNER = Tokens.appOwner();

    @Inject Database db;

    String id;
    String dataId;

    @BeforeEach
    void instanceWithForm() {
        id =
                given().auth()
                        .oauth2(OLA)
                        .contentType("application/json")
                        .queryParam("instanceOwnerPartyId", 50001340)
                        .body("{}")
                        .post(BASE)
                        .then()
                        .extract()
                        .path("id");
        dataId =
                given().auth()
                        .oauth2(OLA)
                        .contentType("text/plain")
                        .queryParam("dataType", "attachment")
                        .body("notes")
                        .post(BASE + "/" + id + "/data")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
    }

    String etag() {
        return given().auth()
                .oauth2(OWNER)
                .get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    @Test
    void theETagChangesWithEveryChangeAndIfNoneMatchAnswers304() {
        String first = etag();
        assertThat(first).matches("\"[0-9a-f-]{36}\\.\\d+\"");
        given().auth()
                .oauth2(OLA)
                .header("If-None-Match", first)
                .get(BASE + "/" + id)
                .then()
                .statusCode(304);
        given().auth()
                .oauth2(OWNER)
                .contentType("application/json")
                .body("{\"label\":\"seen\"}")
                .put(BASE + "/" + id + "/substatus")
                .then()
                .statusCode(200);
        String second = etag();
        assertThat(second).isNotEqualTo(first);
        given().auth()
                .oauth2(OLA)
                .header("If-None-Match", first)
                .get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", second);
        given().auth()
                .oauth2(OLA)
                .contentType("text/plain")
                .queryParam("dataType", "attachment")
                .body("x")
                .post(BASE + "/" + id + "/data")
                .then()
                .statusCode(201);
        assertThat(etag()).isNotEqualTo(second);
    }

    @Test
    void everyChangingCallRefusesAStaleIfMatchAndChangesNothing() {
        String stale = etag();
        given().auth()
                .oauth2(OWNER)
                .contentType("application/json")
                .body("{\"label\":\"moved on\"}")
                .put(BASE + "/" + id + "/substatus")
                .then()
                .statusCode(200);
        assertPrecondition(
                stale,
                r ->
                        r.contentType("application/json")
                                .body("{\"label\":\"x\"}")
                                .put(BASE + "/" + id + "/substatus"),
                OWNER);
        assertPrecondition(stale, r -> r.post(BASE + "/" + id + "/complete"), OWNER);
        assertPrecondition(stale, r -> r.delete(BASE + "/" + id), OLA);
        assertPrecondition(stale, r -> r.put(BASE + "/" + id + "/process/next"), OLA);
        assertPrecondition(stale, r -> r.put(BASE + "/" + id + "/undelete"), OLA);
        assertPrecondition(
                stale,
                r ->
                        r.contentType("text/plain")
                                .queryParam("dataType", "attachment")
                                .body("y")
                                .post(BASE + "/" + id + "/data"),
                OLA);
        assertPrecondition(
                stale,
                r ->
                        r.contentType("application/xml")
                                .body("<BuildingPermit/>")
                                .put(BASE + "/" + id + "/data/" + dataId),
                OLA);
        assertPrecondition(
                stale,
                r ->
                        r.contentType("application/json")
                                .body("{\"patch\": []}")
                                .patch(BASE + "/" + id + "/data/" + dataId),
                OLA);
        assertPrecondition(
                stale,
                r ->
                        r.contentType("application/json")
                                .body(
                                        "{\"patches\": [{\"dataElementId\": \""
                                                + dataId
                                                + "\", \"patch\": []}]}")
                                .patch(BASE + "/" + id + "/data"),
                OLA);
        assertPrecondition(stale, r -> r.delete(BASE + "/" + id + "/data/" + dataId), OLA);
    }

    @Test
    void aCurrentIfMatchLetsTheChangeThrough() {
        given().auth()
                .oauth2(OLA)
                .header("If-Match", etag())
                .put(BASE + "/" + id + "/process/next")
                .then()
                .statusCode(200)
                .body("currentTask.elementId", equalTo("Task_2"));
        given().auth()
                .oauth2(OWNER)
                .header("If-Match", "*")
                .post(BASE + "/" + id + "/complete")
                .then()
                .statusCode(200);
    }

    private void assertPrecondition(
            String stale,
            Function<RequestSpecification, io.restassured.response.Response> call,
            String token) {
        Database.Marker start = db.since();
        String before = ownRows();
        call.apply(given().auth().oauth2(token).header("If-Match", stale))
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:app-instances:problem:precondition-failed"))
                .body("detail", matchesPattern(".*current ETag is \"[0-9a-f-]{36}\\.\\d+\".*"));
        Database.awaitEquals(this::ownRows, before, Duration.ofSeconds(10));
        assertThat(db.storedSince(start)).as("stored since the request").isEqualTo("0/0/0/0");
    }

    /** The rows of the test's party's instances and of the test instance's data elements. */
    private String ownRows() {
        return db.instanceFingerprint(50001340)
                + "|"
                + db.text(
                        "select count(*)::text || ':' || coalesce(md5(string_agg(d::text, ','"
                                + " order by id)), '') from data_element d where instance_id = '"
                                + id.substring(id.indexOf('/') + 1)
                                + "'");
    }
}
