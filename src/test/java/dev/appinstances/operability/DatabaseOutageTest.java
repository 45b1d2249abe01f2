package dev.appinstances.operability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.equalTo;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Operators rely on readiness following the database while liveness does not flap with it. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class DatabaseOutageTest {

    static final String INSTANCES = "/ttd/example-app/instances";

    /** Injected by {@link EmbeddedPostgresResource}: false stops the database, true restarts it. */
    Consumer<Boolean> databaseSwitch;

    @Test
    void readinessGoesDownWithTheDatabaseAndComesBackByItself() {
        assumeThat(databaseSwitch).as("only with the embedded database").isNotNull();
        given().get("/q/health/ready").then().statusCode(200);
        try {
            databaseSwitch.accept(false);
            awaitReadiness(503, "DOWN");
            given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            databaseSwitch.accept(true);
        }
        awaitReadiness(200, "UP");
        given().get("/ttd/example-app/api/v1/applicationmetadata").then().statusCode(200);
    }

    @Test
    void requestsWhileTheDatabaseIsAwayAre503WithRetryAfterAndSucceedAfterwards() {
        assumeThat(databaseSwitch).as("only with the embedded database").isNotNull();
        String owner = Tokens.appOwner();
        String id =
                given().auth()
                        .oauth2(owner)
                        .contentType("application/json")
                        .queryParam("instanceOwnerPartyId", 50001337)
                        .body("{}")
                        .post(INSTANCES)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        try {
            databaseSwitch.accept(false);
            awaitReadiness(503, "DOWN");
            unavailable(given().auth().oauth2(owner).get(INSTANCES + "/" + id));
            unavailable(
                    given().auth()
                            .oauth2(owner)
                            .queryParam("appId", "ttd/example-app")
                            .get("/storage/api/v1/instances"));
            unavailable(
                    given().auth()
                            .oauth2(owner)
                            .contentType("application/json")
                            .queryParam("instanceOwnerPartyId", 50001337)
                            .body("{}")
                            .post(INSTANCES));
            unavailable(
                    given().auth()
                            .oauth2(owner)
                            .contentType("text/plain")
                            .queryParam("dataType", "attachment")
                            .body("content")
                            .post(INSTANCES + "/" + id + "/data"));
        } finally {
            databaseSwitch.accept(true);
        }
        awaitReadiness(200, "UP");
        given().auth().oauth2(owner).get(INSTANCES + "/" + id).then().statusCode(200);
    }

    private static void unavailable(Response response) {
        response.then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:app-instances:problem:database-unavailable"));
    }

    private static void awaitReadiness(int status, String state) {
        Database.awaitTrue(
                "readiness " + status,
                () -> given().get("/q/health/ready").statusCode() == status,
                Duration.ofSeconds(30));
        given().get("/q/health/ready").then().statusCode(status).body("status", equalTo(state));
    }
}
