package dev.appinstances.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.InstanceApi;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Forms the service builds itself (autoCreate, a PUT or a PATCH of the model) are written by the
 * transaction that creates or changes their element, not as pending blobs committed later: their
 * blob and chunk rows carry that transaction's id, and a create that fails at commit writes none.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class BuiltContentTest {

    static final String BASE = FormDataTest.BASE;

    @Inject Database db;
    @Inject TestParties parties;

    @Test
    void theAutoCreatedFormIsWrittenByTheTransactionThatCreatesTheInstance() throws Exception {
        TestParties.TestUser owner = parties.user();
        JsonPath created = InstanceApi.createdBodiless(owner.token(), owner.partyId());
        String form = created.getString("data.find { it.dataType == 'model' }.id");

        assertThat(sameTransaction(form, "i.xmin")).isEqualTo("true/true");
        byte[] content =
                FormDataTest.as(owner.token())
                        .accept("application/xml")
                        .get(BASE + "/" + created.getString("id") + "/data/" + form)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        assertThat(db.text(blobColumn(form, "sha256"))).isEqualTo(sha256(content));
        assertThat(db.count(blobColumn(form, "size"))).isEqualTo(content.length);
        assertThat(db.text(blobColumn(form, "committed::text"))).isEqualTo("true");
    }

    @Test
    void aPutAndAPatchOfTheModelWriteTheNewContentInTheirTransaction() {
        TestParties.TestUser owner = parties.user();
        JsonPath created = InstanceApi.createdBodiless(owner.token(), owner.partyId());
        String path =
                BASE
                        + "/"
                        + created.getString("id")
                        + "/data/"
                        + created.getString("data.find { it.dataType == 'model' }.id");
        String form = path.substring(path.lastIndexOf('/') + 1);

        FormDataTest.as(owner.token())
                .contentType("application/json")
                .body(FormDataTest.MODEL.getBytes(StandardCharsets.UTF_8))
                .put(path)
                .then()
                .statusCode(201);
        assertThat(sameTransaction(form, "d.xmin")).isEqualTo("true/true");

        FormDataTest.as(owner.token())
                .contentType("application/json")
                .body(
                        "{\"patch\": [{\"op\": \"replace\", \"path\": \"/description\","
                                + " \"value\": \"patched\"}], \"ignoredValidators\": []}")
                .patch(path)
                .then()
                .statusCode(200);
        assertThat(sameTransaction(form, "d.xmin")).isEqualTo("true/true");
        assertThat(
                        db.count(
                                "select count(*) from blob b join data_element d on d.blob_id = b.id"
                                        + " where d.id = '"
                                        + form
                                        + "' and b.committed"))
                .isEqualTo(1);
    }

    @Test
    void aCreateThatFailsAtCommitWritesNoBlob() throws Exception {
        long party = parties.person();
        Database.Marker marker = db.since();
        try (AutoCloseable failing = db.failingInstanceCommits(party)) {
            int status = InstanceApi.createFor(Tokens.appOwner(), party).extract().statusCode();
            assertThat(status).isNotEqualTo(201);
            assertThat(db.storedSince(marker)).isEqualTo("0/0/0/0");
        }
    }

    /**
     * Whether the element's blob row and every chunk of it were written by the transaction that
     * last wrote {@code writer} (the instance row {@code i.xmin} or the element row {@code
     * d.xmin}), as {@code "blob/chunks"}, each {@code true} or {@code false}.
     */
    String sameTransaction(String elementId, String writer) {
        return db.text(
                "select (b.xmin = "
                        + writer
                        + ")::text || '/' || bool_and(c.xmin = "
                        + writer
                        + ")::text from data_element d join instance i on i.id = d.instance_id"
                        + " join blob b on b.id = d.blob_id join blob_chunk c on c.blob_id = b.id"
                        + " where d.id = '"
                        + elementId
                        + "' group by b.xmin, "
                        + writer);
    }

    static String blobColumn(String elementId, String column) {
        return "select b."
                + column
                + " from blob b join data_element d on d.blob_id = b.id where d.id = '"
                + elementId
                + "'";
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
