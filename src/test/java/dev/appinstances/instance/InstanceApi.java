package dev.appinstances.instance;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Calls of the instance endpoints, so that tests read as the behaviour they prove. */
final class InstanceApi {

    static final String BASE = "/ttd/example-app/instances";

    private InstanceApi() {}

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    static ValidatableResponse create(String token, String template) {
        return as(token).contentType("application/json").body(template).post(BASE).then();
    }

    static ValidatableResponse createFor(String token, long partyId) {
        return as(token)
                .contentType("application/json")
                .queryParam("instanceOwnerPartyId", partyId)
                .body("{}")
                .post(BASE)
                .then();
    }

    static ValidatableResponse get(String token, String instanceId) {
        return as(token).get(BASE + "/" + instanceId).then();
    }

    /** Creates an instance for the party as the app owner and returns its id. */
    static String existingInstance(String appOwnerToken, long partyId) {
        return createFor(appOwnerToken, partyId).statusCode(201).extract().path("id");
    }
}
