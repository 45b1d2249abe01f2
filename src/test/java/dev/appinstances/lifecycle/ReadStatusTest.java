package dev.appinstances.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.TestParties.TestUser;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code status.readStatus} (0 Unread, 1 Read, 2 UpdatedSinceLastReview) and the elements' {@code
 * isRead}, as Altinn's App and Storage keep them.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ReadStatusTest {

    static final String BASE = "/ttd/example-app/instances";
    static final String APP_OWNER = Tokens.appOwner();
    static final String FORM =
            "<BuildingPermit><property><address>Storgata 1</address></property></BuildingPermit>";

    @Inject TestParties parties;

    TestUser owner;

    @BeforeEach
    void owner() {
        owner = parties.user();
    }

    String createAs(String token) {
        return given().auth()
                .oauth2(token)
                .queryParam("instanceOwnerPartyId", owner.partyId())
                .post(BASE)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    JsonPath asAppOwner(String id) {
        return given().auth()
                .oauth2(APP_OWNER)
                .get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    int readStatus(String id) {
        return asAppOwner(id).getInt("status.readStatus");
    }

    boolean isRead(String id, String element) {
        return asAppOwner(id).getBoolean("data.find { it.id == '" + element + "' }.isRead");
    }

    String form(String id) {
        return asAppOwner(id).getString("data.find { it.dataType == 'model' }.id");
    }

    String addAttachment(String token, String id) {
        return given().auth()
                .oauth2(token)
                .queryParam("dataType", "attachment")
                .contentType("text/plain")
                .header("Content-Disposition", "attachment; filename=note.txt")
                .body("a note")
                .post(BASE + "/" + id + "/data")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    void readInstanceAsOwner(String id) {
        given().auth().oauth2(owner.token()).get(BASE + "/" + id).then().statusCode(200);
    }

    @Test
    void aUsersInstanceIsReadAndTheAppOwnersUnreadUntilThePartyLooks() {
        assertThat(readStatus(createAs(owner.token()))).isEqualTo(1);

        String byAppOwner = createAs(APP_OWNER);
        assertThat(readStatus(byAppOwner)).isZero();
        assertThat(isRead(byAppOwner, form(byAppOwner))).as("the app owner's form").isFalse();
        asAppOwner(byAppOwner);
        assertThat(readStatus(byAppOwner))
                .as("the app owner's own reads count for nothing")
                .isZero();

        readInstanceAsOwner(byAppOwner);
        assertThat(readStatus(byAppOwner)).isEqualTo(1);
    }

    @Test
    void whatTheAppOwnerAddsIsNewsUntilThePartyDownloadsIt() {
        String id = createAs(owner.token());
        String added = addAttachment(APP_OWNER, id);
        assertThat(readStatus(id)).isEqualTo(2);
        assertThat(isRead(id, added)).isFalse();

        given().auth()
                .oauth2(owner.token())
                .get(BASE + "/" + id + "/data/" + added)
                .then()
                .statusCode(200);
        assertThat(readStatus(id)).isEqualTo(1);
        assertThat(isRead(id, added)).isTrue();

        String ownAddition = addAttachment(owner.token(), id);
        assertThat(readStatus(id)).as("the party's own addition").isEqualTo(1);
        assertThat(isRead(id, ownAddition)).isTrue();
    }

    @Test
    void anAppOwnersOverwriteMakesAnInstanceUnreadWhenNoOtherElementIsRead() {
        String id = createAs(APP_OWNER);
        String form = form(id);
        readInstanceAsOwner(id);
        assertThat(readStatus(id)).isEqualTo(1);

        overwrite(APP_OWNER, id, form);
        assertThat(readStatus(id)).isZero();
        assertThat(isRead(id, form)).isFalse();

        // with another element the party has read, the instance stays Read
        String read = addAttachment(owner.token(), id);
        readInstanceAsOwner(id);
        overwrite(APP_OWNER, id, form);
        assertThat(isRead(id, read)).isTrue();
        assertThat(readStatus(id)).isEqualTo(1);
    }

    @Test
    void deletingFromAnInstanceWithNoReadElementMakesItUnread() {
        String id = createAs(APP_OWNER);
        String note = addAttachment(APP_OWNER, id);
        readInstanceAsOwner(id);
        assertThat(readStatus(id)).isEqualTo(1);

        given().auth()
                .oauth2(APP_OWNER)
                .delete(BASE + "/" + id + "/data/" + note)
                .then()
                .statusCode(200);
        assertThat(readStatus(id)).isZero();

        String other = createAs(owner.token());
        String ownNote = addAttachment(owner.token(), other);
        given().auth()
                .oauth2(owner.token())
                .delete(BASE + "/" + other + "/data/" + ownNote)
                .then()
                .statusCode(200);
        assertThat(readStatus(other)).as("the form the party created is read").isEqualTo(1);
    }

    void overwrite(String token, String id, String element) {
        given().auth()
                .oauth2(token)
                .contentType("application/xml")
                .body(FORM)
                .put(BASE + "/" + id + "/data/" + element)
                .then()
                .statusCode(201);
    }
}
