package dev.appinstances.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pending content a crashed upload left behind goes once it is older than the TTL; nothing else.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class BlobJanitorTest {

    @Inject PostgresBlobStore blobs;
    @Inject Database db;

    @Test
    void removesOnlyPendingBlobsOlderThanTheTtl() {
        UUID abandoned = UUID.randomUUID();
        UUID uploading = UUID.randomUUID();
        UUID committed = UUID.randomUUID();
        db.execute(
                "insert into blob (id, created) values ('"
                        + abandoned
                        + "', now() - interval '2 hours')");
        db.execute("insert into blob_chunk values ('" + abandoned + "', 0, 0, '\\x00')");
        db.execute(
                "insert into blob (id, created) values ('"
                        + uploading
                        + "', now() - interval '5 minutes')");
        db.execute(
                "insert into blob (id, committed, created) values ('"
                        + committed
                        + "', true, now() - interval '2 days')");

        blobs.removeAbandonedPendingBlobs().await().indefinitely();

        assertThat(db.count("select count(*) from blob where id = '" + abandoned + "'")).isZero();
        assertThat(db.count("select count(*) from blob_chunk where blob_id = '" + abandoned + "'"))
                .isZero();
        assertThat(
                        db.count(
                                "select count(*) from blob where id in ('"
                                        + uploading
                                        + "', '"
                                        + committed
                                        + "')"))
                .isEqualTo(2);
        db.execute("delete from blob where id in ('" + uploading + "', '" + committed + "')");
    }
}
