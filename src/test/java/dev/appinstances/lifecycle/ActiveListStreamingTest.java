package dev.appinstances.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A party with many live instances gets them all, in order, as one JSON array streamed in chunks
 * rather than built whole; each entry is what the short list had before.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ActiveListStreamingTest {

    static final String BASE = "/ttd/example-app/instances";
    static final int LIVE = 10_000;

    @Inject Database db;
    @Inject TestParties parties;

    @Test
    void tenThousandLiveInstancesComeAsOneStreamedArrayNewestFirst() {
        long party = parties.organisation();
        db.execute(
                "insert into instance (id, instance_owner_party_id, app_id, org, instance_owner,"
                        + " created, last_changed, last_changed_by, presentation_texts, due_before)"
                        + " select md5('active-"
                        + party
                        + "-' || n)::uuid, "
                        + party
                        + ", 'ttd/example-app', 'ttd', '{\"partyId\":\""
                        + party
                        + "\"}', now(), timestamptz '2026-01-01T00:00:00Z' + n * interval '1"
                        + " second', case n % 3 when 0 then '"
                        + Tokens.APP_ORG_NUMBER
                        + "' when 1 then '0042' else null end, jsonb_build_object('title', 'case ' ||"
                        + " n), case when n = "
                        + LIVE
                        + " then timestamptz '2027-01-01T00:00:00Z' end"
                        + " from generate_series(1, "
                        + LIVE
                        + ") n");
        try {
            Response response =
                    given().auth()
                            .oauth2(Tokens.appOwner())
                            .get(BASE + "/" + party + "/active")
                            .then()
                            .statusCode(200)
                            .contentType("application/json")
                            .extract()
                            .response();

            assertThat(response.header("Content-Length")).isNull();
            assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
            List<Map<String, Object>> active = response.jsonPath().getList("$");
            assertThat(active).hasSize(LIVE);
            List<String> lastChanged =
                    active.stream().map(entry -> (String) entry.get("lastChanged")).toList();
            assertThat(lastChanged).isSortedAccordingTo((a, b) -> b.compareTo(a));
            Map<String, Object> newest = active.get(0);
            assertThat(newest.get("lastChanged")).isEqualTo("2026-01-01T02:46:40Z");
            assertThat(newest.get("dueBefore")).isEqualTo("2027-01-01T00:00:00Z");
            assertThat(newest.get("presentationTexts")).isEqualTo(Map.of("title", "case 10000"));
            assertThat(newest.get("id")).asString().startsWith(party + "/");
            assertThat(active.get(1).get("lastChangedBy")).isEqualTo("Testdepartementet");
            assertThat(active.get(2).get("lastChangedBy"))
                    .as("a number with a leading zero is no user id")
                    .isEqualTo("");
            assertThat(active.get(3).get("lastChangedBy")).as("nobody").isEqualTo("");
            assertThat(active.stream().map(entry -> entry.get("id")).distinct()).hasSize(LIVE);
        } finally {
            // so many rows would only slow the other tests down
            db.execute("delete from instance where instance_owner_party_id = " + party);
        }
    }
}
