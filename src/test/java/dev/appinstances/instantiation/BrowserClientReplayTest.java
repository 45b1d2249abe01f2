package dev.appinstances.instantiation;

import static dev.appinstances.testsupport.InstanceApi.BASE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.TestParties;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The calls Altinn's browser client (app-frontend-react) makes for one filled-in and confirmed
 * instance, in its order, with what it decides from each answer.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class BrowserClientReplayTest {

    @Inject TestParties parties;

    @Test
    void instantiateFillMoveConfirmAndArchive() {
        TestParties.TestUser user = parties.user();
        String token = user.token();

        // 1. instantiate: no body, no Content-Type, the owner in the query
        String id =
                given().auth()
                        .oauth2(token)
                        .queryParam("instanceOwnerPartyId", user.partyId())
                        .queryParam("language", "nb")
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .body("process.currentTask.elementId", equalTo("Task_1"))
                        .extract()
                        .path("id");

        // 2. the instance, with the form the first task auto-creates
        String form =
                given().auth()
                        .oauth2(token)
                        .get(BASE + "/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("data.find { it.dataType == 'model' }.id");

        // 3. the process on the data task: write authorized, no confirm to offer yet
        given().auth()
                .oauth2(token)
                .get(BASE + "/" + id + "/process")
                .then()
                .statusCode(200)
                .body("currentTask.altinnTaskType", equalTo("data"))
                .body("currentTask.write", equalTo(true))
                .body("currentTask.userActions.find { it.id == 'write' }.authorized", equalTo(true))
                .body("currentTask.userActions.id", not(hasItem("confirm")))
                .body("processTasks.elementId", hasItem("Task_2"));

        // 4. the form data
        given().auth()
                .oauth2(token)
                .contentType("application/xml")
                .body(
                        "<BuildingPermit><property><address>Storgata 1</address></property></BuildingPermit>")
                .put(BASE + "/" + id + "/data/" + form)
                .then()
                .statusCode(201);

        // 5. next: on to the confirmation task
        given().auth()
                .oauth2(token)
                .queryParam("language", "nb")
                .put(BASE + "/" + id + "/process/next")
                .then()
                .statusCode(200)
                .body("currentTask.elementId", equalTo("Task_2"));

        // 6. the process on the confirmation task: the confirm button is enabled
        given().auth()
                .oauth2(token)
                .get(BASE + "/" + id + "/process")
                .then()
                .statusCode(200)
                .body("currentTask.altinnTaskType", equalTo("confirmation"))
                .body(
                        "currentTask.userActions.find { it.id == 'confirm' }.authorized",
                        equalTo(true));

        // 7. confirm
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"action\": \"confirm\"}")
                .queryParam("language", "nb")
                .put(BASE + "/" + id + "/process/next")
                .then()
                .statusCode(200)
                .body("ended", notNullValue());

        // 8. archived, the presentation text kept
        given().auth()
                .oauth2(token)
                .get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .body("status.isArchived", equalTo(true))
                .body("presentationTexts.address", equalTo("Storgata 1"));
    }
}
