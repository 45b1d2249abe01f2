package dev.appinstances.instantiation;

import static dev.appinstances.testsupport.Contents.bytes;
import static dev.appinstances.testsupport.Contents.sha256;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.MultipartBody;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class MultipartCreateTest {

    static final String BASE = "/ttd/example-app/instances";
    static final String SOPHIE = Tokens.user(1337, 50001337);
    static final String TEMPLATE = "{\"instanceOwner\":{\"partyId\":\"50001337\"}}";
    static final byte[] FORM =
            "<BuildingPermit><description>Garage</description></BuildingPermit>"
                    .getBytes(StandardCharsets.UTF_8);

    @Inject Database db;

    static ValidatableResponse post(String token, byte[] body) {
        return given().auth()
                .oauth2(token)
                .contentType(MultipartBody.contentType())
                .body(body)
                .post(BASE)
                .then();
    }

    @Test
    void partsBecomeDataElementsInUploadOrderWithTheTemplateAnywhere() throws Exception {
        byte[] pdf = bytes(700_000, 1);
        byte[] png = bytes(1234, 2);
        Database.Marker start = db.since();
        var response =
                post(
                                SOPHIE,
                                new MultipartBody()
                                        .part("model", null, "application/xml; charset=utf-8", FORM)
                                        .part(
                                                "attachment",
                                                "drawings/plan.pdf",
                                                "application/pdf",
                                                pdf)
                                        .json("instance", TEMPLATE)
                                        .part("attachment", null, "IMAGE/PNG", png)
                                        .build())
                        .statusCode(201)
                        .body("instanceOwner.partyId", equalTo("50001337"))
                        .body("data", hasSize(3))
                        .body("data[0].dataType", equalTo("model"))
                        .body("data[0].filename", nullValue())
                        .body("data[0].contentType", equalTo("application/xml; charset=utf-8"))
                        .body("data[0].size", equalTo(FORM.length))
                        .body("data[1].dataType", equalTo("attachment"))
                        .body("data[1].filename", equalTo("plan.pdf"))
                        .body("data[1].contentType", equalTo("application/pdf"))
                        .body("data[1].size", equalTo(pdf.length))
                        .body("data[1].contentHash", equalTo(sha256(pdf)))
                        .body("data[1].locked", equalTo(false))
                        .body("data[1].isRead", equalTo(true))
                        .body("data[1].fileScanResult", equalTo("NotApplicable"))
                        .body("data[1].createdBy", equalTo("1337"))
                        .body("data[2].filename", nullValue())
                        .body("data[2].contentHash", equalTo(sha256(png)))
                        .body(
                                "data[1].blobStoragePath",
                                matchesPattern("ttd/example-app/[0-9a-f-]{36}/data/[0-9a-f-]{36}"))
                        .body(
                                "data[1].selfLinks.apps",
                                matchesPattern(
                                        "http://localhost:8080/ttd/example-app/instances/50001337/[0-9a-f-]{36}/data/[0-9a-f-]{36}"));
        String id = response.extract().path("id");
        given().auth()
                .oauth2(SOPHIE)
                .get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .body(
                        "data.dataType",
                        org.hamcrest.Matchers.contains("model", "attachment", "attachment"));
        String guid = id.substring(id.indexOf('/') + 1);
        assertThat(
                        db.count(
                                "select count(*) from data_element d join blob b on b.id ="
                                        + " d.blob_id where b.committed and d.instance_id = '"
                                        + guid
                                        + "'"))
                .isEqualTo(3);
        assertThat(db.storedSince(start)).startsWith("1/3/3/");
    }

    @Test
    void withoutAnInstancePartTheQueryPartyIdNamesTheOwner() {
        given().auth()
                .oauth2(SOPHIE)
                .contentType(MultipartBody.contentType())
                .queryParam("instanceOwnerPartyId", 50001337)
                .body(
                        new MultipartBody()
                                .part("attachment", "a.txt", "text/plain", "hi".getBytes())
                                .build())
                .post(BASE)
                .then()
                .statusCode(201)
                .body("data.dataType", org.hamcrest.Matchers.contains("attachment", "model"));
    }

    @Test
    void aPartNotNamedAfterADataTypeIsRejected() {
        rejects(
                new MultipartBody()
                        .json("instance", TEMPLATE)
                        .part("attachment", "a.pdf", "application/pdf", bytes(300_000, 3))
                        .part("wrongName", null, "application/pdf", bytes(10, 4))
                        .build(),
                400,
                "unknown-data-type",
                "The multipart section named 'wrongName' does not correspond to a data type");
    }

    @Test
    void aContentTypeTheDataTypeDoesNotAllowIsRejected() {
        rejects(
                new MultipartBody()
                        .json("instance", TEMPLATE)
                        .part("attachment", "a.exe", "application/x-msdownload", bytes(10, 5))
                        .build(),
                415,
                "content-type-not-allowed",
                "'attachment' has Content-Type 'application/x-msdownload'");
        rejects(
                new MultipartBody()
                        .json("instance", TEMPLATE)
                        .part("attachment", "a.pdf", null, bytes(10, 5))
                        .build(),
                415,
                "content-type-not-allowed",
                "'attachment'");
    }

    @Test
    void anEmptyPartIsRejected() {
        rejects(
                new MultipartBody()
                        .json("instance", TEMPLATE)
                        .part("attachment", "a.pdf", "application/pdf", new byte[0])
                        .build(),
                400,
                "empty-data-element",
                "'attachment' has no data");
    }

    @Test
    void aPartOverTheDataTypesMaxSizeIsRejected() {
        rejects(
                new MultipartBody()
                        .json("instance", TEMPLATE)
                        .part(
                                "attachment",
                                "big.pdf",
                                "application/pdf",
                                bytes(25 * 1024 * 1024 + 1, 6))
                        .build(),
                413,
                "data-element-too-large",
                "exceeds the size limit of data type 'attachment' (25 MB)");
    }

    @Test
    void morePartsOfATypeThanItsMaxCountAreRejected() {
        var body = new MultipartBody().json("instance", TEMPLATE);
        for (int i = 0; i < 6; i++) {
            body.part("attachment", "a" + i + ".txt", "text/plain", bytes(100, i));
        }
        rejects(
                body.build(),
                400,
                "too-many-data-elements",
                "data type 'attachment' than it allows (5)");
    }

    @Test
    void malformedBodiesAreRejected() {
        Database.Marker start = db.since();
        given().auth()
                .oauth2(SOPHIE)
                .contentType("multipart/form-data")
                .body("--x\r\n\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8))
                .post(BASE)
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:app-instances:problem:malformed-multipart"))
                .body("detail", containsString("no valid boundary"));
        rejects(
                new MultipartBody()
                        .json("instance", TEMPLATE)
                        .raw(
                                "--"
                                        + MultipartBody.BOUNDARY
                                        + "\r\nContent-Type: text/plain\r\n\r\nhello\r\n")
                        .build(),
                400,
                "malformed-multipart",
                "Part 2 has no Content-Disposition with a name");
        rejects(
                new MultipartBody()
                        .json("instance", TEMPLATE)
                        .part("attachment", "a.txt", "text/plain", bytes(200_000, 7))
                        .buildTruncated(),
                400,
                "malformed-multipart",
                "truncated");
        rejects(
                new MultipartBody()
                        .json("instance", TEMPLATE)
                        .raw(
                                "--"
                                        + MultipartBody.BOUNDARY
                                        + "\r\nX-Padding: "
                                        + "p".repeat(40_000)
                                        + "\r\n")
                        .raw("Content-Disposition: form-data; name=\"attachment\"\r\n\r\nx\r\n")
                        .build(),
                400,
                "malformed-multipart",
                "headers of part 2 are larger than 16384 bytes");
        var many = new MultipartBody().json("instance", TEMPLATE);
        for (int i = 0; i < 100; i++) {
            many.part("ref-data-as-pdf", null, "application/pdf", new byte[] {1});
        }
        rejects(many.build(), 400, "malformed-multipart", "more than 100 parts");
        db.awaitNothingStoredSince(start);
    }

    @Test
    void theInstancePartMustBeJsonAndComeOnce() {
        rejects(
                new MultipartBody()
                        .part("instance", null, "text/plain", TEMPLATE.getBytes())
                        .build(),
                415,
                "content-type-not-allowed",
                "instance part must be application/json");
        rejects(
                new MultipartBody().json("instance", TEMPLATE).json("instance", TEMPLATE).build(),
                400,
                "malformed-multipart",
                "more than one instance part");
        rejects(
                new MultipartBody().json("instance", "{\"instanceOwner\":").build(),
                400,
                "malformed-json",
                "not valid JSON");
    }

    @Test
    void nothingIsKeptWhenTheOwnerFailsAfterThePartsWereStored() {
        rejects(
                new MultipartBody()
                        .part("attachment", "a.pdf", "application/pdf", bytes(600_000, 8))
                        .json("instance", "{\"instanceOwner\":{\"partyId\":\"49999999\"}}")
                        .build(),
                404,
                "party-not-found",
                "Cannot lookup party");
        rejects(
                new MultipartBody()
                        .part("attachment", "a.pdf", "application/pdf", bytes(600_000, 9))
                        .json("instance", "{\"instanceOwner\":{\"partyId\":\"50001340\"}}")
                        .build(),
                403,
                "access-denied",
                "may not act for party 50001340");
    }

    private void rejects(byte[] body, int status, String type, String detail) {
        Database.Marker start = db.since();
        post(SOPHIE, body)
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:app-instances:problem:" + type))
                .body("detail", containsString(detail));
        db.awaitNothingStoredSince(start);
    }
}
