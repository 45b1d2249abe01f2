package dev.appinstances.query;

import static io.restassured.RestAssured.given;

import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.Tokens;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.List;

/** Calls and fixtures of the query tests, so that tests read as the behaviour they prove. */
final class QueryApi {

    static final String PATH = "/storage/api/v1/instances";
    static final String PUBLIC_BASE = "http://localhost:8080";
    static final String INSTANCES = "/ttd/example-app/instances";
    static final String OWNER = Tokens.appOwner();

    /**
     * Parties of the query tests only, so that other tests' instances never show up here: fresh
     * ones ({@link TestParties}) for each test class, made by {@link #newParties}.
     */
    static long PERSON;

    static long PERSONS_COMPANY;
    static String PERSONS_COMPANY_ORG_NUMBER;
    static long STRANGER;
    static long FILTERS;
    static long PAGING;
    static long PERSON_USER;
    static long FILTERS_USER;

    private QueryApi() {}

    /**
     * New parties for the calling test class: a person with a user who may act for their company
     * (DAGL), a stranger, the party of the filter fixture (with a user) and the paging party.
     */
    static void newParties(TestParties parties) {
        TestParties.TestUser person = parties.user();
        PERSON = person.partyId();
        PERSON_USER = person.userId();
        PERSONS_COMPANY = parties.organisation();
        PERSONS_COMPANY_ORG_NUMBER = TestParties.orgNumber(PERSONS_COMPANY);
        parties.delegate(PERSON_USER, PERSONS_COMPANY, "[\"DAGL\"]");
        STRANGER = parties.person();
        TestParties.TestUser filters = parties.user();
        FILTERS = filters.partyId();
        FILTERS_USER = filters.userId();
        PAGING = parties.person();
    }

    /** The query, given as an already encoded query string (null for none). */
    static ValidatableResponse query(String token, String rawQuery) {
        return given().auth()
                .oauth2(token)
                .urlEncodingEnabled(false)
                .get(rawQuery == null ? PATH : PATH + "?" + rawQuery)
                .then();
    }

    /** Follows a {@code next} (or {@code self}) link. */
    static ValidatableResponse follow(String token, String link) {
        return given().auth()
                .oauth2(token)
                .urlEncodingEnabled(false)
                .get(link.substring(PUBLIC_BASE.length()))
                .then();
    }

    /** Creates an instance for the party as the app owner; returns "{partyId}/{guid}". */
    static String create(long partyId) {
        return given().auth()
                .oauth2(OWNER)
                .contentType("application/json")
                .queryParam("instanceOwnerPartyId", partyId)
                .body("{}")
                .post(INSTANCES)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Changes the instance through the API (its lastChanged becomes now). */
    static void change(String instanceId, String label) {
        given().auth()
                .oauth2(OWNER)
                .contentType("application/json")
                .body("{\"label\":\"" + label + "\"}")
                .put(INSTANCES + "/" + instanceId + "/substatus")
                .then()
                .statusCode(200);
    }

    static String guid(String instanceId) {
        return instanceId.substring(instanceId.indexOf('/') + 1);
    }

    static String at(String isoInstant) {
        return "timestamptz '" + Instant.parse(isoInstant) + "'";
    }

    /** The app owner, but the token lacks altinn:serviceowner/instances.read. */
    static String appOwnerWithoutReadScope() {
        return Jwt.issuer(Tokens.ISSUER)
                .subject("ttd")
                .claim("urn:altinn:org", "ttd")
                .claim("urn:altinn:orgNumber", Tokens.APP_ORG_NUMBER)
                .claim("urn:altinn:authlevel", "3")
                .claim("scope", "altinn:serviceowner/instances.write")
                .expiresIn(600)
                .sign();
    }

    /** Another service owner (urn:altinn:org other than the app's). */
    static String otherServiceOwner(String orgNumber) {
        return Jwt.issuer(Tokens.ISSUER)
                .subject("skd")
                .claim("urn:altinn:org", "skd")
                .claim("urn:altinn:orgNumber", orgNumber)
                .claim("urn:altinn:authlevel", "3")
                .claim("scope", "altinn:serviceowner/instances.read")
                .expiresIn(600)
                .sign();
    }

    static List<String> ids(ValidatableResponse response) {
        return response.extract().jsonPath().getList("instances.id", String.class);
    }
}
