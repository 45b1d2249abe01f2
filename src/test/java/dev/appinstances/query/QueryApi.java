package dev.appinstances.query;

import static io.restassured.RestAssured.given;

import dev.appinstances.testsupport.Database;
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

    /** Parties of the query tests only, so that other tests' instances never show up here. */
    static final long PERSON = 50009101;

    static final long PERSONS_COMPANY = 50009102;
    static final String PERSONS_COMPANY_ORG_NUMBER = "310009102";
    static final long STRANGER = 50009103;
    static final long FILTERS = 50009104;
    static final long PAGING = 50009105;
    static final long PERSON_USER = 9101;
    static final long FILTERS_USER = 9104;

    private QueryApi() {}

    static void seedParties(Database db) {
        db.execute(
                "insert into party (party_id, party_uuid, party_type, ssn, org_number, unit_type,"
                        + " username, name, is_deleted) values"
                        + " (50009101, gen_random_uuid(), 'Person', '99910100001', null, null,"
                        + " null, 'Query Person', false),"
                        + " (50009102, gen_random_uuid(), 'Organisation', null, '310009102', 'AS',"
                        + " null, 'Query Company AS', false),"
                        + " (50009103, gen_random_uuid(), 'Person', '99910100003', null, null,"
                        + " null, 'Query Stranger', false),"
                        + " (50009104, gen_random_uuid(), 'Person', '99910100004', null, null,"
                        + " null, 'Query Filters', false),"
                        + " (50009105, gen_random_uuid(), 'Person', '99910100005', null, null,"
                        + " null, 'Query Paging', false)"
                        + " on conflict (party_id) do nothing");
        db.execute(
                "insert into app_user (user_id, party_id, username, name) values"
                        + " (9101, 50009101, 'query.person', 'Query Person'),"
                        + " (9104, 50009104, 'query.filters', 'Query Filters')"
                        + " on conflict (user_id) do nothing");
        db.execute(
                "insert into delegation (user_id, party_id, roles) values"
                        + " (9101, 50009102, '[\"DAGL\"]') on conflict do nothing");
    }

    /**
     * Removes everything the query tests added (other tests count register rows exactly): the
     * parties' instances with their data elements and content, then users, delegation, parties.
     */
    static void cleanUp(Database db) {
        String ours =
                "select id from instance where instance_owner_party_id between 50009101 and 50009105";
        db.execute(
                "with d as (delete from data_element where instance_id in ("
                        + ours
                        + ") returning blob_id) delete from blob where id in (select blob_id from d)");
        db.execute(
                "delete from instance where instance_owner_party_id between 50009101 and 50009105");
        db.execute("delete from delegation where user_id in (9101, 9104)");
        db.execute("delete from app_user where user_id in (9101, 9104)");
        db.execute("delete from party where party_id between 50009101 and 50009105");
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
