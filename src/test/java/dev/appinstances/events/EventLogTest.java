package dev.appinstances.events;

import static dev.appinstances.events.EventLogApi.all;
import static dev.appinstances.events.EventLogApi.storage;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.appinstances.common.SettableTimeSource;
import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.MultipartBody;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the event log records for each change, and for refused requests (nothing). */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class EventLogTest {

    static final String BASE = "/ttd/example-app/instances/";
    static final String OWNER = Tokens.appOwner();
    static final byte[] FORM =
            "<BuildingPermit><property><address>Storgata 1</address></property></BuildingPermit>"
                    .getBytes(StandardCharsets.UTF_8);

    @Inject Database db;
    @Inject TestParties parties;
    @Inject SettableTimeSource time;

    @AfterEach
    void realTime() {
        time.reset();
    }

    /** A multipart create with an attachment; the form is auto-created after it. */
    static String createWithData(TestParties.TestUser user) {
        byte[] body =
                new MultipartBody()
                        .json(
                                "instance",
                                "{\"instanceOwner\":{\"partyId\":\"" + user.partyId() + "\"}}")
                        .part(
                                "attachment",
                                "note.txt",
                                "text/plain",
                                "a note".getBytes(StandardCharsets.UTF_8))
                        .build();
        return given().auth()
                .oauth2(user.token())
                .contentType(MultipartBody.contentType())
                .body(body)
                .post(BASE)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String dataId(String token, String id, String dataType) {
        List<Map<String, Object>> data =
                given().auth().oauth2(token).get(BASE + id).then().extract().path("data");
        return data.stream()
                .filter(d -> dataType.equals(d.get("dataType")))
                .map(d -> (String) d.get("id"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aWholeLifecycleIsLoggedInOrderWithWhoDidItAndTheProcessAtTheTime() {
        TestParties.TestUser user = parties.user();
        String token = user.token();
        String ssn = TestParties.ssn(user.partyId());
        String id = createWithData(user);
        String attachment = dataId(token, id, "attachment");
        String form = dataId(token, id, "model");
        given().auth()
                .oauth2(token)
                .contentType("application/xml")
                .body(FORM)
                .put(BASE + id + "/data/" + form)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(token)
                .delete(BASE + id + "/data/" + attachment)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(OWNER)
                .contentType("application/json")
                .body("{\"label\": \"received\"}")
                .put(BASE + id + "/substatus")
                .then()
                .statusCode(200);
        given().auth().oauth2(token).put(BASE + id + "/process/next").then().statusCode(200);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"action\": \"confirm\"}")
                .put(BASE + id + "/process/next")
                .then()
                .statusCode(200);
        given().auth().oauth2(OWNER).post(BASE + id + "/complete").then().statusCode(200);
        String completed = db.instanceFingerprint(user.partyId());
        given().auth().oauth2(OWNER).post(BASE + id + "/complete").then().statusCode(200);
        given().auth().oauth2(token).delete(BASE + id).then().statusCode(403);
        assertThat(db.instanceFingerprint(user.partyId())).isEqualTo(completed);
        time.set(Instant.now().plus(Duration.ofDays(31)));
        given().auth().oauth2(token).delete(BASE + id).then().statusCode(200);
        given().auth().oauth2(token).put(BASE + id + "/undelete").then().statusCode(200);
        given().auth().oauth2(token).put(BASE + id + "/undelete").then().statusCode(200);

        JsonPath log = all(OWNER, id);
        assertThat(log.getList("instanceEvents.eventType", String.class))
                .containsExactly(
                        "process_StartEvent",
                        "process_StartTask",
                        "Created",
                        "Created",
                        "Created",
                        "Saved",
                        "Deleted",
                        "SubstatusUpdated",
                        "process_EndTask",
                        "process_StartTask",
                        "process_EndTask",
                        "process_EndEvent",
                        "Submited",
                        "ConfirmedComplete",
                        "Deleted",
                        "Undeleted");
        assertThat(log.getInt("count")).isEqualTo(16);
        assertThat(log.getString("next")).isNull();
        List<String> dataIds = log.getList("instanceEvents.dataId", String.class);
        assertThat(dataIds)
                .containsExactly(
                        null,
                        null,
                        null,
                        attachment,
                        form,
                        form,
                        attachment,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
        assertThat(log.getList("instanceEvents.instanceId", String.class)).containsOnly(id);
        assertThat(log.getList("instanceEvents.instanceOwnerPartyId", String.class))
                .containsOnly(String.valueOf(user.partyId()));
        assertThat(log.getList("instanceEvents.id", String.class)).doesNotHaveDuplicates();

        // who: the user with the person number of their party, the app owner by its org code
        Map<String, Object> byUser = log.getMap("instanceEvents[0].user");
        assertThat(byUser)
                .containsExactly(
                        Map.entry("userId", (int) user.userId()),
                        Map.entry("authenticationLevel", 2),
                        Map.entry("nationalIdentityNumber", ssn));
        assertThat(log.getMap("instanceEvents[7].user"))
                .containsExactly(Map.entry("orgId", "ttd"), Map.entry("authenticationLevel", 3));
        assertThat(log.getMap("instanceEvents[13].user")).containsEntry("orgId", "ttd");
        assertThat(log.getList("instanceEvents.user.userId", Integer.class))
                .containsExactly(
                        (int) user.userId(),
                        (int) user.userId(),
                        (int) user.userId(),
                        (int) user.userId(),
                        (int) user.userId(),
                        (int) user.userId(),
                        (int) user.userId(),
                        null,
                        (int) user.userId(),
                        (int) user.userId(),
                        (int) user.userId(),
                        (int) user.userId(),
                        (int) user.userId(),
                        null,
                        (int) user.userId(),
                        (int) user.userId());

        // the process at the time, as Storage snapshots it; nulls left out
        assertThat(log.getMap("instanceEvents[0].processInfo.currentTask"))
                .containsExactly(Map.entry("flow", 1), Map.entry("elementId", "StartEvent_1"));
        assertThat(log.getString("instanceEvents[0].processInfo.startEvent"))
                .isEqualTo("StartEvent_1");
        assertThat(log.getMap("instanceEvents[0].processInfo")).doesNotContainKey("ended");
        assertThat(log.getString("instanceEvents[1].processInfo.currentTask.elementId"))
                .isEqualTo("Task_1");
        assertThat(log.getInt("instanceEvents[1].processInfo.currentTask.flow")).isEqualTo(2);
        assertThat(log.getString("instanceEvents[5].processInfo.currentTask.elementId"))
                .isEqualTo("Task_1");
        assertThat(log.getString("instanceEvents[8].processInfo.currentTask.elementId"))
                .isEqualTo("Task_1");
        assertThat(log.getString("instanceEvents[9].processInfo.currentTask.elementId"))
                .isEqualTo("Task_2");
        assertThat(log.getInt("instanceEvents[9].processInfo.currentTask.flow")).isEqualTo(3);
        assertThat(log.getString("instanceEvents[10].processInfo.currentTask.elementId"))
                .isEqualTo("Task_2");
        for (int i = 11; i <= 15; i++) {
            assertThat(log.getMap("instanceEvents[" + i + "].processInfo"))
                    .as("event %d", i)
                    .doesNotContainKey("currentTask")
                    .containsEntry("endEvent", "EndEvent_1");
        }
        assertThat(log.getMap("instanceEvents[2]")).doesNotContainKeys("dataId", "additionalInfo");

        // the history is still what the process events say
        given().auth()
                .oauth2(OWNER)
                .get(BASE + id + "/process/history")
                .then()
                .statusCode(200)
                .body(
                        "processHistory.eventType",
                        contains(
                                "process_StartEvent",
                                "process_StartTask",
                                "process_StartTask",
                                "process_EndEvent"))
                .body("processHistory.performedBy", contains(ssn, ssn, ssn, ssn));

        // one event by its id, at both paths; an id the instance does not have is 404
        String third = log.getString("instanceEvents[3].id");
        given().auth()
                .oauth2(OWNER)
                .get(EventLogApi.STORAGE + id + "/events/" + third)
                .then()
                .statusCode(200)
                .body("id", equalTo(third))
                .body("dataId", equalTo(attachment))
                .body("eventType", equalTo("Created"));
        given().auth()
                .oauth2(token)
                .get(BASE + id + "/events/" + third)
                .then()
                .statusCode(200)
                .body("user.nationalIdentityNumber", equalTo(ssn));
        given().auth()
                .oauth2(token)
                .get(BASE + id + "/events/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:app-instances:problem:instance-event-not-found"));
        String other = createWithData(user);
        given().auth().oauth2(token).get(BASE + other + "/events/" + third).then().statusCode(404);
    }

    @Test
    void refusedRequestsWriteNoEvent() {
        TestParties.TestUser user = parties.user();
        String token = user.token();
        String id = createWithData(user);
        String form = dataId(token, id, "model");
        String before = db.instanceFingerprint(user.partyId());
        long events = all(OWNER, id).getInt("count");

        given().auth()
                .oauth2(token)
                .header("If-Match", "\"0\"")
                .contentType("application/xml")
                .body(FORM)
                .put(BASE + id + "/data/" + form)
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"label\": \"x\"}")
                .put(BASE + id + "/substatus")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token)
                .contentType("application/zip")
                .queryParam("dataType", "attachment")
                .body(new byte[] {1})
                .post(BASE + id + "/data")
                .then()
                .statusCode(415);
        given().auth()
                .oauth2(OWNER)
                .contentType("application/json")
                .body("{\"action\": \"confirm\"}")
                .put(BASE + id + "/process/next")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(Tokens.organisation("999999999"))
                .delete(BASE + id)
                .then()
                .statusCode(403);
        given().auth().oauth2(token).post(BASE + id + "/complete").then().statusCode(403);

        assertThat(db.instanceFingerprint(user.partyId())).isEqualTo(before);
        assertThat(all(OWNER, id).getInt("count")).isEqualTo(events);
    }

    @Test
    void aReplayedCreateIsLoggedOnce() {
        TestParties.TestUser user = parties.user();
        String key = "events-" + UUID.randomUUID();
        String[] ids = new String[2];
        for (int i = 0; i < 2; i++) {
            ids[i] =
                    given().auth()
                            .oauth2(user.token())
                            .header("Idempotency-Key", key)
                            .contentType("application/json")
                            .queryParam("instanceOwnerPartyId", user.partyId())
                            .body("{}")
                            .post(BASE)
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
        }
        assertThat(ids[1]).isEqualTo(ids[0]);
        assertThat(all(OWNER, ids[0]).getList("instanceEvents.eventType", String.class))
                .containsExactly("process_StartEvent", "process_StartTask", "Created", "Created");
        assertThat(
                        db.count(
                                "select count(*) from instance_event e join instance i on i.id ="
                                        + " e.instance_id where i.instance_owner_party_id = "
                                        + user.partyId()))
                .isEqualTo(4);
    }

    @Test
    void everyWayOfCreatingLogsCreated() {
        TestParties.TestUser user = parties.user();
        String simplified =
                given().auth()
                        .oauth2(user.token())
                        .contentType("application/json")
                        .body(
                                "{\"instanceOwner\": {\"partyId\": \""
                                        + user.partyId()
                                        + "\"}, \"prefill\": {\"property.address\": \"Storgata"
                                        + " 1\"}}")
                        .post(BASE + "create")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        String bodiless =
                given().auth()
                        .oauth2(user.token())
                        .queryParam("instanceOwnerPartyId", user.partyId())
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        for (String id : List.of(simplified, bodiless)) {
            assertThat(all(OWNER, id).getList("instanceEvents.eventType", String.class))
                    .containsExactly(
                            "process_StartEvent", "process_StartTask", "Created", "Created");
        }
        // a copy of an archived instance (the form is copied, not auto-created)
        given().auth()
                .oauth2(user.token())
                .put(BASE + simplified + "/process/next")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(user.token())
                .contentType("application/json")
                .body("{\"action\": \"confirm\"}")
                .put(BASE + simplified + "/process/next")
                .then()
                .statusCode(200);
        String copy =
                given().auth()
                        .oauth2(user.token())
                        .contentType("application/json")
                        .body(
                                "{\"instanceOwner\": {\"partyId\": \""
                                        + user.partyId()
                                        + "\"}, \"sourceInstanceId\": \""
                                        + simplified
                                        + "\"}")
                        .post(BASE + "create")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        JsonPath log = all(OWNER, copy);
        assertThat(log.getList("instanceEvents.eventType", String.class))
                .containsExactly("process_StartEvent", "process_StartTask", "Created", "Created");
        assertThat(log.getString("instanceEvents[3].dataId"))
                .isEqualTo(dataId(user.token(), copy, "model"));
        storage(OWNER, copy, Map.of()).body("instanceEvents.eventType", hasItem("Created"));
        storage(OWNER, simplified, Map.of("eventTypes", "Submited"))
                .body("instanceEvents.eventType", contains("Submited"))
                .body("instanceEvents[0].processInfo.currentTask", nullValue());
    }
}
