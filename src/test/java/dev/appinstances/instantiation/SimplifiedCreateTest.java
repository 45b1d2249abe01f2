package dev.appinstances.instantiation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class SimplifiedCreateTest {

    static final String BASE = "/ttd/example-app/instances";
    static final String OLA = Tokens.user(1340, 50001340);
    static final String OWNER = Tokens.appOwner();

    @Inject Database db;

    static ValidatableResponse create(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post(BASE + "/create")
                .then();
    }

    static String content(String token, String instanceId, String dataId) {
        return given().auth()
                .oauth2(token)
                .accept("application/xml")
                .get(BASE + "/" + instanceId + "/data/" + dataId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void prefillBuildsTheFormDataTypedByTheModelSchema() {
        var created =
                create(
                                OLA,
                                """
                                {"InstanceOwner": {"PartyId": "50001340"},
                                 "dueBefore": "2027-01-31T12:00:00Z",
                                 "prefill": {"Applicant.Name": "Ola Nordmann", "property.municipality-Number": "301",
                                             "property.plotArea": "612.5", "neighboursNotified": "TRUE",
                                             "startDate": "2027-03-01"}}
                                """)
                        .statusCode(201)
                        .header("Location", containsString("/ttd/example-app/instances/50001340/"))
                        .body("dueBefore", equalTo("2027-01-31T12:00:00Z"))
                        .body("data", hasSize(1))
                        .body("data[0].dataType", equalTo("model"))
                        .body("data[0].contentType", equalTo("application/xml"))
                        .extract();
        String xml = content(OLA, created.path("id"), created.path("data[0].id"));
        assertThat(xml).contains("<BuildingPermit>");
        assertThat(xml).contains("<applicant><name>Ola Nordmann</name></applicant>");
        assertThat(xml).contains("<municipalityNumber>301</municipalityNumber>");
        assertThat(xml).contains("<plotArea>612.5</plotArea>");
        assertThat(xml).contains("<neighboursNotified>true</neighboursNotified>");
        assertThat(xml).contains("<startDate>2027-03-01</startDate>");
    }

    @Test
    void withoutPrefillTheFormDataStartsEmpty() {
        var created =
                create(OLA, "{\"instanceOwner\":{\"partyId\":\"50001340\"}}")
                        .statusCode(201)
                        .body("data", hasSize(1))
                        .extract();
        assertThat(content(OLA, created.path("id"), created.path("data[0].id")))
                .contains("BuildingPermit");
    }

    @Test
    void everyUnacceptedPrefillKeyIsListedAndNothingIsCreated() {
        Database.Marker start = db.since();
        create(
                        OLA,
                        "{\"instanceOwner\":{\"partyId\":\"50001340\"},\"prefill\":{\"applicant.age\":\"40\","
                                + "\"property.plotArea\":\"big\",\"startDate\":\"tomorrow\",\"applicant.name\":\"ok\"}}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("applicant.age"))
                .body("detail", containsString("property.plotArea"))
                .body("detail", containsString("startDate"))
                .body("detail", org.hamcrest.Matchers.not(containsString("applicant.name ")));
        db.awaitNothingStoredSince(start);
    }

    @Test
    void theRequestItselfIsChecked() {
        Database.Marker start = db.since();
        create(
                        OLA,
                        "{\"instanceOwner\":{\"partyId\":\"50001340\"},\"prefill\":{\"a\":\"b\"},\"sourceInstanceId\":\"50001340/"
                                + UUID.randomUUID()
                                + "\"}")
                .statusCode(400)
                .body("detail", equalTo("Give either prefill or sourceInstanceId, not both"));
        create(OLA, "{\"prefill\":{}}")
                .statusCode(400)
                .body("detail", containsString("owner is missing"));
        create(OLA, "{\"instanceOwner\":{\"partyId\":\"50001340\"},\"dueBefore\":\"2027-01-01\"}")
                .statusCode(400)
                .body("detail", containsString("dueBefore"));
        create(OLA, "{\"instanceOwner\":")
                .statusCode(400)
                .body("type", equalTo("urn:app-instances:problem:malformed-json"));
        create(Tokens.user(1337, 50001337), "{\"instanceOwner\":{\"partyId\":\"50001340\"}}")
                .statusCode(403);
        db.awaitNothingStoredSince(start);
    }

    @Test
    void aCopyOfAnArchivedInstanceKeepsTheFormWithoutExcludedFieldsAndNoAttachments() {
        String source =
                create(
                                OLA,
                                "{\"instanceOwner\":{\"partyId\":\"50001340\"},\"prefill\":{\"applicant.name\":\"Ola\",\"applicant.phone\":\"99999999\",\"description\":\"Garage\"}}")
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(OLA)
                .contentType("text/plain")
                .queryParam("dataType", "attachment")
                .body("drawing")
                .post(BASE + "/" + source + "/data")
                .then()
                .statusCode(201);
        String copyBody =
                "{\"instanceOwner\":{\"partyId\":\"50001340\"},\"sourceInstanceId\":\""
                        + source
                        + "\"}";
        create(OLA, copyBody)
                .statusCode(400)
                .body(
                        "detail",
                        equalTo("It is not possible to copy an instance that isn't archived."));

        given().auth()
                .oauth2(OLA)
                .put(BASE + "/" + source + "/process/next")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(OLA)
                .put(BASE + "/" + source + "/process/next")
                .then()
                .statusCode(200)
                .body("endEvent", equalTo("EndEvent_1"));

        var copy =
                create(OLA, copyBody)
                        .statusCode(201)
                        .body("data", hasSize(1))
                        .body("data[0].dataType", equalTo("model"))
                        .body("process.currentTask.elementId", equalTo("Task_1"))
                        .body("data[0].locked", equalTo(false))
                        .extract();
        assertThat((String) copy.path("id")).isNotEqualTo(source);
        String xml = content(OLA, copy.path("id"), copy.path("data[0].id"));
        assertThat(xml)
                .contains("<name>Ola</name>")
                .contains("Garage")
                .doesNotContain("99999999")
                .doesNotContain("phone");

        create(
                        OWNER,
                        "{\"instanceOwner\":{\"partyId\":\"50001337\"},\"sourceInstanceId\":\""
                                + source
                                + "\"}")
                .statusCode(400)
                .body(
                        "detail",
                        equalTo("It is not possible to copy instances between instance owners."));
        create(
                        OLA,
                        "{\"instanceOwner\":{\"partyId\":\"50001340\"},\"sourceInstanceId\":\"50001340/"
                                + UUID.randomUUID()
                                + "\"}")
                .statusCode(404);
        create(
                        OLA,
                        "{\"instanceOwner\":{\"partyId\":\"50001340\"},\"sourceInstanceId\":\"nonsense\"}")
                .statusCode(400);
    }
}
