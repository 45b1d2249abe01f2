package dev.appinstances.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class LifecycleTest {

    static final String BASE = "/ttd/example-app/instances";
    static final String OLA = Tokens.user(1340, 50001340);
    static final String SOPHIE = Tokens.user(1337, 50001337);
    static final String OWNER = Tokens.appOwner();

    @Inject Database db;
    @Inject TestParties parties;

    static String create(String token, long partyId) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .queryParam("instanceOwnerPartyId", partyId)
                .body("{}")
                .post(BASE)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String guid(String id) {
        return id.substring(id.indexOf('/') + 1);
    }

    static ValidatableResponse delete(String token, String id, String hard) {
        var request = given().auth().oauth2(token);
        if (hard != null) {
            request.queryParam("hard", hard);
        }
        return request.delete(BASE + "/" + id).then();
    }

    @Test
    void activeListsLiveInstancesNewestFirstWithDisplayNames() {
        long party = parties.selfIdentified();
        // as in the register: the self-identified user's username is the party's
        TestParties.TestUser user = parties.userOf(party, TestParties.username(party));
        String kari = user.token();
        String byUser = create(kari, party);
        String byOwner = create(OWNER, party);
        String unknownActor = create(OWNER, party);
        db.execute(
                "update instance set last_changed_by = '424242' where id = '"
                        + guid(unknownActor)
                        + "'");
        String softDeleted = create(kari, party);
        delete(kari, softDeleted, null).statusCode(200);
        String archived = create(kari, party);
        db.execute("update instance set archived = now() where id = '" + guid(archived) + "'");
        String hardDeleted = create(OWNER, party);
        delete(OWNER, hardDeleted, "true").statusCode(200);
        db.execute(
                "update instance set last_changed = now() - (interval '1 minute' * (case id"
                        + " when '"
                        + guid(byUser)
                        + "' then 3"
                        + " when '"
                        + guid(byOwner)
                        + "' then 2 else 1 end))"
                        + " where instance_owner_party_id = "
                        + party);

        for (String token : new String[] {kari, OWNER}) {
            given().auth()
                    .oauth2(token)
                    .get(BASE + "/" + party + "/active")
                    .then()
                    .statusCode(200)
                    .body("id", contains(unknownActor, byOwner, byUser))
                    .body("lastChangedBy", contains("", "Testdepartementet", user.username()))
                    .body("[0].lastChanged", notNullValue())
                    .body("[0]", org.hamcrest.Matchers.hasKey("dueBefore"))
                    .body("[0]", org.hamcrest.Matchers.hasKey("presentationTexts"));
        }
        given().auth().oauth2(SOPHIE).get(BASE + "/" + party + "/active").then().statusCode(403);
        long withoutInstances = parties.organisation();
        given().auth()
                .oauth2(OLA)
                .get(BASE + "/" + withoutInstances + "/active")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(OWNER)
                .get(BASE + "/" + withoutInstances + "/active")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void onlyTheAppOwnerSetsTheSubstatusWhichReplacesTheOldOne() {
        String id = create(OLA, 50001340);
        String path = BASE + "/" + id + "/substatus";
        given().auth()
                .oauth2(OWNER)
                .contentType("application/json")
                .body("{\"label\":\"received\",\"description\":\"In queue\"}")
                .put(path)
                .then()
                .statusCode(200)
                .body("status.substatus.label", equalTo("received"))
                .body("status.substatus.description", equalTo("In queue"))
                .body("lastChangedBy", equalTo(Tokens.APP_ORG_NUMBER));
        given().auth()
                .oauth2(OWNER)
                .contentType("application/json")
                .body("{\"label\":\"approved\"}")
                .put(path)
                .then()
                .statusCode(200)
                .body("status.substatus.label", equalTo("approved"))
                .body("status.substatus.description", nullValue());
        String before = db.instanceFingerprint(50001340);
        given().auth()
                .oauth2(OLA)
                .contentType("application/json")
                .body("{\"label\":\"mine\"}")
                .put(path)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:app-instances:problem:app-owner-only"));
        for (String body : new String[] {"{\"label\":\"  \"}", "{\"description\":\"x\"}", "{"}) {
            given().auth()
                    .oauth2(OWNER)
                    .contentType("application/json")
                    .body(body)
                    .put(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        assertThat(db.instanceFingerprint(50001340)).isEqualTo(before);
    }

    @Test
    void completeAddsTheOwnersConfirmationOnce() {
        String id = create(OLA, 50001340);
        String path = BASE + "/" + id + "/complete";
        String confirmedOn =
                given().auth()
                        .oauth2(OWNER)
                        .post(path)
                        .then()
                        .statusCode(200)
                        .body("completeConfirmations", hasSize(1))
                        .body("completeConfirmations[0].stakeholderId", equalTo("ttd"))
                        .extract()
                        .path("completeConfirmations[0].confirmedOn");
        given().auth()
                .oauth2(OWNER)
                .post(path)
                .then()
                .statusCode(200)
                .body("completeConfirmations", hasSize(1))
                .body("completeConfirmations[0].confirmedOn", equalTo(confirmedOn));
        given().auth()
                .oauth2(OLA)
                .post(path)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:app-instances:problem:app-owner-only"));
    }

    @Test
    void softDeleteGoesToTheRecycleBinAndCanBeUndone() {
        String id = create(OLA, 50001340);
        delete(OLA, id, null)
                .statusCode(200)
                .body("status.isSoftDeleted", equalTo(true))
                .body("status.softDeleted", notNullValue())
                .body("status.isHardDeleted", equalTo(false))
                .body("status.hardDeleted", nullValue());
        given().auth().oauth2(OLA).get(BASE + "/" + id).then().statusCode(200);
        given().auth()
                .oauth2(OLA)
                .put(BASE + "/" + id + "/undelete")
                .then()
                .statusCode(200)
                .body("status.isSoftDeleted", equalTo(false))
                .body("status.softDeleted", nullValue());
        given().auth().oauth2(OLA).put(BASE + "/" + id + "/undelete").then().statusCode(200);
    }

    @Test
    void hardDeleteKeepsTheSoftDateAndHidesTheInstanceFromAllButTheAppOwner() {
        String id = create(OLA, 50001340);
        String softDeleted =
                delete(OLA, id, "false").statusCode(200).extract().path("status.softDeleted");
        delete(OLA, id, "true")
                .statusCode(200)
                .body("status.isHardDeleted", equalTo(true))
                .body("status.hardDeleted", notNullValue())
                .body("status.softDeleted", equalTo(softDeleted));
        given().auth().oauth2(OLA).get(BASE + "/" + id).then().statusCode(404);
        given().auth()
                .oauth2(OLA)
                .get(BASE + "/" + id + "/data/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404);
        given().auth().oauth2(OWNER).get(BASE + "/" + id).then().statusCode(200);
        given().auth()
                .oauth2(OWNER)
                .put(BASE + "/" + id + "/undelete")
                .then()
                .statusCode(404)
                .body("detail", containsString("permanently deleted"));
        String fresh = create(OLA, 50001340);
        delete(OLA, fresh, "true")
                .statusCode(200)
                .body(
                        "status.softDeleted",
                        equalTo(
                                given().auth()
                                        .oauth2(OWNER)
                                        .get(BASE + "/" + fresh)
                                        .then()
                                        .extract()
                                        .path("status.hardDeleted")));
    }

    @Test
    void archivedInstancesAreProtectedForTheConfiguredDays() {
        String recent = create(OLA, 50001340);
        db.execute(
                "update instance set archived = now() - interval '29 days' where id = '"
                        + guid(recent)
                        + "'");
        String before = db.instanceFingerprint(50001340);
        for (String hard : new String[] {"false", "true"}) {
            delete(OWNER, recent, hard)
                    .statusCode(403)
                    .body("type", equalTo("urn:app-instances:problem:deletion-prevented"))
                    .body("detail", containsString("30 days"));
        }
        assertThat(db.instanceFingerprint(50001340)).isEqualTo(before);
        String old = create(OLA, 50001340);
        db.execute(
                "update instance set archived = now() - interval '31 days' where id = '"
                        + guid(old)
                        + "'");
        delete(OLA, old, "true").statusCode(200);
    }

    @Test
    void deleteNeedsRightsToThePartyAndAValidHardFlag() {
        String id = create(OLA, 50001340);
        delete(SOPHIE, id, null).statusCode(403);
        delete(OLA, id, "maybe")
                .statusCode(400)
                .body("detail", equalTo("hard must be true or false, was 'maybe'"));
        delete(OWNER, id, null).statusCode(200);
    }
}
