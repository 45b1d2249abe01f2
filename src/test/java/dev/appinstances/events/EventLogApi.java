package dev.appinstances.events;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.Map;

/** Calls of the event log endpoints, for the tests of this package. */
final class EventLogApi {

    static final String APP = "/ttd/example-app/instances/";
    static final String STORAGE = "/storage/api/v1/instances/";

    private EventLogApi() {}

    /** The Storage path's listing with the parameters. */
    static ValidatableResponse storage(String token, String id, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).get(STORAGE + id + "/events").then();
    }

    static ValidatableResponse app(String token, String id, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).get(APP + id + "/events").then();
    }

    /** Every event of the instance, oldest first, as the Storage path lists them on one page. */
    static JsonPath all(String token, String id) {
        return storage(token, id, Map.of()).statusCode(200).extract().jsonPath();
    }

    /** A full URL as the service writes it in self and next, as a path rest-assured can call. */
    static String local(String url) {
        return url.substring(url.indexOf("/", url.indexOf("//") + 2));
    }
}
