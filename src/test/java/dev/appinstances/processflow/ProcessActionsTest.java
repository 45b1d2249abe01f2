package dev.appinstances.processflow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.TestParties.TestUser;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The process as Altinn's clients use it, for each kind of caller. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ProcessActionsTest {

    static final String BASE = "/ttd/example-app/instances";
    static final String APP_OWNER = Tokens.appOwner();
    static final String CONFLICT = "urn:app-instances:problem:process-conflict";
    static final String NOT_ALLOWED = "urn:app-instances:problem:action-not-allowed";

    @Inject Database db;
    @Inject TestParties parties;

    TestUser owner;
    TestUser delegate;
    String otherOrg;

    @BeforeEach
    void parties() {
        owner = parties.user();
        delegate = parties.user();
        parties.delegate(delegate.userId(), owner.partyId(), "[\"DAGL\"]");
        otherOrg = Tokens.organisation(TestParties.orgNumber(parties.organisation()));
    }

    String newInstance(boolean withForm) {
        String id =
                given().auth()
                        .oauth2(owner.token())
                        .contentType("application/json")
                        .queryParam("instanceOwnerPartyId", owner.partyId())
                        .body("{}")
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        // the form (model) is auto-created with the instance; without it, Task_1 cannot end
        String form =
                given().auth()
                        .oauth2(owner.token())
                        .get(BASE + "/" + id)
                        .then()
                        .extract()
                        .path("data.find { it.dataType == 'model' }.id");
        assertThat(form).as("auto-created form").isNotNull();
        if (!withForm) {
            given().auth()
                    .oauth2(owner.token())
                    .delete(BASE + "/" + id + "/data/" + form)
                    .then()
                    .statusCode(200);
        }
        return id;
    }

    static ValidatableResponse process(String token, String id) {
        return given().auth().oauth2(token).get(BASE + "/" + id + "/process").then();
    }

    static Response next(String token, String id, String body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        return request.put(BASE + "/" + id + "/process/next");
    }

    static ValidatableResponse history(String id) {
        return given().auth()
                .oauth2(APP_OWNER)
                .get(BASE + "/" + id + "/process/history")
                .then()
                .statusCode(200);
    }

    /** The instance rows of the owner's party and the process events of the instance. */
    String fingerprint(String id) {
        return db.instanceFingerprint(owner.partyId())
                + "/"
                + db.count(
                        "select count(*) from instance_event where instance_id = '"
                                + id.substring(id.indexOf('/') + 1)
                                + "'");
    }

    @Test
    void everyProcessResponseListsTheTasksAndWhatThisCallerMayDo() {
        String id = newInstance(true);
        for (String token : new String[] {owner.token(), delegate.token()}) {
            process(token, id)
                    .statusCode(200)
                    .body("processTasks.elementId", contains("Task_1", "Task_2"))
                    .body("processTasks.altinnTaskType", contains("data", "confirmation"))
                    .body("processTasks.elementType", contains("Task", "Task"))
                    .body("currentTask.elementType", equalTo("Task"))
                    .body("currentTask.read", equalTo(true))
                    .body("currentTask.write", equalTo(true))
                    .body("currentTask.actions.read", equalTo(true))
                    .body("currentTask.actions.write", equalTo(true))
                    .body("currentTask.actions.fill", nullValue())
                    .body("currentTask.userActions.id", contains("read", "write", "fill"))
                    .body(
                            "currentTask.userActions.type",
                            contains("ProcessAction", "ProcessAction", "ServerAction"))
                    .body("currentTask.userActions.authorized", contains(true, true, true));
        }
        process(APP_OWNER, id)
                .statusCode(200)
                .body("currentTask.write", equalTo(true))
                .body("currentTask.userActions.authorized", contains(true, true, false));
        process(otherOrg, id)
                .statusCode(403)
                .body("type", equalTo("urn:app-instances:problem:access-denied"));

        next(APP_OWNER, id, null)
                .then()
                .statusCode(200)
                .body("currentTask.elementId", equalTo("Task_2"))
                .body("currentTask.actions.confirm", equalTo(false))
                .body("currentTask.userActions.id", contains("read", "write", "confirm"))
                .body("processTasks.elementId", contains("Task_1", "Task_2"));
        process(owner.token(), id)
                .body("currentTask.actions.confirm", equalTo(true))
                .body("currentTask.userActions.authorized", contains(true, true, true));
        next(delegate.token(), id, "{\"action\": \"confirm\"}")
                .then()
                .statusCode(200)
                .body("currentTask", nullValue())
                .body("endEvent", equalTo("EndEvent_1"))
                .body("processTasks.elementId", contains("Task_1", "Task_2"));
    }

    @Test
    void theInstanceDocumentCarriesTheCallersProcessStateOnTheAppPathsOnly() {
        String created =
                given().auth()
                        .oauth2(owner.token())
                        .queryParam("instanceOwnerPartyId", owner.partyId())
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .body("process.processTasks.elementId", contains("Task_1", "Task_2"))
                        .body("process.currentTask.write", equalTo(true))
                        .body(
                                "process.currentTask.userActions.id",
                                contains("read", "write", "fill"))
                        .extract()
                        .path("id");
        next(APP_OWNER, created, null).then().statusCode(200);

        given().auth()
                .oauth2(owner.token())
                .get(BASE + "/" + created)
                .then()
                .statusCode(200)
                .body("process.currentTask.elementId", equalTo("Task_2"))
                .body("process.currentTask.elementType", equalTo("Task"))
                .body("process.currentTask.actions.confirm", equalTo(true))
                .body("process.processTasks.altinnTaskType", contains("data", "confirmation"));
        given().auth()
                .oauth2(APP_OWNER)
                .get(BASE + "/" + created)
                .then()
                .statusCode(200)
                .body("process.currentTask.actions.confirm", equalTo(false))
                .body("process.currentTask.userActions.authorized", contains(true, true, false));
        // a change answered with the document: the same, for the caller who made it
        given().auth()
                .oauth2(APP_OWNER)
                .contentType("application/json")
                .body("{\"label\": \"reviewed\"}")
                .put(BASE + "/" + created + "/substatus")
                .then()
                .statusCode(200)
                .body("process.currentTask.read", equalTo(true))
                .body("process.currentTask.actions.confirm", equalTo(false));

        // Storage's path keeps the stored ProcessState, as Storage writes it
        given().auth()
                .oauth2(APP_OWNER)
                .get("/storage/api/v1/instances/" + created)
                .then()
                .statusCode(200)
                .body("process.currentTask.elementId", equalTo("Task_2"))
                .body("process.processTasks", nullValue())
                .body("process.currentTask.userActions", nullValue())
                .body("process.currentTask.actions", nullValue());
    }

    @Test
    void anActionMustBeOfferedByTheTaskAndAllowedToTheCaller() {
        String id = newInstance(true);
        String before = fingerprint(id);
        next(owner.token(), id, "{\"action\": 7}")
                .then()
                .statusCode(400)
                .body("detail", equalTo("Field 'action' has a value of the wrong type"));
        next(owner.token(), id, "{\"action\": \"confirm\"}")
                .then()
                .statusCode(409)
                .body("type", equalTo(CONFLICT))
                .body(
                        "detail",
                        equalTo(
                                "Task Task_1 does not offer action 'confirm'; it offers [read,"
                                        + " write]"));
        next(owner.token(), id, "{\"action\": \"fill\"}").then().statusCode(409);
        next(owner.token(), id, "{\"action\": []}").then().statusCode(400);
        next(owner.token(), id, "{\"action\": ").then().statusCode(400);
        given().auth()
                .oauth2(owner.token())
                .contentType("text/plain")
                .body("confirm")
                .put(BASE + "/" + id + "/process/next")
                .then()
                .statusCode(415);
        next(otherOrg, id, "{\"action\": \"write\"}").then().statusCode(403);
        assertThat(fingerprint(id)).isEqualTo(before);

        next(owner.token(), id, "{\"action\": \"write\", \"actionOnBehalfOf\": null}")
                .then()
                .statusCode(200)
                .body("currentTask.elementId", equalTo("Task_2"));
        String inTask2 = fingerprint(id);
        next(APP_OWNER, id, null)
                .then()
                .statusCode(403)
                .body("type", equalTo(NOT_ALLOWED))
                .body("detail", containsString("[confirm]"));
        next(APP_OWNER, id, "{\"action\": \"confirm\"}")
                .then()
                .statusCode(403)
                .body("type", equalTo(NOT_ALLOWED))
                .body("detail", containsString("'confirm' in task Task_2"));
        assertThat(fingerprint(id)).isEqualTo(inTask2);
        next(owner.token(), id, "null")
                .then()
                .statusCode(200)
                .body("endEvent", equalTo("EndEvent_1"));
    }

    @Test
    void getNextListsWhatCanFollow() {
        String id = newInstance(true);
        given().auth()
                .oauth2(delegate.token())
                .get(BASE + "/" + id + "/process/next")
                .then()
                .statusCode(200)
                .body("$", contains("Task_2"));
        given().auth()
                .oauth2(otherOrg)
                .get(BASE + "/" + id + "/process/next")
                .then()
                .statusCode(403);
        next(owner.token(), id, null).then().statusCode(200);
        given().auth()
                .oauth2(owner.token())
                .get(BASE + "/" + id + "/process/next")
                .then()
                .body("$", contains("EndEvent_1"));
        next(owner.token(), id, null).then().statusCode(200);
        given().auth()
                .oauth2(owner.token())
                .get(BASE + "/" + id + "/process/next")
                .then()
                .statusCode(409)
                .body("type", equalTo(CONFLICT));
    }

    @Test
    void startStartsOnlyAProcessThatHasNotStarted() {
        String id = newInstance(false);
        String guid = id.substring(id.indexOf('/') + 1);
        String before = fingerprint(id);
        given().auth()
                .oauth2(owner.token())
                .post(BASE + "/" + id + "/process/start")
                .then()
                .statusCode(409)
                .body("type", equalTo(CONFLICT))
                .body("detail", equalTo("Process is already started. Use next."));
        assertThat(fingerprint(id)).isEqualTo(before);

        // an instance whose process never started has no process events either
        db.execute(
                "update instance set process = null, current_task = null where id = '"
                        + guid
                        + "'");
        db.execute("delete from instance_event where instance_id = '" + guid + "'");
        process(owner.token(), id)
                .statusCode(200)
                .body("currentTask", nullValue())
                .body("started", nullValue())
                .body("processTasks.elementId", contains("Task_1", "Task_2"));
        given().auth()
                .oauth2(owner.token())
                .get(BASE + "/" + id + "/process/next")
                .then()
                .statusCode(200)
                .body("$", contains("StartEvent_1"));
        String unstarted = fingerprint(id);
        next(owner.token(), id, null)
                .then()
                .statusCode(409)
                .body("detail", equalTo("The process has not started; use process/start"));
        given().auth()
                .oauth2(owner.token())
                .put(BASE + "/" + id + "/process/completeProcess")
                .then()
                .statusCode(409)
                .body("detail", equalTo("Process is not started. Use start!"));
        given().auth()
                .oauth2(owner.token())
                .queryParam("startEvent", "StartEvent_9")
                .post(BASE + "/" + id + "/process/start")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(otherOrg)
                .post(BASE + "/" + id + "/process/start")
                .then()
                .statusCode(403);
        assertThat(fingerprint(id)).isEqualTo(unstarted);

        given().auth()
                .oauth2(delegate.token())
                .queryParam("startEvent", "StartEvent_1")
                .post(BASE + "/" + id + "/process/start")
                .then()
                .statusCode(200)
                .body("startEvent", equalTo("StartEvent_1"))
                .body("started", notNullValue())
                .body("currentTask.elementId", equalTo("Task_1"))
                .body("currentTask.flow", equalTo(2))
                .body("currentTask.userActions.authorized", contains(true, true, true));
        history(id)
                .body(
                        "processHistory.eventType",
                        contains("process_StartEvent", "process_StartTask"))
                .body("processHistory.elementId", contains("StartEvent_1", "Task_1"))
                .body(
                        "processHistory.performedBy",
                        contains(
                                TestParties.ssn(delegate.partyId()),
                                TestParties.ssn(delegate.partyId())))
                .body("processHistory[1].ended", nullValue());
    }

    @Test
    void completeProcessMovesToTheEndOrNowhere() {
        String empty = newInstance(false);
        String before = fingerprint(empty);
        given().auth()
                .oauth2(owner.token())
                .put(BASE + "/" + empty + "/process/completeProcess")
                .then()
                .statusCode(409)
                .body("detail", containsString("needs at least 1"));
        assertThat(fingerprint(empty)).isEqualTo(before);

        String id = newInstance(true);
        String ready = fingerprint(id);
        given().auth()
                .oauth2(APP_OWNER)
                .put(BASE + "/" + id + "/process/completeProcess")
                .then()
                .statusCode(403)
                .body("type", equalTo(NOT_ALLOWED))
                .body("detail", containsString("Task_2"));
        given().auth()
                .oauth2(otherOrg)
                .put(BASE + "/" + id + "/process/completeProcess")
                .then()
                .statusCode(403);
        assertThat(fingerprint(id)).isEqualTo(ready);
        process(owner.token(), id).body("currentTask.elementId", equalTo("Task_1"));

        String ended =
                given().auth()
                        .oauth2(owner.token())
                        .put(BASE + "/" + id + "/process/completeProcess")
                        .then()
                        .statusCode(200)
                        .body("currentTask", nullValue())
                        .body("endEvent", equalTo("EndEvent_1"))
                        .body("processTasks.elementId", contains("Task_1", "Task_2"))
                        .extract()
                        .path("ended");
        String ownerSsn = TestParties.ssn(owner.partyId());
        history(id)
                .body(
                        "processHistory.eventType",
                        contains(
                                "process_StartEvent",
                                "process_StartTask",
                                "process_StartTask",
                                "process_EndEvent"))
                .body(
                        "processHistory.elementId",
                        contains("StartEvent_1", "Task_1", "Task_2", "EndEvent_1"))
                .body(
                        "processHistory.performedBy",
                        contains(ownerSsn, ownerSsn, ownerSsn, ownerSsn))
                .body("processHistory[1].ended", notNullValue())
                .body("processHistory[2].started", notNullValue())
                .body("processHistory[2].ended", equalTo(ended))
                .body("processHistory[3].occured", equalTo(ended));
        given().auth()
                .oauth2(owner.token())
                .get(BASE + "/" + id)
                .then()
                .body("status.isArchived", equalTo(true))
                .body("process.endEvent", equalTo("EndEvent_1"));
        String done = fingerprint(id);
        given().auth()
                .oauth2(owner.token())
                .put(BASE + "/" + id + "/process/completeProcess")
                .then()
                .statusCode(409)
                .body("detail", equalTo("Process is ended. It cannot be restarted."));
        assertThat(fingerprint(id)).isEqualTo(done);
    }

    @Test
    void anOrganisationIsRecordedByItsNumber() {
        long org = parties.organisation();
        String token = Tokens.organisation(TestParties.orgNumber(org));
        String id =
                given().auth()
                        .oauth2(token)
                        .contentType("application/json")
                        .queryParam("instanceOwnerPartyId", org)
                        .body("{}")
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        // the form (model) is auto-created with the instance
        process(token, id).body("currentTask.userActions.authorized", contains(true, true, true));
        next(token, id, null).then().statusCode(200);
        next(APP_OWNER, id, "{\"action\": \"confirm\"}").then().statusCode(403);
        next(token, id, "{\"action\": \"confirm\"}").then().statusCode(200);
        history(id)
                .body(
                        "processHistory.performedBy",
                        contains(
                                TestParties.orgNumber(org),
                                TestParties.orgNumber(org),
                                TestParties.orgNumber(org),
                                TestParties.orgNumber(org)));
    }
}
