package dev.appinstances.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.appinstances.common.SettableTimeSource;
import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.MultipartBody;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retried creates with an Idempotency-Key create once and answer the same again. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class IdempotentCreateTest {

    static final String BASE = "/ttd/example-app/instances";

    /** Marks this test run's instances, so that counts see nothing of other tests. */
    final String marker = UUID.randomUUID().toString();

    /** A party of this test's own, so that keys and instances never meet another test's. */
    long party;

    String userToken;

    String ownTemplate;

    @BeforeEach
    void ownParty() {
        TestParties.TestUser user = parties.user();
        party = user.partyId();
        userToken = user.token();
        ownTemplate = template(marker);
    }

    String template(String marker) {
        return "{\"instanceOwner\": {\"partyId\": \""
                + party
                + "\"}, \"dataValues\": {\"marker\": \""
                + marker
                + "\"}}";
    }

    long marked() {
        return db.count(
                "select count(*) from instance where data_values->>'marker' = '" + marker + "'");
    }

    @Inject Database db;
    @Inject TestParties parties;
    @Inject SettableTimeSource time;
    @Inject IdempotentCreates creates;

    @AfterEach
    void realTime() {
        time.reset();
    }

    static Response createJson(String token, String key, String body) {
        var request = given().auth().oauth2(token).contentType("application/json").body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post(BASE);
    }

    static String key() {
        return "\"" + UUID.randomUUID() + "\"";
    }

    long keyRows(String key) {
        return db.count(
                "select count(*) from idempotency_key where key = '" + key.replace("\"", "") + "'");
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstResponseAndCreatesNothing() {
        String key = key();
        Response first = createJson(userToken, key, ownTemplate);
        first.then().statusCode(201);
        String id = first.path("id");

        Response again = createJson(userToken, key, ownTemplate);
        again.then()
                .statusCode(201)
                .header("Location", first.header("Location"))
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(marked()).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherRequestIs422AndCreatesNothing() {
        String key = key();
        createJson(userToken, key, ownTemplate).then().statusCode(201);
        createJson(userToken, key, template(UUID.randomUUID().toString()))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:app-instances:problem:idempotency-key-reused"));
        assertThat(marked()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyCreateExactlyOneInstance() throws Exception {
        String key = key();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(
                        pool.submit(
                                (Callable<Response>)
                                        () -> createJson(userToken, key, ownTemplate)));
            }
            Set<String> ids = new HashSet<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertThat(response.statusCode()).isIn(201, 409);
                if (response.statusCode() == 201) {
                    ids.add(response.path("id"));
                } else {
                    assertThat((String) response.path("type"))
                            .isEqualTo("urn:app-instances:problem:idempotency-key-in-use");
                }
            }
            assertThat(ids).hasSize(1);
            assertThat(marked()).isEqualTo(1);
            createJson(userToken, key, ownTemplate)
                    .then()
                    .statusCode(201)
                    .body("id", equalTo(ids.iterator().next()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusedRequestReleasesItsKey() {
        String key = key();
        createJson(userToken, key, "{\"instanceOwner\": {}}").then().statusCode(400);
        assertThat(keyRows(key)).isZero();
        createJson(userToken, key, ownTemplate).then().statusCode(201);
    }

    @Test
    void keysBelongToOneCaller() {
        String key = key();
        String mine =
                createJson(userToken, key, ownTemplate).then().statusCode(201).extract().path("id");
        String owners =
                createJson(Tokens.appOwner(), key, ownTemplate)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        assertThat(owners).isNotEqualTo(mine);
    }

    @Test
    void aMalformedKeyIs400() {
        createJson(userToken, "\"\"", ownTemplate)
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("Idempotency-Key"));
        createJson(userToken, "x".repeat(256), ownTemplate).then().statusCode(400);
    }

    @Test
    void multipartAndDataUploadsReplayToo() {
        String key = key();
        byte[] body =
                new MultipartBody()
                        .json("instance", ownTemplate)
                        .part(
                                "attachment",
                                "a.txt",
                                "text/plain",
                                "hello".getBytes(StandardCharsets.UTF_8))
                        .build();
        Response first =
                given().auth()
                        .oauth2(userToken)
                        .header("Idempotency-Key", key)
                        .contentType(MultipartBody.contentType())
                        .body(body)
                        .post(BASE);
        first.then().statusCode(201);
        Response again =
                given().auth()
                        .oauth2(userToken)
                        .header("Idempotency-Key", key)
                        .contentType(MultipartBody.contentType())
                        .body(body)
                        .post(BASE);
        again.then().statusCode(201).body("id", equalTo(first.path("id")));
        String id = first.path("id");
        assertThat(
                        db.count(
                                "select count(*) from data_element where instance_id = '"
                                        + id.substring(id.indexOf('/') + 1)
                                        + "'"))
                .isEqualTo(2); // the part and the auto-created form

        String uploadKey = key();
        Response element = upload(id, uploadKey, "one");
        element.then().statusCode(201);
        upload(id, uploadKey, "one").then().statusCode(201).body("id", equalTo(element.path("id")));
        upload(id, uploadKey, "two").then().statusCode(422);
        assertThat(
                        db.count(
                                "select count(*) from data_element where instance_id = '"
                                        + id.substring(id.indexOf('/') + 1)
                                        + "'"))
                .isEqualTo(3);
    }

    @Test
    void keysExpireAfterTheWindow() {
        String key = key();
        String first =
                createJson(userToken, key, ownTemplate).then().statusCode(201).extract().path("id");
        time.set(time.now().plus(Duration.ofHours(25)));
        creates.expire().await().atMost(Duration.ofSeconds(10));
        assertThat(keyRows(key)).isZero();
        String second =
                createJson(userToken, key, ownTemplate).then().statusCode(201).extract().path("id");
        assertThat(second).isNotEqualTo(first);
    }

    Response upload(String instanceId, String key, String content) {
        return given().auth()
                .oauth2(userToken)
                .header("Idempotency-Key", key)
                .contentType("text/plain")
                .queryParam("dataType", "attachment")
                .body(content)
                .post(BASE + "/" + instanceId + "/data");
    }
}
