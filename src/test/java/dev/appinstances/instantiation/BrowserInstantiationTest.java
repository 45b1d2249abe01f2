package dev.appinstances.instantiation;

import static dev.appinstances.testsupport.InstanceApi.BASE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Instantiation as Altinn's own clients do it: the browser's bodiless POST with the owner in the
 * query, autoCreate of the first task's form, readStatus, presentation texts and data values.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class BrowserInstantiationTest {

    static final String OWNER = Tokens.appOwner();

    @Inject Database db;
    @Inject TestParties parties;

    /** POST with no body and no Content-Type, as the browser client sends it. */
    static ValidatableResponse bodiless(String token, Object partyId, String idempotencyKey) {
        var request = given().auth().oauth2(token).queryParam("language", "nb");
        if (partyId != null) {
            request = request.queryParam("instanceOwnerPartyId", partyId);
        }
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post(BASE).then();
    }

    String rows(long party) {
        return db.instanceFingerprint(party)
                + "/"
                + db.count(
                        "select count(*) from data_element d join instance i on i.id ="
                                + " d.instance_id where i.instance_owner_party_id = "
                                + party);
    }

    @Test
    void theOwnerUserCreatesWithoutABodyAndGetsTheAutoCreatedForm() {
        TestParties.TestUser user = parties.user();
        String id =
                bodiless(user.token(), user.partyId(), null)
                        .statusCode(201)
                        .body("instanceOwner.partyId", equalTo(String.valueOf(user.partyId())))
                        .body("status.readStatus", equalTo(1))
                        .body("data.dataType", contains("model"))
                        .body("data[0].contentType", equalTo("application/xml"))
                        .body("presentationTexts", nullValue())
                        .extract()
                        .path("id");
        String form =
                given().auth()
                        .oauth2(user.token())
                        .get(BASE + "/" + id)
                        .then()
                        .extract()
                        .path("data[0].id");
        String xml =
                given().auth()
                        .oauth2(user.token())
                        .accept("application/xml")
                        .get(BASE + "/" + id + "/data/" + form)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(xml).contains("<BuildingPermit");
    }

    @Test
    void aDelegatedUserAndTheAppOwnerCreateWithoutABody() {
        long org = parties.organisation();
        TestParties.TestUser user = parties.user();
        parties.delegate(user.userId(), org, "[\"DAGL\"]");
        bodiless(user.token(), org, null)
                .statusCode(201)
                .body("instanceOwner.organisationNumber", equalTo(TestParties.orgNumber(org)))
                .body("status.readStatus", equalTo(1))
                .body("data.dataType", contains("model"));
        bodiless(OWNER, org, null)
                .statusCode(201)
                .body("status.readStatus", equalTo(0))
                .body("data.dataType", contains("model"));
    }

    @Test
    void refusedBodilessCreatesChangeNothing() {
        long party = parties.person();
        String before = rows(party);
        bodiless(Tokens.organisation("310000001"), party, null).statusCode(403);
        bodiless(parties.user().token(), party, null).statusCode(403);
        bodiless(OWNER, null, null).statusCode(400);
        assertThat(rows(party)).isEqualTo(before);
    }

    @Test
    void anIdempotencyKeyReplaysABodilessCreate() {
        TestParties.TestUser user = parties.user();
        String key = UUID.randomUUID().toString();
        String first =
                bodiless(user.token(), user.partyId(), key).statusCode(201).extract().path("id");
        String again =
                bodiless(user.token(), user.partyId(), key).statusCode(201).extract().path("id");
        assertThat(again).isEqualTo(first);
        assertThat(rows(user.partyId())).endsWith("/1").startsWith("1:");
    }

    @Test
    void aFormSentWithTheCreateIsNotDuplicated() {
        TestParties.TestUser user = parties.user();
        given().auth()
                .oauth2(user.token())
                .queryParam("instanceOwnerPartyId", user.partyId())
                .multiPart(
                        "model",
                        "form.xml",
                        "<BuildingPermit><property><address>Kaigata 1</address></property></BuildingPermit>"
                                .getBytes(),
                        "application/xml")
                .post(BASE)
                .then()
                .statusCode(201)
                .body("data.dataType", contains("model"))
                .body("presentationTexts.address", equalTo("Kaigata 1"));
    }

    @Test
    void presentationTextsAndDataValuesFollowTheFormData() {
        TestParties.TestUser user = parties.user();
        String street = "Storgata " + UUID.randomUUID().toString().substring(0, 8);
        var created =
                given().auth()
                        .oauth2(user.token())
                        .contentType("application/json")
                        .body(
                                "{\"instanceOwner\":{\"partyId\":\""
                                        + user.partyId()
                                        + "\"},\"prefill\":{\"property.address\":\""
                                        + street
                                        + "\",\"property.municipalityNumber\":\"301\"}}")
                        .post(BASE + "/create")
                        .then()
                        .statusCode(201)
                        .body("data.dataType", contains("model"))
                        .body("presentationTexts.address", equalTo(street))
                        .body("dataValues.municipality", equalTo("301"));
        String id = created.extract().path("id");
        String form = created.extract().path("data[0].id");
        given().auth()
                .oauth2(user.token())
                .get(BASE + "/" + user.partyId() + "/active")
                .then()
                .statusCode(200)
                .body("[0].presentationTexts.address", equalTo(street));
        given().auth()
                .oauth2(OWNER)
                .queryParam("appId", "ttd/example-app")
                .queryParam("searchString", street)
                .get("/storage/api/v1/instances")
                .then()
                .statusCode(200)
                .body("count", equalTo(1))
                .body("instances[0].id", equalTo(id));

        given().auth()
                .oauth2(user.token())
                .contentType("application/xml")
                .body(
                        "<BuildingPermit><property><address>Ny vei 2</address></property></BuildingPermit>")
                .put(BASE + "/" + id + "/data/" + form)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(user.token())
                .get(BASE + "/" + id)
                .then()
                .body("presentationTexts.address", equalTo("Ny vei 2"))
                .body("$", hasKey("dataValues"))
                .body("dataValues", nullValue());

        // a refused write changes neither the texts nor anything else
        String before = rows(user.partyId());
        given().auth()
                .oauth2(parties.user().token())
                .contentType("application/xml")
                .body(
                        "<BuildingPermit><property><address>Hacked</address></property></BuildingPermit>")
                .put(BASE + "/" + id + "/data/" + form)
                .then()
                .statusCode(403);
        assertThat(rows(user.partyId())).isEqualTo(before);
    }

    @Test
    void readingMakesTheInstanceReadUnlessTheAppOwnerReads() {
        TestParties.TestUser user = parties.user();
        String id = bodiless(OWNER, user.partyId(), null).statusCode(201).extract().path("id");
        given().auth()
                .oauth2(OWNER)
                .get(BASE + "/" + id)
                .then()
                .body("status.readStatus", equalTo(0));
        given().auth()
                .oauth2(OWNER)
                .get(BASE + "/" + id)
                .then()
                .body("status.readStatus", equalTo(0));
        String before = rows(user.partyId());
        given().auth()
                .oauth2(Tokens.organisation("310000001"))
                .get(BASE + "/" + id)
                .then()
                .statusCode(403);
        assertThat(rows(user.partyId())).isEqualTo(before);
        String etag =
                given().auth().oauth2(OWNER).get(BASE + "/" + id).then().extract().header("ETag");
        // the owner's read answers the old status and marks it read, without a new ETag
        given().auth()
                .oauth2(user.token())
                .get(BASE + "/" + id)
                .then()
                .body("status.readStatus", equalTo(0));
        var read = given().auth().oauth2(user.token()).get(BASE + "/" + id).then();
        read.body("status.readStatus", equalTo(1)).header("ETag", equalTo(etag));

        // the app owner adds an element: updated since last review
        given().auth()
                .oauth2(OWNER)
                .contentType("text/plain")
                .queryParam("dataType", "attachment")
                .body("decision")
                .post(BASE + "/" + id + "/data")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(OWNER)
                .get(BASE + "/" + id)
                .then()
                .body("status.readStatus", equalTo(2));
        String attachment =
                given().auth()
                        .oauth2(OWNER)
                        .get(BASE + "/" + id)
                        .then()
                        .extract()
                        .path("data[1].id");
        given().auth()
                .oauth2(user.token())
                .get(BASE + "/" + id + "/data/" + attachment)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(OWNER)
                .get(BASE + "/" + id)
                .then()
                .body("status.readStatus", equalTo(1));
    }

    @Test
    void aDelegatedUsersReadMarksTheInstanceRead() {
        long org = parties.organisation();
        TestParties.TestUser user = parties.user();
        parties.delegate(user.userId(), org, "[\"DAGL\"]");
        String id = bodiless(OWNER, org, null).statusCode(201).extract().path("id");
        given().auth().oauth2(user.token()).get(BASE + "/" + id).then().statusCode(200);
        given().auth()
                .oauth2(OWNER)
                .get(BASE + "/" + id)
                .then()
                .body("status.readStatus", equalTo(1));
    }

    @Test
    void aSelfIdentifiedOwnerHasItsExternalIdentifier() {
        long party = parties.selfIdentified();
        String username = TestParties.username(party);
        bodiless(OWNER, party, null)
                .statusCode(201)
                .body("instanceOwner.username", equalTo(username))
                .body(
                        "instanceOwner.externalIdentifier",
                        equalTo("urn:altinn:person:legacy-selfidentified:" + username))
                .body("instanceOwner.personNumber", not(equalTo("x")));
    }
}
