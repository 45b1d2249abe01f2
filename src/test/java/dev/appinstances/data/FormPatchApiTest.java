package dev.appinstances.data;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.InstanceApi;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Forms saved with JSON Patch, as Altinn's browser client saves them. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class FormPatchApiTest {

    static final String BASE = "/ttd/example-app/instances";

    @Inject Database db;
    @Inject TestParties parties;

    TestParties.TestUser owner;
    String instance;
    String form;

    @BeforeEach
    void newInstance() {
        owner = parties.user();
        JsonPath created = InstanceApi.createdBodiless(owner.token(), owner.partyId());
        instance = created.getString("id");
        form = created.getString("data.find { it.dataType == 'model' }.id");
    }

    ValidatableResponse patch(String token, String operations) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .queryParam("language", "nb")
                .body("{\"patch\": " + operations + ", \"ignoredValidators\": [\"Required\"]}")
                .patch(BASE + "/" + instance + "/data/" + form)
                .then();
    }

    ValidatableResponse patchMany(String token, String patches) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"patches\": " + patches + ", \"ignoredValidators\": null}")
                .patch(BASE + "/" + instance + "/data")
                .then();
    }

    String model() {
        return given().auth()
                .oauth2(owner.token())
                .get(BASE + "/" + instance + "/data/" + form)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    String state() {
        return db.text(
                "select d.blob_id::text || d.content_hash || '/' || i.version from data_element d"
                        + " join instance i on i.id = d.instance_id where d.id = '"
                        + form
                        + "'");
    }

    @Test
    void aPatchChangesTheFormAndAnswersAsAltinn() {
        patch(
                        owner.token(),
                        "[{\"op\": \"add\", \"path\": \"/property\", \"value\": {}},"
                                + " {\"op\": \"add\", \"path\": \"/property/address\","
                                + " \"value\": \"Storgata 1\"},"
                                + " {\"op\": \"add\", \"path\": \"/property/municipalityNumber\","
                                + " \"value\": 301},"
                                + " {\"op\": \"test\", \"path\": \"/neighbours\", \"value\": []},"
                                + " {\"op\": \"add\", \"path\": \"/neighbours/-\","
                                + " \"value\": {\"name\": \"Ola\", \"notified\": true}}]")
                .statusCode(200)
                .body("validationIssues", anEmptyMap())
                .body("newDataModel.property.municipalityNumber", equalTo(301))
                .body("newDataModel.neighbours[0].notified", equalTo(true))
                .body("instance.id", equalTo(instance))
                .body("instance.presentationTexts.address", equalTo("Storgata 1"))
                .body("instance.dataValues.municipality", equalTo("301"));
        assertThat(model())
                .isEqualTo(
                        "{\"property\":{\"address\":\"Storgata 1\",\"municipalityNumber\":301},"
                                + "\"neighbours\":[{\"name\":\"Ola\",\"notified\":true}]}");
        given().auth()
                .oauth2(owner.token())
                .get(BASE + "/" + instance)
                .then()
                .body("presentationTexts.address", equalTo("Storgata 1"));
    }

    @Test
    void aMultiPatchAnswersWithEveryNewModel() {
        patchMany(
                        owner.token(),
                        "[{\"dataElementId\": \""
                                + form
                                + "\", \"patch\": [{\"op\": \"add\", \"path\": \"/description\","
                                + " \"value\": \"Garasje\"}]}]")
                .statusCode(200)
                .body("validationIssues", hasSize(0))
                .body("newDataModels", hasSize(1))
                .body("newDataModels[0].dataElementId", equalTo(form))
                .body("newDataModels[0].data.description", equalTo("Garasje"))
                .body("instance.data.find { it.id == '" + form + "' }.size", equalTo(105));
        assertThat(model()).isEqualTo("{\"description\":\"Garasje\",\"neighbours\":[]}");
    }

    @Test
    void aMultiPatchIsAllOrNothing() {
        String attachment =
                given().auth()
                        .oauth2(owner.token())
                        .contentType("text/plain")
                        .queryParam("dataType", "attachment")
                        .body("notes")
                        .post(BASE + "/" + instance + "/data")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        String before = state();
        Database.Marker start = db.since();
        String good =
                "{\"dataElementId\": \""
                        + form
                        + "\", \"patch\": [{\"op\": \"add\", \"path\": \"/description\", \"value\": \"x\"}]}";
        patchMany(
                        owner.token(),
                        "["
                                + good
                                + ", {\"dataElementId\": \""
                                + attachment
                                + "\", \"patch\": []}]")
                .statusCode(400)
                .body("type", equalTo("urn:app-instances:problem:not-form-data"));
        patchMany(owner.token(), "[" + good + ", " + good + "]").statusCode(400);
        patchMany(
                        owner.token(),
                        "["
                                + good
                                + ", {\"dataElementId\": \"00000000-0000-0000-0000-000000000000\","
                                + " \"patch\": []}]")
                .statusCode(404)
                .body("type", equalTo("urn:app-instances:problem:data-element-not-found"));
        patchMany(owner.token(), "{}").statusCode(400);
        assertThat(state()).isEqualTo(before);
        db.awaitNothingStoredSince(start);
    }

    @Test
    void aTestThatDoesNotHoldIs409WithThePreviousModel() {
        patch(owner.token(), "[{\"op\": \"add\", \"path\": \"/description\", \"value\": \"a\"}]")
                .statusCode(200);
        String before = state();
        Database.Marker start = db.since();
        patch(
                        owner.token(),
                        "[{\"op\": \"test\", \"path\": \"/description\", \"value\": \"a\"},"
                                + " {\"op\": \"replace\", \"path\": \"/description\", \"value\": \"b\"},"
                                + " {\"op\": \"test\", \"path\": \"/description\", \"value\": \"a\"}]")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:app-instances:problem:patch-test-failed"))
                .body("title", equalTo("Precondition in patch failed"))
                .body("detail", equalTo("Path `/description` is not equal to the indicated value."))
                .body("previousModel.description", equalTo("a"))
                .body("dataElementId", equalTo(form))
                .body("patchOperationIndex", equalTo(2));
        assertThat(state()).isEqualTo(before);
        assertThat(model()).isEqualTo("{\"description\":\"a\",\"neighbours\":[]}");
        db.awaitNothingStoredSince(start);
    }

    @Test
    void operationsThatFailOrGiveAModelThatDoesNotFitAre422() {
        String before = state();
        patch(
                        owner.token(),
                        "[{\"op\": \"replace\", \"path\": \"/applicant/name\", \"value\": \"x\"}]")
                .statusCode(422)
                .body("type", equalTo("urn:app-instances:problem:patch-operation-failed"))
                .body("title", equalTo("Patch Operation Failed"))
                .body("patchOperationIndex", equalTo(0))
                .body("previousModel.neighbours", hasSize(0));
        patch(owner.token(), "[{\"op\": \"add\", \"path\": \"/startDate\", \"value\": 5}]")
                .statusCode(422)
                .body("type", equalTo("urn:app-instances:problem:patch-result-invalid"))
                .body("title", equalTo("Patch operation did not deserialize"))
                .body("errors[0].path", equalTo("/startDate"))
                .body("patchOperationIndex", nullValue());
        patch(
                        owner.token(),
                        "[{\"op\": \"add\", \"path\": \"/property\", \"value\":"
                                + " {\"municipalityNumber\": \"301\"}}]")
                .statusCode(422)
                .body("errors[0].path", equalTo("/property/municipalityNumber"));
        patch(owner.token(), "[{\"op\": \"add\", \"path\": \"/unknown\", \"value\": 1}]")
                .statusCode(422)
                .body("errors[0].problem", equalTo("not in the data model"));
        patch(owner.token(), "[{\"op\": \"fly\", \"path\": \"/a\"}]").statusCode(422);
        patch(owner.token(), "{}").statusCode(400);
        given().auth()
                .oauth2(owner.token())
                .contentType("text/plain")
                .body("{\"patch\": []}")
                .patch(BASE + "/" + instance + "/data/" + form)
                .then()
                .statusCode(415);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aBinaryElementCannotBePatched() {
        String attachment =
                given().auth()
                        .oauth2(owner.token())
                        .contentType("text/plain")
                        .queryParam("dataType", "attachment")
                        .body("notes")
                        .post(BASE + "/" + instance + "/data")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(owner.token())
                .contentType("application/json")
                .body("{\"patch\": []}")
                .patch(BASE + "/" + instance + "/data/" + attachment)
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:app-instances:problem:not-form-data"));
    }

    @Test
    void concurrentPatchesLoseNoUpdate() throws Exception {
        int writers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String name = "neighbour-" + i;
                answers.add(
                        CompletableFuture.supplyAsync(
                                () ->
                                        patch(
                                                        owner.token(),
                                                        "[{\"op\": \"add\", \"path\": \"/neighbours/-\","
                                                                + " \"value\": {\"name\": \""
                                                                + name
                                                                + "\"}}]")
                                                .extract()
                                                .statusCode(),
                                pool));
            }
            for (CompletableFuture<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> names = JsonPath.from(model()).getList("neighbours.name");
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < writers; i++) {
            expected.add("neighbour-" + i);
        }
        assertThat(names).hasSize(writers);
        assertThat(new HashSet<>(names)).isEqualTo(expected);
    }

    @Test
    void eachKindOfCaller() {
        long org = parties.organisation();
        TestParties.TestUser delegated = parties.user();
        parties.delegate(delegated.userId(), org, "[\"DAGL\"]");
        JsonPath created =
                given().auth()
                        .oauth2(delegated.token())
                        .queryParam("instanceOwnerPartyId", org)
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
        instance = created.getString("id");
        form = created.getString("data[0].id");
        String add = "[{\"op\": \"add\", \"path\": \"/description\", \"value\": \"d\"}]";
        patch(delegated.token(), add).statusCode(200);
        patch(Tokens.appOwner(), add).statusCode(200);
        patch(Tokens.organisation(TestParties.orgNumber(org)), add).statusCode(200);
        String before = state();
        patch(parties.user().token(), add).statusCode(403);
        patch(Tokens.organisation(TestParties.orgNumber(parties.organisation())), add)
                .statusCode(403);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anEndedProcessLeavesTheFormAsItIs() {
        given().auth()
                .oauth2(owner.token())
                .put(BASE + "/" + instance + "/process/next")
                .then()
                .statusCode(200);
        String before = state();
        patch(owner.token(), "[{\"op\": \"add\", \"path\": \"/description\", \"value\": \"x\"}]")
                .statusCode(409)
                .body("type", equalTo("urn:app-instances:problem:instance-not-writable"));
        assertThat(state()).isEqualTo(before);
    }
}
