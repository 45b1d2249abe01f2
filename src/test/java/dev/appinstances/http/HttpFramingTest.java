package dev.appinstances.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.RawHttp;
import dev.appinstances.testsupport.RawHttp.Answer;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What goes over the wire, read with a raw socket: every response framed once (Content-Length or
 * chunked, never both), and the HTTP layer's own refusals as problem+json.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class HttpFramingTest {

    static final String BASE = "/ttd/example-app/instances";
    static final String OWNER = Tokens.appOwner();

    @TestHTTPResource URL url;
    String instance;
    String data;

    @BeforeEach
    void instanceWithContent() {
        instance =
                given().auth()
                        .oauth2(OWNER)
                        .contentType("application/json")
                        .queryParam("instanceOwnerPartyId", 50001337)
                        .body("{}")
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        data =
                given().auth()
                        .oauth2(OWNER)
                        .contentType("text/plain")
                        .header("Content-Disposition", "attachment; filename=\"a.txt\"")
                        .queryParam("dataType", "attachment")
                        .body("0123456789".repeat(1000))
                        .post(BASE + "/" + instance + "/data")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
    }

    Answer send(String request) throws Exception {
        return RawHttp.exchange(url.getPort(), request);
    }

    String get(String path, String... headers) {
        StringBuilder request =
                new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        request.append("Authorization: Bearer ").append(OWNER).append("\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return request.append("Connection: close\r\n\r\n").toString();
    }

    static void framedOnce(Answer answer) {
        assertThat(answer).isNotNull();
        boolean length = answer.header("content-length") != null;
        boolean chunked = answer.header("transfer-encoding") != null;
        assertThat(length && chunked)
                .as("Content-Length and Transfer-Encoding together: " + answer.headers())
                .isFalse();
        assertThat(answer.all("content-length")).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void downloadsAreFramedByTheirLength() throws Exception {
        String path = BASE + "/" + instance + "/data/" + data;
        Answer whole = send(get(path));
        framedOnce(whole);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.header("content-length")).isEqualTo("10000");
        assertThat(whole.text()).isEqualTo("0123456789".repeat(1000));

        Answer part = send(get(path, "Range: bytes=10-19"));
        framedOnce(part);
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("content-length")).isEqualTo("10");
        assertThat(part.text()).isEqualTo("0123456789");

        Answer head = send(get(path).replaceFirst("GET", "HEAD"));
        framedOnce(head);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("content-length")).isEqualTo("10000");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void documentsAndProblemsAreFramedOnce() throws Exception {
        framedOnce(send(get(BASE + "/" + instance)));
        framedOnce(send(get(BASE + "/50001337/active")));
        framedOnce(send(get(BASE + "/" + instance + "/data/" + java.util.UUID.randomUUID())));
        framedOnce(send(get("/q/openapi")));
    }

    @Test
    void aRequestWithoutHostIsAProblem() throws Exception {
        Answer answer = send("GET /ttd/example-app/api/v1/applicationmetadata HTTP/1.1\r\n\r\n");
        framedOnce(answer);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        assertThat(answer.text()).contains("\"status\":400").doesNotContain("stack");
    }

    @Test
    void aRequestTargetOverTheLimitIs414Problem() throws Exception {
        Answer answer =
                send(get("/ttd/example-app/api/v1/applicationmetadata?x=" + "a".repeat(9000)));
        framedOnce(answer);
        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        assertThat(answer.text()).contains("urn:app-instances:problem:uri-too-long");
    }

    @Test
    void headersOverTheLimitAre431Problem() throws Exception {
        Answer answer =
                send(
                        get(
                                "/ttd/example-app/api/v1/applicationmetadata",
                                "X-Big: " + "b".repeat(30000)));
        framedOnce(answer);
        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        assertThat(answer.text()).contains("urn:app-instances:problem:headers-too-large");
    }

    @Test
    void aBrokenChunkSizeIsAClientError() throws Exception {
        for (String size : new String[] {"zz", "ffffffffffffffff"}) {
            String request =
                    "POST "
                            + BASE
                            + "/"
                            + instance
                            + "/data?dataType=attachment HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer "
                            + OWNER
                            + "\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "5\r\nhello\r\n"
                            + size
                            + "\r\nxyz\r\n0\r\n\r\n";
            Answer answer =
                    RawHttp.exchange(
                            url.getPort(), request.getBytes(StandardCharsets.ISO_8859_1), false);
            if (answer != null) {
                framedOnce(answer);
                assertThat(answer.status()).as(size).isBetween(400, 499);
                assertThat(answer.header("content-type")).startsWith("application/problem+json");
            }
        }
    }
}
