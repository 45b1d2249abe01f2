package dev.appinstances.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.TestParties;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The active list reads only the party's live rows, through the partial index, however many
 * archived or deleted instances the party has.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ActiveQueryPlanTest {

    /** Party ids no register row has; instance rows do not reference the party table. */
    static final long ANOTHER_PARTY_BASE = 990_000_000L;

    @Inject Pool pool;
    @Inject TestParties parties;

    @Test
    void theActiveQueryUsesThePartialIndexAndReadsOnlyLiveRows() {
        long party = parties.person();
        sql(rows(party, 20_000, "now() - interval '1 day'", "null"));
        sql(rows(party, 5_000, "null", "now()"));
        sql(rows(party, 3, "null", "null"));
        // other parties' live instances, so that this party is not most of the table
        for (int other = 1; other <= 50; other++) {
            sql(rows(ANOTHER_PARTY_BASE + other, 400, "null", "null"));
        }
        sql("analyze instance");

        String plan =
                pool.query("explain (analyze, buffers, format json) " + activeQuery(party))
                        .execute()
                        .await()
                        .atMost(Duration.ofSeconds(30))
                        .iterator()
                        .next()
                        .getValue(0)
                        .toString();

        assertThat(plan).contains("instance_active_by_party");
        assertThat(seqScannedTables(plan)).doesNotContain("instance");
        assertThat(plan).contains("\"Actual Rows\":3");
        // so many rows would only slow the other tests down
        sql("delete from instance where instance_owner_party_id = " + party);
        sql(
                "delete from instance where instance_owner_party_id between "
                        + (ANOTHER_PARTY_BASE + 1)
                        + " and "
                        + (ANOTHER_PARTY_BASE + 50));
    }

    /** The statement the active list runs, with this test's values in place of parameters. */
    private static String activeQuery(long party) {
        return ActiveInstanceStore.SQL
                .replace("$1", "'ttd/example-app'")
                .replace("$2", Long.toString(party));
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

    /** The tables the plan reads whole; the subplans may read the tiny register tables so. */
    private static List<String> seqScannedTables(String plan) {
        List<String> tables = new ArrayList<>();
        try {
            new ObjectMapper()
                    .readTree(plan)
                    .findParents("Node Type")
                    .forEach(
                            node -> {
                                if ("Seq Scan".equals(node.path("Node Type").asText())) {
                                    tables.add(node.path("Relation Name").asText());
                                }
                            });
        } catch (JsonProcessingException e) {
            throw new AssertionError("EXPLAIN gave no JSON: " + plan, e);
        }
        return tables;
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().atMost(Duration.ofSeconds(60));
    }
}
