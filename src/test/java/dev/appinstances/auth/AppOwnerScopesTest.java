package dev.appinstances.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app owner reads with {@code altinn:serviceowner/instances.read} and writes with {@code
 * .write}; without the scope it gets 403 naming it, and nothing changes.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class AppOwnerScopesTest {

    static final String BASE = "/ttd/example-app/instances";
    static final String READ = "altinn:serviceowner/instances.read";
    static final String WRITE = "altinn:serviceowner/instances.write";
    static final String READ_ONLY = owner(READ);
    static final String WRITE_ONLY = owner(WRITE);

    @Inject Database db;
    String id;
    String dataId;

    static String owner(String scopes) {
        return Jwt.issuer(Tokens.ISSUER)
                .subject("test")
                .issuedAt(Instant.now())
                .expiresIn(600)
                .claim("urn:altinn:org", Tokens.APP_ORG)
                .claim("urn:altinn:orgNumber", Tokens.APP_ORG_NUMBER)
                .claim("urn:altinn:authlevel", "3")
                .claim("scope", scopes)
                .sign();
    }

    @BeforeEach
    void instanceWithData() {
        String both = Tokens.appOwner();
        id =
                given().auth()
                        .oauth2(both)
                        .contentType("application/json")
                        .queryParam("instanceOwnerPartyId", 50001337)
                        .body("{}")
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        dataId =
                given().auth()
                        .oauth2(both)
                        .contentType("text/plain")
                        .queryParam("dataType", "attachment")
                        .body("x")
                        .post(BASE + "/" + id + "/data")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
    }

    String fingerprint() {
        String guid = id.substring(id.indexOf('/') + 1);
        return db.count("select version from instance where id = '" + guid + "'")
                + "/"
                + db.count("select count(*) from data_element where instance_id = '" + guid + "'");
    }

    static void scopeRequired(Response response, String scope) {
        response.then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:app-instances:problem:scope-required"))
                .body("detail", containsString(scope));
    }

    @Test
    void withoutTheWriteScopeNoWriteGoesThroughAndNothingChanges() {
        String before = fingerprint();
        String instance = BASE + "/" + id;
        Function<String, io.restassured.specification.RequestSpecification> as =
                token -> given().auth().oauth2(token);
        scopeRequired(
                as.apply(READ_ONLY)
                        .contentType("application/json")
                        .queryParam("instanceOwnerPartyId", 50001337)
                        .body("{}")
                        .post(BASE),
                WRITE);
        scopeRequired(
                as.apply(READ_ONLY)
                        .contentType("application/json")
                        .body("{\"label\": \"x\"}")
                        .put(instance + "/substatus"),
                WRITE);
        scopeRequired(as.apply(READ_ONLY).post(instance + "/complete"), WRITE);
        scopeRequired(as.apply(READ_ONLY).delete(instance), WRITE);
        scopeRequired(as.apply(READ_ONLY).put(instance + "/undelete"), WRITE);
        scopeRequired(as.apply(READ_ONLY).put(instance + "/process/next"), WRITE);
        scopeRequired(
                as.apply(READ_ONLY)
                        .contentType("text/plain")
                        .queryParam("dataType", "attachment")
                        .body("y")
                        .post(instance + "/data"),
                WRITE);
        scopeRequired(
                as.apply(READ_ONLY)
                        .contentType("text/plain")
                        .body("y")
                        .put(instance + "/data/" + dataId),
                WRITE);
        scopeRequired(as.apply(READ_ONLY).delete(instance + "/data/" + dataId), WRITE);
        assertThat(fingerprint()).isEqualTo(before);

        as.apply(READ_ONLY).get(instance).then().statusCode(200);
        as.apply(READ_ONLY).get(instance + "/data/" + dataId).then().statusCode(200);
        as.apply(READ_ONLY).get(instance + "/process").then().statusCode(200);
        as.apply(READ_ONLY).get(BASE + "/50001337/active").then().statusCode(200);
    }

    @Test
    void withoutTheReadScopeNoReadGoesThroughButWritesDo() {
        String instance = BASE + "/" + id;
        scopeRequired(given().auth().oauth2(WRITE_ONLY).get(instance), READ);
        scopeRequired(given().auth().oauth2(WRITE_ONLY).get(instance + "/data/" + dataId), READ);
        scopeRequired(given().auth().oauth2(WRITE_ONLY).get(instance + "/process"), READ);
        scopeRequired(given().auth().oauth2(WRITE_ONLY).get(BASE + "/50001337/active"), READ);
        given().auth()
                .oauth2(WRITE_ONLY)
                .contentType("application/json")
                .body("{\"label\": \"received\"}")
                .put(instance + "/substatus")
                .then()
                .statusCode(200)
                .body("status.substatus.label", equalTo("received"));
    }
}
