package dev.appinstances.operability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.RawHttp;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A caller must not be able to mint metric series: a refused request to a path no endpoint serves
 * is counted without its path, so random paths cannot grow the scrape without bound.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class MetricCardinalityTest {

    @TestHTTPResource URL url;

    @Test
    void refusedRequestsToUnservedPathsDoNotBecomeUriTags() throws Exception {
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        assertThat(
                        RawHttp.exchange(
                                        url.getPort(),
                                        "GET /"
                                                + marker
                                                + "/%ZZ HTTP/1.1\r\nHost: localhost\r\n\r\n")
                                .status())
                .isEqualTo(400);
        given().get("/" + marker + "/" + "x".repeat(9000)).then().statusCode(414);
        given().get("/" + marker + "/nothing").then().statusCode(404);

        String metrics = given().accept("text/plain").get("/q/metrics").asString();

        assertThat(metrics).contains("http_server_requests_seconds_count{");
        assertThat(metrics).doesNotContain(marker);
    }
}
