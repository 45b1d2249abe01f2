package dev.appinstances.operability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.appinstances.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * As in production: health and metrics on the management port, the API port serving only the API
 * and its description.
 */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.AsInProduction.class)
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ManagementInterfaceTest {

    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.management.enabled", "true", "quarkus.management.test-port", "0");
        }
    }

    /** The management interface's root ({@code /q}). */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() {
        given().get(management + "health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().get(management + "health/live").then().statusCode(200);

        for (String path :
                new String[] {
                    "/q/metrics",
                    "/q/health",
                    "/q/health/ready",
                    "/dibk/%2e%2e/q/metrics",
                    "/ttd/example-app/%2e%2e/%2e%2e/q/metrics"
                }) {
            given().urlEncodingEnabled(false)
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        String metrics =
                given().get(management + "metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("app_requests_rejected_total").doesNotContain("Exception");
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/ttd/example-app/api/v1/applicationmetadata").then().statusCode(200);
    }
}
