package dev.appinstances.instantiation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An app that copies attachments but leaves its form data type out of copies. */
@QuarkusTest
@TestProfile(CopySettingsTest.CopyingApp.class)
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class CopySettingsTest {

    public static class CopyingApp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("app.config-dir", "src/test/resources/apps/copying-app");
        }
    }

    static final String BASE = "/ttd/copying-app/instances";
    static final String OLA = Tokens.user(1340, 50001340);

    @Test
    void excludedDataTypesAreSkippedAndAttachmentsCopiedWhenIncluded() {
        String source =
                given().auth()
                        .oauth2(OLA)
                        .contentType("application/json")
                        .body("{\"instanceOwner\":{\"partyId\":\"50001340\"}}")
                        .post(BASE + "/create")
                        .then()
                        .statusCode(201)
                        .body("data.dataType", contains("model"))
                        .extract()
                        .path("id");
        for (String name : new String[] {"a.txt", "b.txt"}) {
            given().auth()
                    .oauth2(OLA)
                    .contentType("text/plain")
                    .header("Content-Disposition", "attachment; filename=" + name)
                    .queryParam("dataType", "attachment")
                    .body("content of " + name)
                    .post(BASE + "/" + source + "/data")
                    .then()
                    .statusCode(201);
        }
        given().auth()
                .oauth2(OLA)
                .put(BASE + "/" + source + "/process/next")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(OLA)
                .put(BASE + "/" + source + "/process/next")
                .then()
                .statusCode(200);

        var copy =
                given().auth()
                        .oauth2(OLA)
                        .contentType("application/json")
                        .body(
                                "{\"instanceOwner\":{\"partyId\":\"50001340\"},\"sourceInstanceId\":\""
                                        + source
                                        + "\"}")
                        .post(BASE + "/create")
                        .then()
                        .statusCode(201)
                        // model is excluded from the copy, so entering Task_1 auto-creates it
                        .body("data", hasSize(3))
                        .body("data.dataType", contains("attachment", "attachment", "model"))
                        .body("data.filename", contains("a.txt", "b.txt", null))
                        .body("data.locked", contains(false, false, false))
                        .extract();
        String copyId = copy.path("id");
        String firstData = copy.path("data[0].id");
        given().auth()
                .oauth2(OLA)
                .get(BASE + "/" + copyId + "/data/" + firstData)
                .then()
                .statusCode(200)
                .body(equalTo("content of a.txt"));
    }
}
