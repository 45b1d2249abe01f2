package dev.appinstances.data;

import static dev.appinstances.data.ElementFixture.OWNER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.RawHttp;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code .../data/{dataGuid}/tags}: read, add, remove, replace, by every kind of caller. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class DataTagsTest {

    @Inject Database db;
    @Inject TestParties parties;
    @TestHTTPResource URL url;

    ElementFixture f;

    @BeforeEach
    void fixture() {
        f = new ElementFixture(parties, db);
    }

    String tags() {
        return f.dataPath() + "/tags";
    }

    ValidatableResponse add(String token, String jsonBody) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(jsonBody)
                .post(tags())
                .then();
    }

    ValidatableResponse put(String token, String jsonBody) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(jsonBody)
                .put(tags())
                .then();
    }

    void refusedChangingNothing(Runnable call) {
        Database.Marker start = db.since();
        String before = f.rows();
        call.run();
        assertThat(f.rows()).isEqualTo(before);
        assertThat(db.storedSince(start)).isEqualTo("0/0/0/0");
    }

    @Test
    void anElementStartsWithoutTagsAndEveryDocumentShowsThem() {
        given().auth()
                .oauth2(f.user)
                .get(tags())
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("tags", empty());
        given().auth()
                .oauth2(f.user)
                .get(f.instancePath())
                .then()
                .body("data.find { it.id == '" + f.dataId + "' }.tags", empty())
                // the App API writes nulls: never set is null
                .body("data.find { it.id == '" + f.dataId + "' }", hasKey("userDefinedMetadata"))
                .body("data.find { it.id == '" + f.dataId + "' }.userDefinedMetadata", nullValue());
        add(f.user, "\"vedlegg\"").statusCode(201);
        given().auth()
                .oauth2(f.user)
                .get(f.instancePath())
                .then()
                .body("data.find { it.id == '" + f.dataId + "' }.tags", contains("vedlegg"));
        // Storage leaves nulls out, tags are always there
        given().auth()
                .oauth2(f.user)
                .get("/storage/api/v1/instances/" + f.instance)
                .then()
                .statusCode(200)
                .body("data.find { it.id == '" + f.dataId + "' }.tags", contains("vedlegg"))
                .body(
                        "data.find { it.id == '" + f.dataId + "' }",
                        not(hasKey("userDefinedMetadata")));
        given().auth()
                .oauth2(OWNER)
                .queryParam("appId", "ttd/example-app")
                .queryParam("instanceOwner.partyId", f.party)
                .get("/storage/api/v1/instances")
                .then()
                .statusCode(200)
                .body(
                        "instances[0].data.find { it.id == '" + f.dataId + "' }.tags",
                        contains("vedlegg"));
    }

    @Test
    void postAddsATagAnswering201WithTheTagsUrlAndRecordsTheChange() {
        String etag = f.etag();
        String changed = f.column("select last_changed::text from data_element where id = {id}");
        add(f.user, "\"vedlegg\"")
                .statusCode(201)
                .contentType("application/json")
                .header("Location", equalTo("http://localhost:8080" + tags()))
                .body("tags", contains("vedlegg"))
                .body("$", not(hasKey("validationIssues")));
        assertThat(f.etag()).isNotEqualTo(etag);
        assertThat(f.column("select last_changed::text from data_element where id = {id}"))
                .isNotEqualTo(changed);
        add(f.user, "\"tegning\"").statusCode(201).body("tags", contains("vedlegg", "tegning"));
        given().auth()
                .oauth2(f.user)
                .get(f.instancePath())
                .then()
                .body("lastChangedBy", equalTo(userIdOf(f.user)))
                .body(
                        "data.find { it.id == '" + f.dataId + "' }.lastChangedBy",
                        equalTo(userIdOf(f.user)));
    }

    @Test
    void addingATagThatIsThereChangesNothingAndIsStill201() {
        add(f.user, "\"vedlegg\"").statusCode(201);
        String before = f.rows();
        add(f.user, "\"vedlegg\"").statusCode(201).body("tags", contains("vedlegg"));
        assertThat(f.rows()).isEqualTo(before);
    }

    @Test
    void everyCallerWhoMayWriteTheElementMayTagIt() {
        add(OWNER, "\"fra-eier\"").statusCode(201);
        assertThat(f.column("select last_changed_by from data_element where id = {id}"))
                .isEqualTo(Tokens.APP_ORG_NUMBER);
        add(f.delegated, "\"fra-hjelper\"").statusCode(201);
        given().auth()
                .oauth2(f.delegated)
                .get(tags())
                .then()
                .statusCode(200)
                .body("tags", contains("fra-eier", "fra-hjelper"));
        given().auth().oauth2(OWNER).get(tags()).then().statusCode(200);
    }

    @Test
    void anOrganisationWithoutRightsCanNeitherReadNorTag() {
        add(f.user, "\"vedlegg\"").statusCode(201);
        given().auth()
                .oauth2(f.otherOrg)
                .get(tags())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:app-instances:problem:access-denied"));
        refusedChangingNothing(
                () -> {
                    add(f.otherOrg, "\"fremmed\"").statusCode(403);
                    put(f.otherOrg, "{\"tags\":[]}").statusCode(403);
                    given().auth()
                            .oauth2(f.otherOrg)
                            .delete(tags() + "/vedlegg")
                            .then()
                            .statusCode(403);
                });
    }

    @ParameterizedTest(name = "{0} -> 400")
    @ValueSource(
            strings = {
                "\"123\"",
                "\"tag@\"",
                "\"tag with spaces\"",
                "\"tag!\"",
                "\"\"",
                "null",
                "42",
                "[\"a\"]",
                "\"tag1\""
            })
    void tagsMayOnlyHoldLettersDashesAndUnderscores(String body) {
        refusedChangingNothing(
                () ->
                        add(f.user, body)
                                .statusCode(400)
                                .contentType("application/problem+json")
                                .body("type", equalTo("urn:app-instances:problem:invalid-tag")));
        refusedChangingNothing(
                () ->
                        put(f.user, "{\"tags\":[\"ok\"," + body + "]}")
                                .statusCode(400)
                                .body("type", containsString("urn:app-instances:problem:")));
    }

    @Test
    void theRefusalNamesTheTag() {
        add(f.user, "\"tag with spaces\"")
                .statusCode(400)
                .body("detail", containsString("'tag with spaces'"));
        put(f.user, "{\"tags\":[\"ok\",\"tag@\"]}")
                .statusCode(400)
                .body("type", equalTo("urn:app-instances:problem:invalid-tag"))
                .body("detail", containsString("'tag@'"));
        put(f.user, "{\"tags\":[\"ok\",null]}")
                .statusCode(400)
                .body("type", equalTo("urn:app-instances:problem:invalid-tag"))
                .body("detail", containsString("null"));
    }

    @Test
    void lettersOfAnyScriptAreTags() {
        add(f.user, "\"Søknad_vedlegg-Åø\"")
                .statusCode(201)
                .body("tags", contains("Søknad_vedlegg-Åø"));
        add(f.user, "\"документ\"").statusCode(201);
        given().auth().oauth2(f.user).delete(tags() + "/Søknad_vedlegg-Åø").then().statusCode(204);
        given().auth().oauth2(f.user).get(tags()).then().body("tags", contains("документ"));
    }

    @Test
    void putReplacesTheTagsWithoutDuplicates() {
        add(f.user, "\"gammel\"").statusCode(201);
        put(f.user, "{\"tags\":[\"b\",\"a\",\"b\",\"A\"]}")
                .statusCode(200)
                .body("tags", contains("b", "a", "A"))
                .body("$", not(hasKey("validationIssues")));
        given().auth().oauth2(f.user).get(tags()).then().body("tags", contains("b", "a", "A"));
        given().auth()
                .oauth2(f.user)
                .contentType("application/json")
                .queryParam("ignoredValidators", "DataAnnotations,Required")
                .body("{\"Tags\":[]}")
                .put(tags())
                .then()
                .statusCode(200)
                .body("tags", empty())
                .body("validationIssues", empty());
        put(f.user, "{}").statusCode(400).body("detail", containsString("tags"));
        put(f.user, "{\"tags\":\"a\"}").statusCode(400);
    }

    @Test
    void deleteRemovesATagAndAnAbsentOneIs204ChangingNothing() {
        put(f.user, "{\"tags\":[\"a\",\"b\"]}").statusCode(200);
        given().auth().oauth2(f.user).delete(tags() + "/a").then().statusCode(204);
        given().auth().oauth2(f.user).get(tags()).then().body("tags", contains("b"));
        String before = f.rows();
        given().auth().oauth2(f.user).delete(tags() + "/a").then().statusCode(204);
        given().auth().oauth2(f.user).delete(tags() + "/not a tag!").then().statusCode(204);
        assertThat(f.rows()).isEqualTo(before);
    }

    @Test
    void aBodyInAnotherContentTypeIs415AndOneWithoutAContentTypeIsRead() throws Exception {
        refusedChangingNothing(
                () ->
                        given().auth()
                                .oauth2(f.user)
                                .contentType("text/plain")
                                .body("\"vedlegg\"")
                                .post(tags())
                                .then()
                                .statusCode(415)
                                .contentType("application/problem+json")
                                .body(
                                        "type",
                                        equalTo(
                                                "urn:app-instances:problem:unsupported-media-type")));
        RawHttp.Answer answer = f.raw(url.getPort(), "POST", tags(), f.user, "\"vedlegg\"");
        assertThat(answer.status()).isEqualTo(201);
        assertThat(new ObjectMapper().readTree(answer.body()).get("tags").get(0).asText())
                .isEqualTo("vedlegg");
        RawHttp.Answer replaced = f.raw(url.getPort(), "PUT", tags(), f.user, "{\"tags\":[\"x\"]}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(f.raw(url.getPort(), "POST", tags(), f.user, null).status()).isEqualTo(400);
    }

    @Test
    void theLimitsAreEnforced() {
        String tooLong = "a".repeat(65);
        add(f.user, "\"" + tooLong + "\"")
                .statusCode(400)
                .body("type", equalTo("urn:app-instances:problem:invalid-tag"))
                .body("detail", containsString("longer than 64"));
        add(f.user, "\"" + "a".repeat(64) + "\"").statusCode(201);
        List<String> fifty = new ArrayList<>();
        IntStream.range(0, 50).forEach(i -> fifty.add("\"t" + letters(i) + "\""));
        put(f.user, "{\"tags\":[" + String.join(",", fifty) + "]}").statusCode(200);
        refusedChangingNothing(
                () ->
                        add(f.user, "\"one-more\"")
                                .statusCode(400)
                                .body("type", equalTo("urn:app-instances:problem:too-many-tags"))
                                .body("detail", containsString("at most 50")));
        add(f.user, "\"t" + letters(0) + "\"").statusCode(201); // already there: no change
    }

    @Test
    void writesFollowTheDataElementWriteRules() {
        add(f.user, "\"vedlegg\"").statusCode(201);
        // the attachment belongs to Task_1; once the process has moved on it cannot change
        given().auth()
                .oauth2(f.user)
                .put(f.instancePath() + "/process/next")
                .then()
                .statusCode(200);
        refusedChangingNothing(
                () -> {
                    add(f.user, "\"sent\"")
                            .statusCode(409)
                            .body(
                                    "type",
                                    equalTo("urn:app-instances:problem:instance-not-writable"));
                    put(OWNER, "{\"tags\":[]}").statusCode(409);
                    given().auth()
                            .oauth2(f.user)
                            .delete(tags() + "/vedlegg")
                            .then()
                            .statusCode(409);
                });
        given().auth()
                .oauth2(f.user)
                .get(tags())
                .then()
                .statusCode(200)
                .body("tags", contains("vedlegg"));
    }

    @Test
    void aDeletedInstanceOrAMissingElementRefuses() {
        given().auth().oauth2(f.user).delete(f.instancePath()).then().statusCode(200);
        refusedChangingNothing(
                () ->
                        add(f.user, "\"vedlegg\"")
                                .statusCode(409)
                                .body("detail", containsString("deleted")));
        given().auth()
                .oauth2(f.user)
                .get(f.instancePath() + "/data/" + java.util.UUID.randomUUID() + "/tags")
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:app-instances:problem:data-element-not-found"));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothingACurrentOnePasses() {
        String stale = f.etag();
        add(f.user, "\"first\"").statusCode(201);
        refusedChangingNothing(
                () -> {
                    given().auth()
                            .oauth2(f.user)
                            .header("If-Match", stale)
                            .contentType("application/json")
                            .body("\"second\"")
                            .post(tags())
                            .then()
                            .statusCode(412)
                            .body("type", equalTo("urn:app-instances:problem:precondition-failed"));
                    given().auth()
                            .oauth2(f.user)
                            .header("If-Match", stale)
                            .contentType("application/json")
                            .body("{\"tags\":[]}")
                            .put(tags())
                            .then()
                            .statusCode(412);
                    given().auth()
                            .oauth2(f.user)
                            .header("If-Match", stale)
                            .delete(tags() + "/first")
                            .then()
                            .statusCode(412);
                });
        String current = f.etag();
        given().auth()
                .oauth2(f.user)
                .header("If-Match", current)
                .contentType("application/json")
                .body("\"second\"")
                .post(tags())
                .then()
                .statusCode(201);
        assertThat(f.etag()).isNotEqualTo(current);
    }

    @Test
    void concurrentTagChangesNeverLoseOne() throws Exception {
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String tag = "t" + letters(i);
                Callable<Integer> call =
                        () -> add(f.user, "\"" + tag + "\"").extract().statusCode();
                answers.add(pool.submit(call));
            }
            List<String> added = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int status = answers.get(i).get();
                assertThat(status).isIn(201, 409);
                if (status == 201) {
                    added.add("t" + letters(i));
                }
            }
            List<String> stored =
                    given().auth()
                            .oauth2(f.user)
                            .get(tags())
                            .then()
                            .extract()
                            .jsonPath()
                            .getList("tags", String.class);
            assertThat(stored).containsExactlyInAnyOrderElementsOf(added);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A name made of letters only: 0 -> a, 25 -> z, 26 -> ba. */
    static String letters(int i) {
        String out = "";
        do {
            out = (char) ('a' + i % 26) + out;
            i /= 26;
        } while (i > 0);
        return out;
    }

    private static String userIdOf(String token) {
        String payload = token.split("\\.")[1];
        String json =
                new String(
                        java.util.Base64.getUrlDecoder().decode(payload),
                        java.nio.charset.StandardCharsets.UTF_8);
        return json.replaceAll(".*\"urn:altinn:userid\":\"([0-9]+)\".*", "$1");
    }

    @Test
    void theLocationEndsInTags() {
        add(f.delegated, "\"x\"").statusCode(201).header("Location", endsWith("/tags"));
    }
}
