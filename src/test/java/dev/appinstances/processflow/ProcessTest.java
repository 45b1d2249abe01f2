package dev.appinstances.processflow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ProcessTest {

    static final String BASE = "/ttd/example-app/instances";
    static final String OLA = Tokens.user(1340, 50001340);
    static final String OWNER = Tokens.appOwner();
    static final String OLA_SSN = "01017012345";

    @Inject Database db;

    static String newInstanceWithForm() {
        String id =
                given().auth()
                        .oauth2(OLA)
                        .contentType("application/json")
                        .queryParam("instanceOwnerPartyId", 50001340)
                        .body("{}")
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .body("data.dataType", org.hamcrest.Matchers.contains("model"))
                        .extract()
                        .path("id");
        // the form (model) is auto-created with the instance
        return id;
    }

    static Response next(String token, String id) {
        return given().auth().oauth2(token).put(BASE + "/" + id + "/process/next");
    }

    @Test
    void theProcessMovesTaskByTaskToTheEndAndArchivesTheInstance() {
        String id = newInstanceWithForm();
        given().auth()
                .oauth2(OLA)
                .get(BASE + "/" + id + "/process")
                .then()
                .statusCode(200)
                .body("currentTask.elementId", equalTo("Task_1"))
                .body("currentTask.flow", equalTo(2));
        next(OWNER, id)
                .then()
                .statusCode(200)
                .body("currentTask.elementId", equalTo("Task_2"))
                .body("currentTask.flow", equalTo(3))
                .body("currentTask.altinnTaskType", equalTo("confirmation"))
                .body("currentTask.name", equalTo("Confirm and submit"))
                .body("startEvent", equalTo("StartEvent_1"));
        String ended =
                next(OLA, id)
                        .then()
                        .statusCode(200)
                        .body("currentTask", nullValue())
                        .body("endEvent", equalTo("EndEvent_1"))
                        .extract()
                        .path("ended");
        given().auth()
                .oauth2(OLA)
                .get(BASE + "/" + id)
                .then()
                .body("status.isArchived", equalTo(true))
                .body("status.archived", equalTo(ended))
                .body("process.ended", equalTo(ended))
                .body("data[0].locked", equalTo(true))
                .body("lastChangedBy", equalTo("1340"));
        next(OLA, id)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:app-instances:problem:process-conflict"))
                .body("detail", containsString("has ended"));
        given().auth()
                .oauth2(OLA)
                .get(BASE + "/" + id + "/process/history")
                .then()
                .statusCode(200)
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
                .body("processHistory.performedBy", contains(OLA_SSN, OLA_SSN, "ttd", OLA_SSN))
                .body("processHistory[2].ended", equalTo(ended))
                .body("processHistory[1].started", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aTaskCannotEndBeforeItsDataTypesHaveTheirMinimumCount() {
        String id =
                given().auth()
                        .oauth2(OLA)
                        .contentType("application/json")
                        .queryParam("instanceOwnerPartyId", 50001340)
                        .body("{}")
                        .post(BASE)
                        .then()
                        .extract()
                        .path("id");
        String form =
                given().auth().oauth2(OLA).get(BASE + "/" + id).then().extract().path("data[0].id");
        given().auth().oauth2(OLA).delete(BASE + "/" + id + "/data/" + form).then().statusCode(200);
        String before = db.instanceFingerprint(50001340);
        next(OLA, id)
                .then()
                .statusCode(409)
                .body(
                        "detail",
                        equalTo(
                                "Data type 'model' needs at least 1 data element(s) before the task can end; it has 0"));
        assertThat(db.instanceFingerprint(50001340)).isEqualTo(before);
    }

    @Test
    void anElementIdThatCannotFollowIsRefusedAndOtherPartiesAreForbidden() {
        String id = newInstanceWithForm();
        given().auth()
                .oauth2(OLA)
                .queryParam("elementId", "EndEvent_1")
                .put(BASE + "/" + id + "/process/next")
                .then()
                .statusCode(409)
                .body("detail", equalTo("EndEvent_1 cannot follow Task_1; possible: [Task_2]"));
        given().auth()
                .oauth2(OLA)
                .queryParam("elementId", "Task_2")
                .put(BASE + "/" + id + "/process/next")
                .then()
                .statusCode(200);
        next(Tokens.user(1337, 50001337), id).then().statusCode(403);
    }

    @Test
    void parallelMovesNeverDoubleAdvanceOrLoseAnUpdate() throws Exception {
        String id = newInstanceWithForm();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> next(OLA, id));
            }
            List<Integer> statuses = new ArrayList<>();
            List<Object> flows = new ArrayList<>();
            for (Future<Response> result : pool.invokeAll(calls)) {
                Response response = result.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 200) {
                    flows.add(
                            response.path("currentTask.flow") == null
                                    ? "end"
                                    : response.path("currentTask.flow"));
                }
            }
            assertThat(statuses).allMatch(status -> status == 200 || status == 409);
            long moves = statuses.stream().filter(status -> status == 200).count();
            assertThat(moves).isBetween(1L, 2L);
            assertThat(flows).doesNotHaveDuplicates();
            var state =
                    given().auth().oauth2(OLA).get(BASE + "/" + id + "/process").then().extract();
            if (moves == 1) {
                assertThat((Integer) state.path("currentTask.flow")).isEqualTo(3);
            } else {
                assertThat((String) state.path("endEvent")).isEqualTo("EndEvent_1");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentSubstatusAndDeleteBothLandOrTheLoserIsTold() throws Exception {
        String id = newInstanceWithForm();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Response> substatus =
                    pool.submit(
                            () ->
                                    given().auth()
                                            .oauth2(OWNER)
                                            .contentType("application/json")
                                            .body("{\"label\":\"seen\"}")
                                            .put(BASE + "/" + id + "/substatus"));
            Future<Response> delete =
                    pool.submit(() -> given().auth().oauth2(OLA).delete(BASE + "/" + id));
            int substatusStatus = substatus.get().statusCode();
            int deleteStatus = delete.get().statusCode();
            assertThat(List.of(substatusStatus, deleteStatus)).allMatch(s -> s == 200 || s == 409);
            var instance = given().auth().oauth2(OWNER).get(BASE + "/" + id).then().extract();
            assertThat(instance.<String>path("status.substatus.label"))
                    .isEqualTo(substatusStatus == 200 ? "seen" : null);
            assertThat(instance.<Boolean>path("status.isSoftDeleted"))
                    .isEqualTo(deleteStatus == 200);
        } finally {
            pool.shutdownNow();
        }
    }
}
