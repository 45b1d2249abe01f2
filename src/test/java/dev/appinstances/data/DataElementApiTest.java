package dev.appinstances.data;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.appinstances.testsupport.Contents;
import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class DataElementApiTest {

    static final String BASE = "/ttd/example-app/instances";
    static final String SOPHIE = Tokens.user(1337, 50001337);
    static final String OLA = Tokens.user(1340, 50001340);
    static final String OWNER = Tokens.appOwner();

    @Inject Database db;

    String instance;

    @BeforeEach
    void newInstance() {
        instance =
                given().auth()
                        .oauth2(SOPHIE)
                        .contentType("application/json")
                        .queryParam("instanceOwnerPartyId", 50001337)
                        .body("{}")
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
    }

    ValidatableResponse upload(String token, String dataType, String contentType, byte[] content) {
        var request =
                given().config(
                                RestAssuredConfig.config()
                                        .encoderConfig(
                                                EncoderConfig.encoderConfig()
                                                        .appendDefaultContentCharsetToContentTypeIfUndefined(
                                                                false)))
                        .auth()
                        .oauth2(token)
                        .queryParam("dataType", dataType)
                        .body(content);
        if (contentType != null) {
            request.contentType(contentType);
        }
        return request.header("Content-Disposition", "attachment; filename=\"plan v2.pdf\"")
                .post(BASE + "/" + instance + "/data")
                .then();
    }

    /** The id of the blob that holds the data element's content. */
    String blobOf(String dataId) {
        return db.text("select blob_id::text from data_element where id = '" + dataId + "'");
    }

    String dataPath(String dataId) {
        return BASE + "/" + instance + "/data/" + dataId;
    }

    @Test
    void uploadStoresTheContentAndTheInstanceRecordsTheChange() throws Exception {
        byte[] pdf = Contents.bytes(700_000, 11);
        String created =
                given().auth()
                        .oauth2(SOPHIE)
                        .get(BASE + "/" + instance)
                        .then()
                        .extract()
                        .path("lastChanged");
        var response =
                upload(OWNER, "attachment", "application/pdf", pdf)
                        .statusCode(201)
                        .header("Location", containsString("/data/"))
                        .body("dataType", equalTo("attachment"))
                        .body("filename", equalTo("plan v2.pdf"))
                        .body("contentType", equalTo("application/pdf"))
                        .body("size", equalTo(pdf.length))
                        .body("contentHash", equalTo(Contents.sha256(pdf)))
                        .body("createdBy", equalTo(Tokens.APP_ORG_NUMBER));
        String id = response.extract().path("id");
        given().auth()
                .oauth2(SOPHIE)
                .get(BASE + "/" + instance)
                .then()
                .body("data", hasSize(2)) // the auto-created form and the upload
                .body("data[1].id", equalTo(id))
                .body("lastChangedBy", equalTo(Tokens.APP_ORG_NUMBER))
                .body("lastChanged", not(equalTo(created)));

        byte[] downloaded =
                given().auth()
                        .oauth2(SOPHIE)
                        .get(dataPath(id))
                        .then()
                        .statusCode(200)
                        .contentType("application/pdf")
                        .header("Content-Length", String.valueOf(pdf.length))
                        .header("ETag", "\"" + Contents.sha256(pdf) + "\"")
                        .header("Content-Disposition", containsString("filename=\"plan v2.pdf\""))
                        .extract()
                        .asByteArray();
        assertThat(downloaded).isEqualTo(pdf);
    }

    @Test
    void rangeRequestsReturnTheRequestedBytesAcrossChunks() {
        byte[] content = Contents.bytes(700_000, 12);
        String id =
                upload(SOPHIE, "attachment", "application/pdf", content)
                        .statusCode(201)
                        .extract()
                        .path("id");
        int from = 262_000;
        int to = 530_000;
        byte[] slice =
                given().auth()
                        .oauth2(SOPHIE)
                        .header("Range", "bytes=" + from + "-" + to)
                        .get(dataPath(id))
                        .then()
                        .statusCode(206)
                        .header("Content-Range", "bytes " + from + "-" + to + "/" + content.length)
                        .header("Content-Length", String.valueOf(to - from + 1))
                        .extract()
                        .asByteArray();
        assertThat(slice).isEqualTo(Arrays.copyOfRange(content, from, to + 1));
        byte[] tail =
                given().auth()
                        .oauth2(SOPHIE)
                        .header("Range", "bytes=-100")
                        .get(dataPath(id))
                        .then()
                        .statusCode(206)
                        .extract()
                        .asByteArray();
        assertThat(tail)
                .isEqualTo(Arrays.copyOfRange(content, content.length - 100, content.length));
        given().auth()
                .oauth2(SOPHIE)
                .header("Range", "bytes=800000-")
                .get(dataPath(id))
                .then()
                .statusCode(416)
                .contentType("application/problem+json");
    }

    @Test
    void replaceSwapsTheContentAndDropsTheOldBlob() {
        String id =
                upload(SOPHIE, "attachment", "text/plain", "first".getBytes())
                        .statusCode(201)
                        .extract()
                        .path("id");
        String oldBlob = blobOf(id);
        Database.Marker start = db.since();
        given().auth()
                .oauth2(SOPHIE)
                .contentType("text/plain")
                .body("second version")
                .put(dataPath(id))
                .then()
                .statusCode(200)
                .body("size", equalTo(14))
                .body("filename", equalTo("plan v2.pdf"));
        assertThat(given().auth().oauth2(SOPHIE).get(dataPath(id)).then().extract().asString())
                .isEqualTo("second version");
        // one blob in, one out: the element's new content is the only blob stored since
        assertThat(db.count("select count(*) from blob where id = '" + oldBlob + "'")).isZero();
        assertThat(blobOf(id)).isNotEqualTo(oldBlob);
        assertThat(
                        db.count(
                                "select count(*) from blob where committed and id = '"
                                        + blobOf(id)
                                        + "' and "
                                        + start.written()))
                .isEqualTo(1);
        // written since: the instance (lastChanged), the element, its new blob in one chunk
        assertThat(db.storedSince(start)).isEqualTo("1/1/1/1");
    }

    @Test
    void deleteRemovesTheElementAndItsContent() {
        String id =
                upload(SOPHIE, "attachment", "text/plain", "bye".getBytes())
                        .statusCode(201)
                        .extract()
                        .path("id");
        String blob = blobOf(id);
        Database.Marker start = db.since();
        given().auth()
                .oauth2(SOPHIE)
                .delete(dataPath(id))
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        given().auth()
                .oauth2(SOPHIE)
                .get(dataPath(id))
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:app-instances:problem:data-element-not-found"));
        given().auth().oauth2(SOPHIE).get(BASE + "/" + instance).then().body("data", hasSize(1));
        assertThat(db.count("select count(*) from blob where id = '" + blob + "'")).isZero();
        // written since: only the instance (lastChanged); no element, no content
        assertThat(db.storedSince(start)).isEqualTo("1/0/0/0");
    }

    @Test
    void uploadsFollowTheDataTypeRules() {
        Database.Marker start = db.since();
        rejected(
                upload(SOPHIE, "nope", "application/pdf", new byte[] {1}),
                400,
                "unknown-data-type");
        rejected(
                upload(SOPHIE, "attachment", "application/zip", new byte[] {1}),
                415,
                "content-type-not-allowed");
        rejected(
                upload(SOPHIE, "attachment", "application/pdf", new byte[0]),
                400,
                "empty-data-element");
        rejected(
                upload(
                        SOPHIE,
                        "attachment",
                        "application/pdf",
                        Contents.bytes(25 * 1024 * 1024 + 10, 13)),
                413,
                "data-element-too-large");
        db.awaitNothingStoredSince(start);
        // the instance already has its auto-created form, the most type model allows
        rejected(
                upload(SOPHIE, "model", "application/xml", "<b/>".getBytes()),
                409,
                "max-count-exceeded");
    }

    @Test
    void writesAreRefusedOnArchivedOrDeletedInstancesAndLockedElements() {
        String id =
                upload(SOPHIE, "attachment", "text/plain", "x".getBytes())
                        .statusCode(201)
                        .extract()
                        .path("id");
        db.execute("update data_element set locked = true where id = '" + id + "'");
        rejected(
                given().auth()
                        .oauth2(SOPHIE)
                        .contentType("text/plain")
                        .body("y")
                        .put(dataPath(id))
                        .then(),
                409,
                "instance-not-writable");
        rejected(
                given().auth().oauth2(SOPHIE).delete(dataPath(id)).then(),
                409,
                "instance-not-writable");
        String guid = instance.substring(instance.indexOf('/') + 1);
        db.execute("update instance set archived = now() where id = '" + guid + "'");
        rejected(
                upload(SOPHIE, "attachment", "text/plain", "z".getBytes()),
                409,
                "instance-not-writable");
        db.execute(
                "update instance set archived = null, soft_deleted = now() where id = '"
                        + guid
                        + "'");
        rejected(
                upload(SOPHIE, "attachment", "text/plain", "z".getBytes()),
                409,
                "instance-not-writable");
        given().auth().oauth2(SOPHIE).get(dataPath(id)).then().statusCode(200);
    }

    @Test
    void contentOfADataTypeBoundToATaskChangesOnlyInThatTask() {
        String id =
                upload(SOPHIE, "attachment", "text/plain", "x".getBytes())
                        .statusCode(201)
                        .extract()
                        .path("id");
        String guid = instance.substring(instance.indexOf('/') + 1);
        db.execute("update instance set current_task = 'Task_2' where id = '" + guid + "'");
        upload(SOPHIE, "attachment", "text/plain", "y".getBytes())
                .statusCode(409)
                .body(
                        "detail",
                        equalTo(
                                "Data element of type attachment can only be modified in Task_1 (current task Task_2)"));
        rejected(
                given().auth().oauth2(SOPHIE).delete(dataPath(id)).then(),
                409,
                "instance-not-writable");
        upload(SOPHIE, "ref-data-as-pdf", "application/pdf", "%PDF".getBytes()).statusCode(201);
    }

    @Test
    void callersNeedRightsToTheParty() {
        String id =
                upload(SOPHIE, "attachment", "text/plain", "mine".getBytes())
                        .statusCode(201)
                        .extract()
                        .path("id");
        rejected(upload(OLA, "attachment", "text/plain", "x".getBytes()), 403, "access-denied");
        rejected(given().auth().oauth2(OLA).get(dataPath(id)).then(), 403, "access-denied");
        rejected(given().auth().oauth2(OLA).delete(dataPath(id)).then(), 403, "access-denied");
        given().get(dataPath(id)).then().statusCode(401);
        given().auth().oauth2(OWNER).get(dataPath(id)).then().statusCode(200);
    }

    private static void rejected(ValidatableResponse response, int status, String type) {
        response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:app-instances:problem:" + type));
    }

    static Instant parse(String value) {
        return Instant.parse(value);
    }
}
