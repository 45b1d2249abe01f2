package dev.appinstances.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Calls of the instance endpoints, so that tests read as the behaviour they prove. */
public final class InstanceApi {

    public static final String BASE = "/ttd/example-app/instances";

    private InstanceApi() {}

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    public static ValidatableResponse create(String token, String template) {
        return as(token).contentType("application/json").body(template).post(BASE).then();
    }

    public static ValidatableResponse createFor(String token, long partyId) {
        return as(token)
                .contentType("application/json")
                .queryParam("instanceOwnerPartyId", partyId)
                .body("{}")
                .post(BASE)
                .then();
    }

    /**
     * Creates an instance for the party as Altinn's browser client does (no body, no Content-Type)
     * and returns the 201's document.
     */
    public static JsonPath createdBodiless(String token, long partyId) {
        return as(token)
                .queryParam("instanceOwnerPartyId", partyId)
                .post(BASE)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    public static ValidatableResponse get(String token, String instanceId) {
        return as(token).get(BASE + "/" + instanceId).then();
    }

    /** Creates an instance for the party as the app owner and returns its id. */
    public static String existingInstance(String appOwnerToken, long partyId) {
        return createFor(appOwnerToken, partyId).statusCode(201).extract().path("id");
    }
}
