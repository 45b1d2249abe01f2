package dev.appinstances.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every link the service hands out can be followed, with the same rights as the App API. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class SelfLinksTest {

    static final String BASE = "/ttd/example-app/instances";
    static final String SOPHIE = Tokens.user(1337, 50001337);

    static String path(String link) {
        return URI.create(link).getRawPath();
    }

    @Test
    void theInstanceAndDataLinksOfBothApisResolve() {
        String id =
                given().auth()
                        .oauth2(SOPHIE)
                        .contentType("application/json")
                        .queryParam("instanceOwnerPartyId", 50001337)
                        .body("{}")
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        JsonPath element =
                given().auth()
                        .oauth2(SOPHIE)
                        .contentType("text/plain")
                        .queryParam("dataType", "attachment")
                        .body("content")
                        .post(BASE + "/" + id + "/data")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
        JsonPath instance =
                given().auth()
                        .oauth2(SOPHIE)
                        .get(BASE + "/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();

        given().auth()
                .oauth2(SOPHIE)
                .get(path(instance.getString("selfLinks.apps")))
                .then()
                .statusCode(200);
        Map<String, Object> storage =
                given().auth()
                        .oauth2(SOPHIE)
                        .get(path(instance.getString("selfLinks.platform")))
                        .then()
                        .statusCode(200)
                        .body("id", equalTo(id))
                        .body("status.readStatus", equalTo("Read"))
                        .body("data[1].id", equalTo(element.getString("id")))
                        .extract()
                        .jsonPath()
                        .getMap("");
        assertThat(storage)
                .doesNotContainValue(null)
                .doesNotContainKeys("dueBefore", "completeConfirmations");

        for (String link :
                new String[] {
                    element.getString("selfLinks.apps"), element.getString("selfLinks.platform")
                }) {
            given().auth()
                    .oauth2(SOPHIE)
                    .get(path(link))
                    .then()
                    .statusCode(200)
                    .body(equalTo("content"));
        }
    }

    @Test
    void storagePathsNeedTheSameRights() {
        String id =
                given().auth()
                        .oauth2(SOPHIE)
                        .contentType("application/json")
                        .queryParam("instanceOwnerPartyId", 50001337)
                        .body("{}")
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        String ola = Tokens.user(1340, 50001340);
        given().auth().oauth2(ola).get("/storage/api/v1/instances/" + id).then().statusCode(403);
        given().get("/storage/api/v1/instances/" + id).then().statusCode(401);
        given().auth()
                .oauth2(SOPHIE)
                .get("/storage/api/v1/instances/50001337/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404);
    }
}
