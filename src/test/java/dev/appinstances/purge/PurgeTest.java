package dev.appinstances.purge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.common.SettableTimeSource;
import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The purge rules at their boundaries, on a clock the test sets. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class PurgeTest {

    static final String BASE = "/ttd/example-app/instances";
    static final String OWNER = Tokens.appOwner();
    static final Duration GRACE = Duration.ofDays(7);
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Inject InstancePurge purge;
    @Inject SettableTimeSource time;
    @Inject Database db;

    @BeforeEach
    void emptyPurgeQueue() {
        time.set(NOW);
        purge.purge().await().indefinitely();
    }

    @AfterEach
    void realTime() {
        time.reset();
    }

    /** An instance with one data element, whose timestamps the test then sets. */
    String instance() {
        String id =
                given().auth()
                        .oauth2(OWNER)
                        .contentType("application/json")
                        .queryParam("instanceOwnerPartyId", 50001340)
                        .body("{}")
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().auth()
                .oauth2(OWNER)
                .contentType("text/plain")
                .queryParam("dataType", "attachment")
                .body("content")
                .post(BASE + "/" + id + "/data")
                .then()
                .statusCode(201);
        return id.substring(id.indexOf('/') + 1);
    }

    void set(String guid, String assignments) {
        db.execute("update instance set " + assignments + " where id = '" + guid + "'");
    }

    void confirm(String guid, String stakeholder, Instant on) {
        db.execute(
                "insert into complete_confirmation values ('"
                        + guid
                        + "', '"
                        + stakeholder
                        + "', '"
                        + on
                        + "')");
    }

    boolean exists(String guid) {
        return db.count("select count(*) from instance where id = '" + guid + "'") == 1;
    }

    @Test
    void hardDeletedInstancesThatWereNeverArchivedGoAtOnceWithTheirDataContentAndEvents() {
        String guid = instance();
        set(guid, "hard_deleted = '" + NOW + "', soft_deleted = '" + NOW + "'");
        String events = "select count(*) from instance_event where instance_id = '" + guid + "'";
        assertThat(db.count(events)).isEqualTo(5);
        String blob =
                db.text(
                        "select blob_id::text from data_element where instance_id = '"
                                + guid
                                + "'");
        assertThat(purge.purge().await().indefinitely()).isEqualTo(1);
        assertThat(exists(guid)).isFalse();
        assertThat(db.count("select count(*) from data_element where instance_id = '" + guid + "'"))
                .isZero();
        assertThat(db.count("select count(*) from blob where id = '" + blob + "'")).isZero();
        assertThat(db.count(events)).isZero();
        assertThat(purge.purge().await().indefinitely()).isZero();
    }

    @Test
    void archivedInstancesGoOnlyWhenBothHardDeleteAndOwnerConfirmationAreOlderThanTheGracePeriod() {
        Instant boundary = NOW.minus(GRACE);
        String exactlyOld = instance();
        set(
                exactlyOld,
                "archived = '"
                        + boundary.minusSeconds(60)
                        + "', hard_deleted = '"
                        + boundary
                        + "', soft_deleted = '"
                        + boundary
                        + "'");
        confirm(exactlyOld, "ttd", boundary);

        String deletedTooRecently = instance();
        set(
                deletedTooRecently,
                "archived = '"
                        + boundary
                        + "', hard_deleted = '"
                        + boundary.plusNanos(1000)
                        + "', soft_deleted = '"
                        + boundary
                        + "'");
        confirm(deletedTooRecently, "ttd", boundary.minus(Duration.ofDays(30)));

        String confirmedTooRecently = instance();
        set(
                confirmedTooRecently,
                "archived = '"
                        + boundary
                        + "', hard_deleted = '"
                        + boundary.minus(Duration.ofDays(30))
                        + "', soft_deleted = '"
                        + boundary
                        + "'");
        confirm(confirmedTooRecently, "ttd", boundary.plusNanos(1000));

        String confirmedByAnotherOrg = instance();
        set(
                confirmedByAnotherOrg,
                "archived = '"
                        + boundary
                        + "', hard_deleted = '"
                        + boundary.minus(Duration.ofDays(30))
                        + "', soft_deleted = '"
                        + boundary
                        + "'");
        confirm(confirmedByAnotherOrg, "tdd", boundary.minus(Duration.ofDays(30)));

        String neverConfirmed = instance();
        set(
                neverConfirmed,
                "archived = '"
                        + boundary
                        + "', hard_deleted = '"
                        + boundary.minus(Duration.ofDays(30))
                        + "', soft_deleted = '"
                        + boundary
                        + "'");

        String softDeletedOnly = instance();
        set(softDeletedOnly, "soft_deleted = '" + boundary.minus(Duration.ofDays(365)) + "'");

        assertThat(purge.purge().await().indefinitely()).isEqualTo(1);
        assertThat(exists(exactlyOld)).isFalse();
        for (String kept :
                new String[] {
                    deletedTooRecently,
                    confirmedTooRecently,
                    confirmedByAnotherOrg,
                    neverConfirmed,
                    softDeletedOnly
                }) {
            assertThat(exists(kept)).as(kept).isTrue();
        }

        time.set(NOW.plusNanos(1000));
        assertThat(purge.purge().await().indefinitely()).isEqualTo(2);
        assertThat(exists(deletedTooRecently)).isFalse();
        assertThat(exists(confirmedTooRecently)).isFalse();
    }

    @Test
    void concurrentRunsRemoveEachInstanceOnce() {
        for (int i = 0; i < 5; i++) {
            set(instance(), "hard_deleted = '" + NOW + "', soft_deleted = '" + NOW + "'");
        }
        var first = purge.purge().subscribeAsCompletionStage();
        var second = purge.purge().subscribeAsCompletionStage();
        assertThat(first.join() + second.join()).isEqualTo(5);
    }
}
