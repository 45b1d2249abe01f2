package dev.appinstances.processflow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.TestParties.TestUser;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * autoCreate on a task other than the first: the review app's {@code review} form belongs to
 * Task_2, so it appears when the process enters Task_2, by a move or by completeProcess, and only
 * then.
 */
@QuarkusTest
@TestProfile(LaterTaskAutoCreateTest.ReviewApp.class)
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class LaterTaskAutoCreateTest {

    public static class ReviewApp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("app.config-dir", "src/test/resources/apps/review-app");
        }
    }

    static final String BASE = "/ttd/review-app/instances";

    @Inject TestParties parties;

    TestUser owner;

    @BeforeEach
    void owner() {
        owner = parties.user();
    }

    String bodilessCreate() {
        return given().auth()
                .oauth2(owner.token())
                .queryParam("instanceOwnerPartyId", owner.partyId())
                .post(BASE)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    JsonPath instance(String id) {
        return given().auth()
                .oauth2(owner.token())
                .get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static List<String> types(JsonPath instance) {
        return instance.getList("data.dataType");
    }

    @Test
    void theReviewFormAppearsWhenTheProcessEntersItsTask() {
        String id = bodilessCreate();
        assertThat(types(instance(id)))
                .as("at instantiation: Task_1's form only")
                .containsExactly("model");

        given().auth()
                .oauth2(owner.token())
                .put(BASE + "/" + id + "/process/next")
                .then()
                .statusCode(200)
                .body("currentTask.elementId", equalTo("Task_2"));

        JsonPath entered = instance(id);
        assertThat(types(entered)).containsExactly("model", "review");
        assertThat(entered.getString("data.find { it.dataType == 'review' }.contentType"))
                .isEqualTo("application/xml");
        assertThat(entered.getString("data.find { it.dataType == 'review' }.createdBy"))
                .isEqualTo(String.valueOf(owner.userId()));
        String reviewId = entered.getString("data.find { it.dataType == 'review' }.id");
        String content =
                given().auth()
                        .oauth2(owner.token())
                        .accept("application/xml")
                        .get(BASE + "/" + id + "/data/" + reviewId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(content).as("an empty form from review.schema.json").contains("<Review");
        assertThat(content).doesNotContain("<reviewer>x");
    }

    @Test
    void reenteringTheTaskKeepsItsFormAndAddsNone() {
        String id = bodilessCreate();
        next(id).then().statusCode(200).body("currentTask.elementId", equalTo("Task_2"));
        String first = instance(id).getString("data.find { it.dataType == 'review' }.id");
        next(id).then().statusCode(200).body("currentTask.elementId", equalTo("Task_3"));

        // from the confirmation, the gateway may lead back to the review
        given().auth()
                .oauth2(owner.token())
                .queryParam("elementId", "Task_2")
                .put(BASE + "/" + id + "/process/next")
                .then()
                .statusCode(200)
                .body("currentTask.elementId", equalTo("Task_2"));

        JsonPath again = instance(id);
        assertThat(types(again)).containsExactly("model", "review");
        assertThat(again.getString("data.find { it.dataType == 'review' }.id")).isEqualTo(first);
    }

    io.restassured.response.Response next(String id) {
        return given().auth().oauth2(owner.token()).put(BASE + "/" + id + "/process/next");
    }

    @Test
    void aRefusedMoveCreatesNoForm() {
        String id = bodilessCreate();
        String otherOrg = Tokens.organisation(TestParties.orgNumber(parties.organisation()));
        given().auth()
                .oauth2(otherOrg)
                .put(BASE + "/" + id + "/process/next")
                .then()
                .statusCode(403);

        String form = instance(id).getString("data.find { it.dataType == 'model' }.id");
        given().auth()
                .oauth2(owner.token())
                .delete(BASE + "/" + id + "/data/" + form)
                .then()
                .statusCode(200);
        // Task_1 cannot end without its form (minCount 1): the move fails, and Task_2 is not
        // entered
        given().auth()
                .oauth2(owner.token())
                .put(BASE + "/" + id + "/process/next")
                .then()
                .statusCode(409);

        JsonPath after = instance(id);
        assertThat(types(after)).isEmpty();
        assertThat(after.getString("process.currentTask.elementId")).isEqualTo("Task_1");
    }

    @Test
    void completeProcessEntersEveryTaskOnTheWay() {
        String id = bodilessCreate();
        given().auth()
                .oauth2(owner.token())
                .put(BASE + "/" + id + "/process/completeProcess")
                .then()
                .statusCode(200)
                .body("ended", org.hamcrest.Matchers.notNullValue());

        JsonPath ended = instance(id);
        assertThat(types(ended)).containsExactly("model", "review");
        assertThat(
                        given().auth()
                                .oauth2(owner.token())
                                .get(BASE + "/" + id + "/process/history")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .<String>getList(
                                        "processHistory.findAll { it.eventType == 'process_StartTask' }.elementId"))
                .containsExactly("Task_1", "Task_2", "Task_3");
    }
}
