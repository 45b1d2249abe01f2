package dev.appinstances.instantiation;

import static dev.appinstances.testsupport.InstanceApi.BASE;
import static dev.appinstances.testsupport.InstanceApi.as;
import static dev.appinstances.testsupport.InstanceApi.create;
import static dev.appinstances.testsupport.InstanceApi.createFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.InstanceApi;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class InstanceCreateTest {

    static final long SOPHIE_PARTY = 50001337;
    static final long SOPHIE_USER = 1337;
    static final String SOPHIE = Tokens.user(SOPHIE_USER, SOPHIE_PARTY);
    static final String OWNER = Tokens.appOwner();

    @Inject Database db;

    @Test
    void userCreatesAnInstanceForOwnPartyAndGetsTheAltinnDocument() {
        Instant before = Instant.now();
        var response =
                createFor(SOPHIE, SOPHIE_PARTY)
                        .statusCode(201)
                        .contentType("application/json")
                        .header(
                                "Location",
                                matchesPattern(
                                        "http://localhost:8080/ttd/example-app/instances/50001337/[0-9a-f-]{36}"))
                        .body("id", matchesPattern("50001337/[0-9a-f-]{36}"))
                        .body("instanceOwner.partyId", equalTo("50001337"))
                        .body("instanceOwner.personNumber", equalTo("12247918309"))
                        .body("instanceOwner.organisationNumber", nullValue())
                        .body("instanceOwner.party.partyId", equalTo(50001337))
                        .body("instanceOwner.party.partyTypeName", equalTo(1))
                        .body("instanceOwner.party.name", equalTo("Sophie Salt"))
                        .body("appId", equalTo("ttd/example-app"))
                        .body("org", equalTo("ttd"))
                        .body(
                                "selfLinks.apps",
                                matchesPattern(
                                        "http://localhost:8080/ttd/example-app/instances/50001337/[0-9a-f-]{36}"))
                        .body(
                                "selfLinks.platform",
                                containsString("/storage/api/v1/instances/50001337/"))
                        .body("$", hasKey("dueBefore"))
                        .body("dueBefore", nullValue())
                        .body("process.startEvent", equalTo("StartEvent_1"))
                        .body("process.currentTask.flow", equalTo(2))
                        .body("process.currentTask.elementId", equalTo("Task_1"))
                        .body("process.currentTask.name", equalTo("Fill in the application"))
                        .body("process.currentTask.altinnTaskType", equalTo("data"))
                        .body("process.currentTask.flowType", equalTo("CompleteCurrentMoveToNext"))
                        .body("process.ended", nullValue())
                        .body("status.isArchived", equalTo(false))
                        .body("status.isSoftDeleted", equalTo(false))
                        .body("status.isHardDeleted", equalTo(false))
                        .body("status.readStatus", equalTo(1))
                        .body("$", hasKey("completeConfirmations"))
                        .body("data.dataType", contains("model")) // auto-created
                        .body("createdBy", equalTo("1337"))
                        .body("lastChangedBy", equalTo("1337"));
        String created = response.extract().path("created");
        assertThat(Instant.parse(created)).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat((String) response.extract().path("visibleAfter")).isEqualTo(created);
        assertThat((String) response.extract().path("lastChanged")).isEqualTo(created);
        assertThat((String) response.extract().path("process.started")).isEqualTo(created);
        String location = response.extract().header("Location");
        assertThat(location).isEqualTo(response.extract().path("selfLinks.apps"));
    }

    @Test
    void ownerCanBeGivenByEachIdentifier() {
        create(SOPHIE, "{\"instanceOwner\":{\"partyId\":\"50001337\"}}")
                .statusCode(201)
                .body("instanceOwner.partyId", equalTo("50001337"));
        create(SOPHIE, "{\"instanceOwner\":{\"partyId\":50001337}}").statusCode(201);
        create(SOPHIE, "{\"instanceOwner\":{\"personNumber\":\"12247918309\"}}")
                .statusCode(201)
                .body("instanceOwner.partyId", equalTo("50001337"));
        create(OWNER, "{\"instanceOwner\":{\"organisationNumber\":\"310000001\"}}")
                .statusCode(201)
                .body("instanceOwner.partyId", equalTo("50001338"))
                .body("instanceOwner.organisationNumber", equalTo("310000001"))
                .body("instanceOwner.personNumber", nullValue())
                .body("instanceOwner.party.partyTypeName", equalTo(2));
        create(
                        Tokens.user(1341, 50001341),
                        "{\"instanceOwner\":{\"username\":\"Kari.Selvstendig\"}}")
                .statusCode(201)
                .body("instanceOwner.partyId", equalTo("50001341"))
                .body("instanceOwner.username", equalTo("kari.selvstendig"))
                .body("instanceOwner.party.partyTypeName", equalTo(3));
    }

    @Test
    void emptyBodyWithQueryPartyIdCreatesAnInstance() {
        as(SOPHIE)
                .queryParam("instanceOwnerPartyId", SOPHIE_PARTY)
                .post(BASE)
                .then()
                .statusCode(201)
                .body("instanceOwner.partyId", equalTo("50001337"));
    }

    @Test
    void datesAreStoredAndReturnedInUtc() {
        String id =
                create(
                                SOPHIE,
                                "{\"instanceOwner\":{\"partyId\":\"50001337\"},"
                                        + "\"dueBefore\":\"2026-12-31T23:59:59+02:00\","
                                        + "\"visibleAfter\":\"2026-12-01T08:00:00.1234567Z\"}")
                        .statusCode(201)
                        .body("dueBefore", equalTo("2026-12-31T21:59:59Z"))
                        .body("visibleAfter", equalTo("2026-12-01T08:00:00.123456Z"))
                        .extract()
                        .path("id");
        InstanceApi.get(SOPHIE, id)
                .statusCode(200)
                .body("dueBefore", equalTo("2026-12-31T21:59:59Z"))
                .body("visibleAfter", equalTo("2026-12-01T08:00:00.123456Z"));
    }

    @Test
    void appOwnerKeepsReadStatusAndSubstatusFromTheTemplate() {
        create(
                        OWNER,
                        "{\"instanceOwner\":{\"partyId\":\"50001337\"},"
                                + "\"status\":{\"readStatus\":\"UpdatedSinceLastReview\","
                                + "\"substatus\":{\"label\":\"received\",\"description\":\"In"
                                + " queue\"}}, \"dataValues\":{\"caseNumber\":\"2026/1\"}}")
                .statusCode(201)
                .body("status.readStatus", equalTo(2))
                .body("status.substatus.label", equalTo("received"))
                .body("status.substatus.description", equalTo("In queue"))
                .body("dataValues.caseNumber", equalTo("2026/1"))
                .body("createdBy", equalTo(Tokens.APP_ORG_NUMBER));
        create(
                        OWNER,
                        "{\"instanceOwner\":{\"partyId\":\"50001337\"},\"status\":{\"readStatus\":0}}")
                .statusCode(201)
                .body("status.readStatus", equalTo(0));
        createFor(OWNER, SOPHIE_PARTY).statusCode(201).body("status.readStatus", equalTo(0));
    }

    @Test
    void fieldsTheServerOwnsAreIgnoredInTheTemplate() {
        create(
                        SOPHIE,
                        """
                        {"id": "1/00000000-0000-0000-0000-000000000000", "appId": "x/y", "org": "x",
                         "instanceOwner": {"partyId": "50001337"},
                         "process": {"currentTask": {"elementId": "Task_2"}},
                         "data": [{"id": "x"}], "created": "2000-01-01T00:00:00Z",
                         "createdBy": "someone", "presentationTexts": {"a": "b"},
                         "completeConfirmations": [{"stakeholderId": "ttd"}],
                         "status": {"isArchived": true, "isHardDeleted": true, "readStatus": 0}}
                        """)
                .statusCode(201)
                .body("id", matchesPattern("50001337/[0-9a-f-]{36}"))
                .body("appId", equalTo("ttd/example-app"))
                .body("org", equalTo("ttd"))
                .body("process.currentTask.elementId", equalTo("Task_1"))
                .body("data.dataType", contains("model"))
                .body("createdBy", equalTo("1337"))
                .body("presentationTexts", nullValue())
                .body("completeConfirmations", nullValue())
                .body("status.isArchived", equalTo(false))
                .body("status.isHardDeleted", equalTo(false))
                .body("status.readStatus", equalTo(1))
                .body("created", notNullValue());
    }

    /** Every rejected create answers problem+json and leaves the instance table unchanged. */
    @Nested
    class Rejected {

        @Test
        void withoutAnyOwner() {
            rejects(() -> create(SOPHIE, "{}"), 400, "invalid-request", "owner is missing");
            rejects(() -> as(SOPHIE).post(BASE).then(), 400, "invalid-request", "owner is missing");
        }

        @Test
        void withTwoOwners() {
            rejects(
                    () ->
                            as(SOPHIE)
                                    .contentType("application/json")
                                    .queryParam("instanceOwnerPartyId", SOPHIE_PARTY)
                                    .body("{\"instanceOwner\":{\"partyId\":\"50001337\"}}")
                                    .post(BASE)
                                    .then(),
                    400,
                    "invalid-request",
                    "exactly one");
            rejects(
                    () ->
                            create(
                                    SOPHIE,
                                    "{\"instanceOwner\":{\"partyId\":\"50001337\","
                                            + "\"personNumber\":\"12247918309\"}}"),
                    400,
                    "invalid-request",
                    "instanceOwner.partyId and instanceOwner.personNumber");
        }

        @Test
        void withAPartyIdThatIsNotANumber() {
            rejects(
                    () -> as(SOPHIE).queryParam("instanceOwnerPartyId", "abc").post(BASE).then(),
                    400,
                    "invalid-request",
                    "instanceOwnerPartyId (query) must be a positive integer");
            rejects(
                    () -> create(SOPHIE, "{\"instanceOwner\":{\"partyId\":\"12x\"}}"),
                    400,
                    "invalid-request",
                    "instanceOwner.partyId must be a positive integer");
        }

        @Test
        void forAnUnknownOrDeletedParty() {
            rejects(
                    () -> createFor(OWNER, 49999999),
                    404,
                    "party-not-found",
                    "Cannot lookup party");
            rejects(
                    () -> create(OWNER, "{\"instanceOwner\":{\"personNumber\":\"00000000000\"}}"),
                    404,
                    "party-not-found",
                    "personNumber 00000000000");
            rejects(
                    () -> create(OWNER, "{\"instanceOwner\":{\"organisationNumber\":\"999\"}}"),
                    404,
                    "party-not-found",
                    "organisationNumber 999");
            rejects(
                    () -> create(OWNER, "{\"instanceOwner\":{\"username\":\"nobody\"}}"),
                    404,
                    "party-not-found",
                    "username nobody");
            rejects(() -> createFor(OWNER, 50009999), 404, "party-not-found", "partyId 50009999");
        }

        @Test
        void forAPartyTypeTheAppDoesNotAllow() {
            rejects(
                    () -> createFor(OWNER, 50001339),
                    403,
                    "party-type-not-allowed",
                    "Party 50001339 is a sub unit");
        }

        @Test
        void withDatesWithoutAZoneOrNotDates() {
            rejects(
                    () ->
                            create(
                                    SOPHIE,
                                    "{\"instanceOwner\":{\"partyId\":\"50001337\"},"
                                            + "\"dueBefore\":\"2026-12-31T23:59:59\"}"),
                    400,
                    "invalid-request",
                    "dueBefore must be an ISO-8601 date-time with a zone");
            rejects(
                    () ->
                            create(
                                    SOPHIE,
                                    "{\"instanceOwner\":{\"partyId\":\"50001337\"},"
                                            + "\"visibleAfter\":\"tomorrow\"}"),
                    400,
                    "invalid-request",
                    "visibleAfter must be");
        }

        @Test
        void withMalformedJsonOrWrongTypes() {
            rejects(
                    () -> create(SOPHIE, "{\"instanceOwner\":"),
                    400,
                    "malformed-json",
                    "not valid JSON");
            rejects(() -> create(SOPHIE, "{} {}"), 400, "malformed-json", "not valid JSON");
            rejects(() -> create(SOPHIE, "[1,2]"), 400, "invalid-request", "must be a JSON object");
            rejects(
                    () -> create(SOPHIE, "{\"instanceOwner\":\"50001337\"}"),
                    400,
                    "invalid-request",
                    "'instanceOwner'");
            rejects(
                    () -> create(SOPHIE, "{\"instanceOwner\":{\"partyId\":{\"a\":1}}}"),
                    400,
                    "invalid-request",
                    "'instanceOwner.partyId'");
            rejects(
                    () ->
                            create(
                                    SOPHIE,
                                    "{\"instanceOwner\":{\"partyId\":\"50001337\"},"
                                            + "\"dataValues\":{\"a\":[1]}}"),
                    400,
                    "invalid-request",
                    "'dataValues.a'");
        }

        @Test
        void withAnInvalidReadStatusOrSubstatus() {
            rejects(
                    () ->
                            create(
                                    OWNER,
                                    "{\"instanceOwner\":{\"partyId\":\"50001337\"},"
                                            + "\"status\":{\"readStatus\":\"Seen\"}}"),
                    400,
                    "invalid-request",
                    "status.readStatus");
            rejects(
                    () ->
                            create(
                                    OWNER,
                                    "{\"instanceOwner\":{\"partyId\":\"50001337\"},"
                                            + "\"status\":{\"readStatus\":7}}"),
                    400,
                    "invalid-request",
                    "status.readStatus");
            rejects(
                    () ->
                            create(
                                    OWNER,
                                    "{\"instanceOwner\":{\"partyId\":\"50001337\"},"
                                            + "\"status\":{\"substatus\":{\"description\":\"x\"}}}"),
                    400,
                    "invalid-request",
                    "status.substatus.label");
        }

        @Test
        void withABodyOverTheLimit() {
            String big =
                    "{\"instanceOwner\":{\"partyId\":\"50001337\"},\"dataValues\":{\"x\":\""
                            + "a".repeat(300 * 1024)
                            + "\"}}";
            rejects(() -> create(SOPHIE, big), 413, "payload-too-large", "larger than");
        }

        @Test
        void withABodyThatIsNotJson() {
            rejects(
                    () ->
                            as(SOPHIE)
                                    .contentType("text/plain")
                                    .queryParam("instanceOwnerPartyId", SOPHIE_PARTY)
                                    .body("hello")
                                    .post(BASE)
                                    .then(),
                    415,
                    "unsupported-media-type",
                    "text/plain");
        }

        private void rejects(
                Supplier<ValidatableResponse> call, int status, String type, String detailPart) {
            Database.Marker start = db.since();
            String before = db.instanceFingerprint(SOPHIE_PARTY);
            call.get()
                    .statusCode(status)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:app-instances:problem:" + type))
                    .body("status", equalTo(status))
                    .body("title", notNullValue())
                    .body("detail", containsString(detailPart));
            assertThat(db.storedSince(start)).as("stored since the request").isEqualTo("0/0/0/0");
            assertThat(db.instanceFingerprint(SOPHIE_PARTY)).isEqualTo(before);
        }
    }
}
