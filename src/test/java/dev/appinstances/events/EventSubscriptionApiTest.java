package dev.appinstances.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The subscription API: the app owner only, checked bodies, nothing stored on a refusal. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class EventSubscriptionApiTest {

    static final String SUBSCRIPTIONS = AppEventDeliveryTest.SUBSCRIPTIONS;
    static final String OWNER = Tokens.appOwner();
    static final String GOOD = "{\"endPoint\": \"http://127.0.0.1:9/hook\"}";

    @Inject Database db;

    static ValidatableResponse create(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post(SUBSCRIPTIONS)
                .then();
    }

    /** The app owner with only the read scope. */
    static String ownerReadOnly() {
        return Jwt.issuer(Tokens.ISSUER)
                .subject("test")
                .issuedAt(Instant.now())
                .expiresIn(600)
                .claim("urn:altinn:org", Tokens.APP_ORG)
                .claim("urn:altinn:orgNumber", Tokens.APP_ORG_NUMBER)
                .claim("urn:altinn:authlevel", "3")
                .claim("scope", "altinn:serviceowner/instances.read")
                .sign();
    }

    @Test
    void theAppOwnerCreatesListsGetsAndDeletes() {
        ValidatableResponse created =
                create(
                                OWNER,
                                "{\"EndPoint\": \"http://127.0.0.1:9/hook\", \"typeFilter\":"
                                        + " \"app.instance.process.completed\", \"sourceFilter\":"
                                        + " \"http://localhost:8080/ttd/example-app\"}")
                        .statusCode(201)
                        .contentType("application/json")
                        .body("endPoint", equalTo("http://127.0.0.1:9/hook"))
                        .body("typeFilter", equalTo("app.instance.process.completed"))
                        .body("subjectFilter", nullValue())
                        .body("sourceFilter", equalTo("http://localhost:8080/ttd/example-app"))
                        .body("consumer", equalTo("/org/ttd"))
                        .body("createdBy", equalTo("/org/ttd"))
                        .body("secret", containsString("whsec_"));
        long id = created.extract().jsonPath().getLong("id");

        given().auth()
                .oauth2(ownerReadOnly())
                .get(SUBSCRIPTIONS + "/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo((int) id))
                .body("$", not(org.hamcrest.Matchers.hasKey("secret")));
        given().auth()
                .oauth2(OWNER)
                .get(SUBSCRIPTIONS)
                .then()
                .statusCode(200)
                .body("subscriptions.id", hasItem((int) id))
                .body("subscriptions.secret", not(hasItem(org.hamcrest.Matchers.notNullValue())));
        given().auth()
                .oauth2(OWNER)
                .get(SUBSCRIPTIONS + "/" + id + "/deliveries")
                .then()
                .statusCode(200)
                .body("count", equalTo(1))
                .body("deliveries[0].type", equalTo("platform.events.validatesubscription"));

        given().auth().oauth2(OWNER).delete(SUBSCRIPTIONS + "/" + id).then().statusCode(204);
        given().auth()
                .oauth2(OWNER)
                .get(SUBSCRIPTIONS + "/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:app-instances:problem:subscription-not-found"));
        given().auth().oauth2(OWNER).delete(SUBSCRIPTIONS + "/" + id).then().statusCode(404);
        given().auth()
                .oauth2(OWNER)
                .get(SUBSCRIPTIONS + "/" + id + "/deliveries")
                .then()
                .statusCode(404);
        assertThat(db.count("select count(*) from event_delivery where subscription_id = " + id))
                .isZero();
    }

    @Test
    void onlyTheAppOwnerWithTheRightScope() {
        Database.Marker marker = db.since();
        for (String token :
                new String[] {Tokens.user(1337, 50001337), Tokens.organisation("310000001")}) {
            create(token, GOOD)
                    .statusCode(403)
                    .body("type", equalTo("urn:app-instances:problem:app-owner-only"));
            given().auth().oauth2(token).get(SUBSCRIPTIONS).then().statusCode(403);
            given().auth().oauth2(token).get(SUBSCRIPTIONS + "/1").then().statusCode(403);
            given().auth().oauth2(token).delete(SUBSCRIPTIONS + "/1").then().statusCode(403);
            given().auth()
                    .oauth2(token)
                    .get(SUBSCRIPTIONS + "/1/deliveries")
                    .then()
                    .statusCode(403);
        }
        create(ownerReadOnly(), GOOD)
                .statusCode(403)
                .body("type", equalTo("urn:app-instances:problem:scope-required"));
        given().auth().oauth2(ownerReadOnly()).get(SUBSCRIPTIONS).then().statusCode(200);
        given().get(SUBSCRIPTIONS).then().statusCode(401);
        assertThat(subscriptionsSince(marker)).isZero();
    }

    long subscriptionsSince(Database.Marker marker) {
        return db.count("select count(*) from event_subscription where " + marker.written());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{}|endPoint is required",
                "{\"endPoint\": \"\"}|endPoint is required",
                "{\"endPoint\": \"not a url\"}|endPoint is not a URL",
                "{\"endPoint\": \"/relative\"}|endPoint must be an absolute http(s) URL",
                "{\"endPoint\": \"ftp://example.com/x\"}|endPoint must be an absolute http(s) URL",
                "{\"endPoint\": \"https://u:p@example.com/x\"}|endPoint must have no user info",
                "{\"endPoint\": \"http://127.0.0.1:9/\", \"typeFilter\": \" \"}|typeFilter must be",
                "{\"endPoint\": \"http://127.0.0.1:9/\", \"subjectFilter\": \"\"}|subjectFilter must be",
                "{\"endPoint\": \"http://127.0.0.1:9/\", \"sourceFilter\": \"x\"}|sourceFilter must be",
                "{\"endPoint\": 7}|endPoint",
                "[]|must be a JSON object",
            })
    void aBadBodyIs400NamingTheFieldAndStoresNothing(String body, String detail) {
        Database.Marker marker = db.since();
        create(OWNER, body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString(detail));
        assertThat(subscriptionsSince(marker)).isZero();
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        given().auth()
                .oauth2(OWNER)
                .contentType("text/plain")
                .body(GOOD)
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(415);
    }
}
