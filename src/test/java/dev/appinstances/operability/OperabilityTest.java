package dev.appinstances.operability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.Metrics;
import dev.appinstances.testsupport.MultipartBody;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What operators and API consumers rely on besides the API itself. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class OperabilityTest {

    @Test
    void healthProbesAreUpWithTheDatabaseCheckInReadiness() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL connections")));
    }

    @Test
    void metricsArePrometheusText() {
        given().get("/ttd/example-app/api/v1/applicationmetadata").then().statusCode(200);
        given().accept("text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentsEveryEndpointWithErrorResponses() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/{org}/{app}/instances"))
                .body(
                        "paths",
                        hasKey("/{org}/{app}/instances/{instanceOwnerPartyId}/{instanceGuid}"))
                .body("paths", hasKey("/{org}/{app}/api/v1/applicationmetadata"))
                .body("paths.'/{org}/{app}/instances'.post.responses", hasKey("201"))
                .body("paths.'/{org}/{app}/instances'.post.responses", hasKey("400"))
                .body("paths.'/{org}/{app}/instances'.post.responses", hasKey("401"))
                .body("paths.'/{org}/{app}/instances'.post.responses", hasKey("403"))
                .body(
                        "paths.'/{org}/{app}/instances'.post.requestBody.content.'application/json'.examples",
                        notNullValue())
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", hasKey("Instance"))
                .body("components.securitySchemes", hasKey("jwt"));
    }

    @Test
    void businessMetricsCountCreatesUploadsAndRejections() {
        String token = Tokens.user(1337, 50001337);
        byte[] body =
                new MultipartBody()
                        .part("attachment", "a.txt", "text/plain", "hello".getBytes())
                        .build();
        Metrics before = Metrics.scrape();
        given().auth()
                .oauth2(token)
                .contentType(MultipartBody.contentType())
                .queryParam("instanceOwnerPartyId", 50001337)
                .body(body)
                .post("/ttd/example-app/instances")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(token)
                .queryParam("instanceOwnerPartyId", 50001340)
                .post("/ttd/example-app/instances")
                .then()
                .statusCode(403);
        Metrics after = Metrics.scrape();
        // other test classes count into the same registry: only the growth is this test's
        assertThat(
                        after.since(
                                before,
                                "app_instances_total",
                                "operation=\"create-multipart\"",
                                "outcome=\"ok\""))
                .isEqualTo(1);
        assertThat(
                        after.since(
                                before,
                                "app_instances_total",
                                "operation=\"create\"",
                                "outcome=\"403\""))
                .isEqualTo(1);
        assertThat(
                        after.since(
                                before,
                                "app_requests_rejected_total",
                                "status=\"403\"",
                                "type=\"access-denied\""))
                .isEqualTo(1);
        assertThat(after.since(before, "app_multipart_received_bytes_total"))
                .isEqualTo(body.length);
        assertThat(after.since(before, "app_multipart_parts_total", "part=\"attachment\""))
                .isEqualTo(1);
        // the attachment and the auto-created empty form
        int emptyForm =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><BuildingPermit/>"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        .length;
        assertThat(after.since(before, "app_data_element_size_bytes_count")).isEqualTo(2);
        assertThat(after.since(before, "app_data_element_size_bytes_sum")).isEqualTo(5 + emptyForm);
        assertThat(after.text()).contains("sql_pool_active");
    }

    @Test
    void everyResponseCarriesARequestId() {
        given().header("X-Request-Id", "trace-42")
                .get("/ttd/example-app/api/v1/applicationmetadata")
                .then()
                .header("X-Request-Id", "trace-42");
        given().get("/ttd/example-app/api/v1/applicationmetadata")
                .then()
                .header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "bad id with spaces")
                .get("/ttd/example-app/api/v1/applicationmetadata")
                .then()
                .header("X-Request-Id", org.hamcrest.Matchers.not("bad id with spaces"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void anUnknownPathIsAProblemDocument() {
        given().get("/ttd/example-app/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
