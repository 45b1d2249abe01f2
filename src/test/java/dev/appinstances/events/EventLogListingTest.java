package dev.appinstances.events;

import static dev.appinstances.events.EventLogApi.all;
import static dev.appinstances.events.EventLogApi.app;
import static dev.appinstances.events.EventLogApi.local;
import static dev.appinstances.events.EventLogApi.storage;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.appinstances.common.SettableTimeSource;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Filters, order, paging and who may read an instance's events. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class EventLogListingTest {

    static final String BASE = "/ttd/example-app/instances/";
    static final String OWNER = Tokens.appOwner();
    static final String INVALID = "urn:app-instances:problem:invalid-query-parameter";
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Inject TestParties parties;
    @Inject SettableTimeSource time;

    @AfterEach
    void realTime() {
        time.reset();
    }

    /**
     * An instance of a new user with events at known times: created at T0 (4 events), an attachment
     * at T0+1h, two saves of the form at T0+2h and T0+3h (8 events in all).
     */
    String instanceWithHistory(TestParties.TestUser user) {
        time.set(T0);
        String id =
                given().auth()
                        .oauth2(user.token())
                        .queryParam("instanceOwnerPartyId", user.partyId())
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        String form =
                given().auth()
                        .oauth2(user.token())
                        .get(BASE + id)
                        .then()
                        .extract()
                        .path("data[0].id");
        time.set(T0.plusSeconds(3600));
        given().auth()
                .oauth2(user.token())
                .contentType("text/plain")
                .queryParam("dataType", "attachment")
                .body("note")
                .post(BASE + id + "/data")
                .then()
                .statusCode(201);
        for (int hour = 2; hour <= 3; hour++) {
            time.set(T0.plusSeconds(3600L * hour));
            given().auth()
                    .oauth2(user.token())
                    .contentType("application/xml")
                    .body("<BuildingPermit/>")
                    .put(BASE + id + "/data/" + form)
                    .then()
                    .statusCode(201);
        }
        time.reset();
        return id;
    }

    static List<String> types(JsonPath page) {
        return page.getList("instanceEvents.eventType", String.class);
    }

    @Test
    void eventTypesRepeatedOrCommaSeparatedExactNames() {
        TestParties.TestUser user = parties.user();
        String id = instanceWithHistory(user);
        assertThat(
                        types(
                                storage(
                                                OWNER,
                                                id,
                                                Map.of(
                                                        "eventTypes",
                                                        List.of("Saved", "process_StartTask")))
                                        .statusCode(200)
                                        .extract()
                                        .jsonPath()))
                .containsExactly("process_StartTask", "Saved", "Saved");
        assertThat(
                        types(
                                storage(OWNER, id, Map.of("eventTypes", "Created,Saved"))
                                        .statusCode(200)
                                        .extract()
                                        .jsonPath()))
                .containsExactly("Created", "Created", "Created", "Saved", "Saved");
        storage(OWNER, id, Map.of("eventTypes", "Signed"))
                .statusCode(200)
                .body("count", equalTo(0));
        storage(OWNER, id, Map.of("eventTypes", "")).statusCode(200).body("count", equalTo(7));
        storage(OWNER, id, Map.of("eventTypes", "created"))
                .statusCode(400)
                .body("type", equalTo(INVALID))
                .body("detail", containsString("eventTypes"))
                .body("detail", containsString("did you mean 'Created'"));
        storage(OWNER, id, Map.of("eventTypes", "Submitted")).statusCode(400);
    }

    @Test
    void fromAndToAreInclusiveAndEachAppliesAlone() {
        TestParties.TestUser user = parties.user();
        String id = instanceWithHistory(user);
        String t1 = T0.plusSeconds(3600).toString();
        String t2 = T0.plusSeconds(7200).toString();
        storage(OWNER, id, Map.of("from", t2)).statusCode(200).body("count", equalTo(2));
        storage(OWNER, id, Map.of("to", t1)).statusCode(200).body("count", equalTo(5));
        storage(OWNER, id, Map.of("from", t1, "to", t2))
                .statusCode(200)
                .body("instanceEvents.created", equalTo(List.of(t1, t2)));
        storage(OWNER, id, Map.of("from", "2026-03-01T12:00:00+01:00"))
                .statusCode(200)
                .body("count", equalTo(3));
        storage(OWNER, id, Map.of("from", t2, "to", t1)).statusCode(200).body("count", equalTo(0));
        for (String[] bad :
                new String[][] {
                    {"from", "yesterday"},
                    {"to", "2026-03-01T10:00:00"},
                    {"from", "2026-13-01T00:00:00Z"},
                    {"size", "0"},
                    {"size", "1001"},
                    {"size", "ten"},
                    {"order", "newest"},
                    {"continuationToken", "abc"},
                    {"pageSize", "2"}
                }) {
            storage(OWNER, id, Map.of(bad[0], bad[1]))
                    .statusCode(400)
                    .body("detail", containsString(bad[0]));
        }
        given().auth()
                .oauth2(OWNER)
                .get("/storage/api/v1/instances/" + id + "/events?from=" + t1 + "&from=" + t2)
                .then()
                .statusCode(400)
                .body("detail", containsString("only once"));
    }

    @Test
    void pagesFollowNextLinksWithoutGapsOrRepeatsInEitherOrder() {
        TestParties.TestUser user = parties.user();
        String id = instanceWithHistory(user);
        List<String> oldestFirst = all(OWNER, id).getList("instanceEvents.id", String.class);
        assertThat(oldestFirst).hasSize(7);
        for (String order : List.of("asc:created", "desc:created")) {
            List<String> seen = new ArrayList<>();
            JsonPath page =
                    storage(OWNER, id, Map.of("size", 3, "order", order))
                            .statusCode(200)
                            .extract()
                            .jsonPath();
            int pages = 1;
            while (true) {
                seen.addAll(page.getList("instanceEvents.id", String.class));
                String next = page.getString("next");
                if (next == null) {
                    break;
                }
                assertThat(next).contains("size=3");
                page =
                        given().urlEncodingEnabled(false)
                                .auth()
                                .oauth2(OWNER)
                                .get(local(next))
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath();
                pages++;
            }
            assertThat(pages).isEqualTo(3);
            List<String> expected = new ArrayList<>(oldestFirst);
            if (order.startsWith("desc")) {
                java.util.Collections.reverse(expected);
            }
            assertThat(seen).isEqualTo(expected);
        }
        String next = storage(OWNER, id, Map.of("size", 2)).extract().path("next");
        String token = next.substring(next.indexOf("continuationToken=") + 18);
        storage(OWNER, id, Map.of("size", 2, "continuationToken", token)).statusCode(200);
        storage(OWNER, id, Map.of("size", 2, "order", "desc:created", "continuationToken", token))
                .statusCode(400)
                .body("type", equalTo("urn:app-instances:problem:invalid-continuation-token"));
        String other = instanceWithHistory(parties.user());
        storage(OWNER, other, Map.of("size", 2, "continuationToken", token)).statusCode(400);
        String altered = (token.charAt(5) == 'A' ? "B" : "A");
        storage(
                        OWNER,
                        id,
                        Map.of(
                                "continuationToken",
                                token.substring(0, 5) + altered + token.substring(6)))
                .statusCode(400)
                .body("type", equalTo("urn:app-instances:problem:invalid-continuation-token"));
    }

    @Test
    void theAppPathListsNewestFirstInPagesOfTheDefaultSize() {
        TestParties.TestUser user = parties.user();
        String id = instanceWithHistory(user);
        List<String> oldestFirst = all(OWNER, id).getList("instanceEvents.id", String.class);
        List<String> newestFirst =
                app(user.token(), id, Map.of())
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("instanceEvents.id", String.class);
        List<String> reversed = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(reversed);
        assertThat(newestFirst).isEqualTo(reversed);
        app(user.token(), id, Map.of("order", "asc:created", "size", 5))
                .statusCode(200)
                .body("instanceEvents.id", equalTo(oldestFirst.subList(0, 5)))
                .body("self", containsString("/ttd/example-app/instances/" + id + "/events?"))
                .body("next", containsString("/ttd/example-app/instances/" + id + "/events?"));
        given().auth()
                .oauth2(user.token())
                .get("/ttd/other-app/instances/" + id + "/events")
                .then()
                .statusCode(404);
    }

    @Test
    void whoMayReadTheInstanceMayReadItsEvents() {
        TestParties.TestUser user = parties.user();
        String id = instanceWithHistory(user);
        TestParties.TestUser delegate = parties.user();
        parties.delegate(delegate.userId(), user.partyId(), "[\"DAGL\"]");
        TestParties.TestUser stranger = parties.user();
        for (String token : List.of(OWNER, user.token(), delegate.token())) {
            storage(token, id, Map.of()).statusCode(200).body("count", equalTo(7));
            app(token, id, Map.of()).statusCode(200).body("count", equalTo(7));
        }
        for (String token :
                List.of(
                        stranger.token(),
                        Tokens.organisation("999999998"),
                        ownerWith("instances.write"),
                        user.token(1))) {
            storage(token, id, Map.of()).statusCode(403);
            app(token, id, Map.of()).statusCode(403);
        }
        storage(ownerWith("instances.write"), id, Map.of())
                .body("type", equalTo("urn:app-instances:problem:scope-required"));
        storage(ownerWith("instances.read"), id, Map.of()).statusCode(200);
        String missing = user.partyId() + "/" + java.util.UUID.randomUUID();
        storage(user.token(), missing, Map.of()).statusCode(404);
        storage(stranger.token(), missing, Map.of()).statusCode(403);

        // an organisation reads the events of its own instances, and is recorded by its number
        long org = parties.organisation();
        String orgToken = Tokens.organisation(TestParties.orgNumber(org));
        String orgs =
                given().auth()
                        .oauth2(orgToken)
                        .queryParam("instanceOwnerPartyId", org)
                        .post(BASE)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        storage(orgToken, orgs, Map.of())
                .statusCode(200)
                .body("instanceEvents[0].user.orgNumber", equalTo(TestParties.orgNumber(org)))
                .body("instanceEvents[0].user.authenticationLevel", equalTo(3))
                .body("instanceEvents[0].user.userId", nullValue());

        // a hard-deleted instance's events are the app owner's to read until the purge
        given().auth()
                .oauth2(user.token())
                .queryParam("hard", "true")
                .delete(BASE + id)
                .then()
                .statusCode(200);
        storage(user.token(), id, Map.of()).statusCode(404);
        storage(OWNER, id, Map.of("eventTypes", "Deleted"))
                .statusCode(200)
                .body("instanceEvents", hasSize(1));
    }

    /** The app owner with only the given scope. */
    static String ownerWith(String scope) {
        return Jwt.issuer(Tokens.ISSUER)
                .subject("test")
                .claim("urn:altinn:org", Tokens.APP_ORG)
                .claim("urn:altinn:orgNumber", Tokens.APP_ORG_NUMBER)
                .claim("urn:altinn:authlevel", "3")
                .claim("scope", "altinn:serviceowner/" + scope)
                .sign();
    }
}
