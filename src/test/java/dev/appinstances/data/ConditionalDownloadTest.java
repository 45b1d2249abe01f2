package dev.appinstances.data;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.RawHttp;
import dev.appinstances.testsupport.RawHttp.Answer;
import dev.appinstances.testsupport.TestParties;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A download is cacheable the way its ETag promises: If-None-Match with the content's ETag is 304
 * without a body, on the App API and Storage paths alike; and the plain filename is ASCII.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ConditionalDownloadTest {

    static final String BASE = "/ttd/example-app/instances";

    @TestHTTPResource URL url;
    @Inject TestParties parties;

    String token;
    String instance;
    String data;
    String etag;

    @BeforeEach
    void elementWithANonAsciiFilename() {
        TestParties.TestUser user = parties.user();
        token = user.token();
        instance =
                given().auth()
                        .oauth2(token)
                        .contentType("application/json")
                        .queryParam("instanceOwnerPartyId", user.partyId())
                        .body("{}")
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        data =
                given().auth()
                        .oauth2(token)
                        .contentType("text/plain")
                        .header(
                                "Content-Disposition",
                                "attachment; filename*=UTF-8''r%C3%A6port%20%22final%22.txt")
                        .queryParam("dataType", "attachment")
                        .body("hello world")
                        .post(BASE + "/" + instance + "/data")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        etag = download(BASE + "/" + instance + "/data/" + data, null).header("etag");
    }

    Answer download(String path, String ifNoneMatch) {
        String request =
                "GET "
                        + path
                        + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + token
                        + "\r\n"
                        + (ifNoneMatch == null ? "" : "If-None-Match: " + ifNoneMatch + "\r\n")
                        + "Connection: close\r\n\r\n";
        try {
            return RawHttp.exchange(url.getPort(), request);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theContentsETagGives304WithoutABodyOnBothPaths() {
        for (String path :
                new String[] {
                    BASE + "/" + instance + "/data/" + data,
                    "/storage/api/v1/instances/" + instance + "/data/" + data
                }) {
            Answer answer = download(path, etag);
            assertThat(answer.status()).as(path).isEqualTo(304);
            assertThat(answer.header("etag")).isEqualTo(etag);
            assertThat(answer.header("transfer-encoding")).isNull();
            assertThat(answer.header("content-disposition")).isNull();
            assertThat(answer.body()).isEmpty();
        }
    }

    @Test
    void aWeakOrListedETagMatchesAndAnotherDoesNot() {
        String path = BASE + "/" + instance + "/data/" + data;
        assertThat(download(path, "\"other\", W/" + etag).status()).isEqualTo(304);
        assertThat(download(path, "*").status()).isEqualTo(304);
        Answer other = download(path, "\"0000\"");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.text()).isEqualTo("hello world");
    }

    @Test
    void thePlainFilenameIsAsciiAndFilenameStarCarriesTheRealOne() {
        given().auth()
                .oauth2(token)
                .get(BASE + "/" + instance + "/data/" + data)
                .then()
                .statusCode(200)
                .header(
                        "Content-Disposition",
                        equalTo(
                                "attachment; filename=\"r_port _final_.txt\";"
                                        + " filename*=UTF-8''r%C3%A6port%20%22final%22.txt"))
                .header("Transfer-Encoding", nullValue());
    }
}
