package dev.appinstances.data;

import static io.restassured.RestAssured.given;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.RawHttp;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.Tokens;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One test's own instance with an attachment, and a token for each kind of caller: the owner user,
 * a user the owner party has delegated to, the app owner and an organisation without rights.
 */
final class ElementFixture {

    static final String BASE = "/ttd/example-app/instances";
    static final String OWNER = Tokens.appOwner();

    final Database db;
    final long party;
    final String user;
    final String delegated;
    final String otherOrg;
    final String instance;
    final String dataId;

    ElementFixture(TestParties parties, Database db) {
        this.db = db;
        TestParties.TestUser owner = parties.user();
        party = owner.partyId();
        user = owner.token();
        TestParties.TestUser helper = parties.user();
        parties.delegate(helper.userId(), party, "[\"DAGL\"]");
        delegated = helper.token();
        otherOrg = Tokens.organisation(TestParties.orgNumber(parties.organisation()));
        instance =
                given().auth()
                        .oauth2(user)
                        .queryParam("instanceOwnerPartyId", party)
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        dataId =
                given().auth()
                        .oauth2(user)
                        .contentType("text/plain")
                        .queryParam("dataType", "attachment")
                        .body("notes")
                        .post(BASE + "/" + instance + "/data")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
    }

    String instancePath() {
        return BASE + "/" + instance;
    }

    String dataPath() {
        return instancePath() + "/data/" + dataId;
    }

    String guid() {
        return instance.substring(instance.indexOf('/') + 1);
    }

    /** The instance's ETag, read as the app owner (a read by the owner side changes readStatus). */
    String etag() {
        return given().auth()
                .oauth2(OWNER)
                .get(instancePath())
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** The party's instance rows and this instance's data element rows: equal means unchanged. */
    String rows() {
        return db.instanceFingerprint(party)
                + "|"
                + db.text(
                        "select count(*)::text || ':' || coalesce(md5(string_agg(d::text, ','"
                                + " order by id)), '') from data_element d where instance_id = '"
                                + guid()
                                + "'");
    }

    String column(String sql) {
        return db.text(sql.replace("{id}", "'" + dataId + "'"));
    }

    /** A request as given, with no Content-Type unless one is among the headers. */
    RawHttp.Answer raw(int port, String method, String path, String token, String body)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head =
                method
                        + " "
                        + path
                        + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + token
                        + "\r\nContent-Length: "
                        + content.length
                        + "\r\nConnection: close\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(content);
        return RawHttp.exchange(port, out.toByteArray(), false);
    }
}
