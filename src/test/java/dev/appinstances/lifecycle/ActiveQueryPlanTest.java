package dev.appinstances.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.instance.InstanceDocumentStore;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.TestParties;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The active list reads only the party's live rows, through the partial index, however many
 * archived or deleted instances the party has.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ActiveQueryPlanTest {

    @Inject Pool pool;
    @Inject TestParties parties;

    @Test
    void theActiveQueryUsesThePartialIndexAndReadsOnlyLiveRows() {
        long party = parties.person();
        sql(rows(party, 20_000, "now() - interval '1 day'", "null"));
        sql(rows(party, 5_000, "null", "now()"));
        sql(rows(party, 3, "null", "null"));
        sql("analyze instance");

        String plan =
                pool.preparedQuery(
                                "explain (analyze, buffers, format json) "
                                        + InstanceDocumentStore.ACTIVE)
                        .execute(Tuple.of("ttd/example-app", party))
                        .await()
                        .atMost(Duration.ofSeconds(30))
                        .iterator()
                        .next()
                        .getValue(0)
                        .toString();

        assertThat(plan).contains("instance_active_by_party");
        assertThat(plan).doesNotContain("Seq Scan");
        assertThat(plan).contains("\"Actual Rows\":3");
        // so many rows would only slow the other tests down
        sql("delete from instance where instance_owner_party_id = " + party);
    }

    private static String rows(long party, int count, String archived, String softDeleted) {
        return "insert into instance (id, instance_owner_party_id, app_id, org, instance_owner,"
                + " created, last_changed, archived, soft_deleted)"
                + " select gen_random_uuid(), "
                + party
                + ", 'ttd/example-app', 'ttd', '{\"partyId\":\""
                + party
                + "\"}', now(), now() - (n * interval '1 second'), "
                + archived
                + ", "
                + softDeleted
                + " from generate_series(1, "
                + count
                + ") n";
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().atMost(Duration.ofSeconds(60));
    }
}
