package dev.appinstances.events;

import static dev.appinstances.testsupport.InstanceApi.BASE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.InstanceApi;
import dev.appinstances.testsupport.Metrics;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.TestParties.TestUser;
import dev.appinstances.testsupport.Tokens;
import dev.appinstances.testsupport.WebhookReceiver;
import dev.appinstances.testsupport.WebhookReceiver.Received;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * App events end to end, with a real HTTP receiver: each change gives exactly its CloudEvent,
 * signed, in commit order; failed deliveries are retried with backoff and give up after the max age
 * ({@code %test.app.events.max-age}); a refused or rolled-back change gives none.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class AppEventDeliveryTest {

    static final String SUBSCRIPTIONS = "/ttd/example-app/api/v1/eventsubscriptions";
    static final String OWNER = Tokens.appOwner();
    static final String PING = "platform.events.validatesubscription";
    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject Database db;
    @Inject TestParties parties;

    /** A subscription to the party's events; its JSON answer (with the secret). */
    static JsonPath subscribe(WebhookReceiver receiver, long partyId) {
        return given().auth()
                .oauth2(OWNER)
                .contentType("application/json")
                .body(
                        "{\"endPoint\": \""
                                + receiver.url()
                                + "\", \"subjectFilter\": \"/party/"
                                + partyId
                                + "\"}")
                .post(SUBSCRIPTIONS)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /**
     * Subscribes and waits for the validation ping, so the ping (delivered independently of any
     * instance) cannot interleave with the events a test then expects in order.
     */
    static JsonPath subscribeAndAwaitPing(WebhookReceiver receiver, long partyId) {
        JsonPath subscription = subscribe(receiver, partyId);
        awaitTypes(receiver, List.of(PING));
        return subscription;
    }

    static void awaitTypes(WebhookReceiver receiver, List<String> types) {
        Database.awaitTrue(
                () -> "events " + types + ", received " + receiver.types(),
                () -> receiver.types().equals(types),
                WAIT);
    }

    static String guid(String id) {
        return id.substring(id.indexOf('/') + 1);
    }

    @Test
    void everyChangeGivesExactlyItsEventSignedInCommitOrder() {
        TestUser user = parties.user();
        Metrics before = Metrics.scrape();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonPath subscription = subscribe(receiver, user.partyId());
            String secret = subscription.getString("secret");
            assertThat(secret).startsWith("whsec_");
            awaitTypes(receiver, List.of(PING));

            String id =
                    given().auth()
                            .oauth2(user.token())
                            .contentType("application/json")
                            .body("{\"instanceOwner\": {\"partyId\": \"" + user.partyId() + "\"}}")
                            .post(BASE)
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
            given().auth()
                    .oauth2(user.token())
                    .put(BASE + "/" + id + "/process/next")
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(OWNER)
                    .contentType("application/json")
                    .body("{\"label\": \"received\"}")
                    .put(BASE + "/" + id + "/substatus")
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(user.token())
                    .contentType("application/json")
                    .body("{\"action\": \"confirm\"}")
                    .put(BASE + "/" + id + "/process/next")
                    .then()
                    .statusCode(200);
            String other = createBodiless(user);
            given().auth().oauth2(user.token()).delete(BASE + "/" + other).then().statusCode(200);
            given().auth()
                    .oauth2(OWNER)
                    .queryParam("hard", "true")
                    .delete(BASE + "/" + other)
                    .then()
                    .statusCode(200);
            String multipart = createMultipart(user);

            String simplified =
                    given().auth()
                            .oauth2(user.token())
                            .contentType("application/json")
                            .body(
                                    "{\"instanceOwner\": {\"partyId\": \""
                                            + user.partyId()
                                            + "\"}, \"prefill\": {}}")
                            .post(BASE + "/create")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");

            // Commit order holds per instance; instances are delivered independently.
            Map<String, List<String>> expected =
                    Map.of(
                            id,
                            List.of(
                                    "app.instance.created",
                                    "app.instance.process.movedTo.Task_2",
                                    "app.instance.substatus.changed",
                                    "app.instance.process.completed"),
                            other,
                            List.of(
                                    "app.instance.created",
                                    "app.instance.deleted",
                                    "app.instance.deleted"),
                            multipart,
                            List.of("app.instance.created"),
                            simplified,
                            List.of("app.instance.created"));
            Database.awaitTrue(
                    () -> "events " + expected + ", received " + byInstance(receiver),
                    () -> byInstance(receiver).equals(expected),
                    WAIT);
            List<Received> received = receiver.received();
            assertThat(received).hasSize(10);
            assertThat(received.get(0).type()).isEqualTo(PING);
            received.forEach(request -> WebhookReceiver.verify(request, secret));
            assertThat(received.stream().map(Received::id).distinct()).hasSize(10);

            JsonNode created =
                    received.stream()
                            .filter(r -> r.type().equals("app.instance.created"))
                            .filter(r -> r.event().path("source").asText().endsWith(id))
                            .findFirst()
                            .orElseThrow()
                            .event();
            assertThat(created.path("specversion").asText()).isEqualTo("1.0");
            assertThat(created.path("source").asText())
                    .isEqualTo("http://localhost:8080/ttd/example-app/instances/" + id);
            assertThat(created.path("subject").asText()).isEqualTo("/party/" + user.partyId());
            assertThat(created.path("alternativesubject").asText())
                    .isEqualTo("/person/" + TestParties.ssn(user.partyId()));
            assertThat(created.path("resource").asText())
                    .isEqualTo("urn:altinn:resource:app_ttd_example-app");
            assertThat(created.path("resourceinstance").asText()).isEqualTo(id);
            assertThat(created.path("time").asText()).isNotEmpty();
            assertThat(
                            db.count(
                                    "select count(*) from app_event where instance_id = '"
                                            + guid(id)
                                            + "'"))
                    .isEqualTo(4);

            Database.awaitTrue(
                    "delivered counted",
                    () ->
                            Metrics.scrape()
                                            .since(
                                                    before,
                                                    "app_event_deliveries_total",
                                                    "outcome=\"delivered\"")
                                    >= 10,
                    WAIT);
            assertThat(Metrics.scrape().text())
                    .contains("app_events_outbox_depth")
                    .contains("app_events_outbox_oldest_age_seconds");
        }
    }

    /** The types received per instance (by the event's resourceinstance), in arrival order. */
    static Map<String, List<String>> byInstance(WebhookReceiver receiver) {
        return receiver.received().stream()
                .filter(r -> !r.type().equals(PING))
                .collect(
                        Collectors.groupingBy(
                                r -> r.event().path("resourceinstance").asText(),
                                LinkedHashMap::new,
                                Collectors.mapping(Received::type, Collectors.toList())));
    }

    static String createBodiless(TestUser user) {
        return InstanceApi.createdBodiless(user.token(), user.partyId()).getString("id");
    }

    static String createMultipart(TestUser user) {
        return given().auth()
                .oauth2(user.token())
                .queryParam("instanceOwnerPartyId", user.partyId())
                .multiPart(
                        "model",
                        "form.xml",
                        "<BuildingPermit><property><address>Kaigata 1</address></property></BuildingPermit>"
                                .getBytes(),
                        "application/xml")
                .post(BASE)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void idempotentReplayEmitsNoSecondEvent() {
        long party = parties.person();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            subscribeAndAwaitPing(receiver, party);
            List<String> keyed = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                keyed.add(
                        given().auth()
                                .oauth2(OWNER)
                                .header("Idempotency-Key", "events-" + party)
                                .contentType("application/json")
                                .queryParam("instanceOwnerPartyId", party)
                                .body("{}")
                                .post(BASE)
                                .then()
                                .statusCode(201)
                                .extract()
                                .path("id"));
            }
            assertThat(keyed.get(1)).isEqualTo(keyed.get(0));
            String id = InstanceApi.existingInstance(OWNER, party);
            // instances are delivered independently: one created event for each, in any order
            Map<String, List<String>> expected =
                    Map.of(
                            keyed.get(0),
                            List.of("app.instance.created"),
                            id,
                            List.of("app.instance.created"));
            Database.awaitTrue(
                    () -> "events " + expected + ", received " + byInstance(receiver),
                    () -> byInstance(receiver).equals(expected),
                    WAIT);
            assertThat(receiver.types()).hasSize(3);
        }
    }

    @Test
    void aReceiverFailingThreeTimesGetsTheEventOnceMorePerRetryThenNoMore() {
        long party = parties.person();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answering(
                    request ->
                            request.type().equals("app.instance.created")
                                            && receiver.countOf(request.id()) <= 3
                                    ? 503
                                    : 204);
            JsonPath subscription = subscribeAndAwaitPing(receiver, party);
            String id =
                    given().auth()
                            .oauth2(OWNER)
                            .contentType("application/json")
                            .queryParam("instanceOwnerPartyId", party)
                            .body("{}")
                            .post(BASE)
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
            given().auth()
                    .oauth2(OWNER)
                    .contentType("application/json")
                    .body("{\"label\": \"after\"}")
                    .put(BASE + "/" + id + "/substatus")
                    .then()
                    .statusCode(200);
            // The substatus event waits for the created one (commit order per instance): when it
            // has arrived, the created event has been delivered and is not sent again.
            awaitTypes(
                    receiver,
                    List.of(
                            PING,
                            "app.instance.created",
                            "app.instance.created",
                            "app.instance.created",
                            "app.instance.created",
                            "app.instance.substatus.changed"));
            Received first = receiver.received().get(1);
            assertThat(receiver.countOf(first.id())).isEqualTo(4);
            receiver.received()
                    .forEach(r -> WebhookReceiver.verify(r, subscription.getString("secret")));

            JsonPath deliveries = deliveries(subscription.getLong("id"));
            assertThat(deliveries.getString("deliveries[1].type"))
                    .isEqualTo("app.instance.created");
            assertThat(deliveries.getString("deliveries[1].state")).isEqualTo("delivered");
            assertThat(deliveries.getInt("deliveries[1].attempts")).isEqualTo(4);
            assertThat(deliveries.getInt("deliveries[1].lastStatus")).isEqualTo(204);
        }
    }

    static JsonPath deliveries(long subscriptionId) {
        return given().auth()
                .oauth2(OWNER)
                .get(SUBSCRIPTIONS + "/" + subscriptionId + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aReceiverDownForTheWholeWindowEndsGivenUp() {
        long party = parties.person();
        Metrics before = Metrics.scrape();
        WebhookReceiver gone = WebhookReceiver.start();
        gone.close();
        JsonPath subscription = subscribe(gone, party);
        given().auth()
                .oauth2(OWNER)
                .contentType("application/json")
                .queryParam("instanceOwnerPartyId", party)
                .body("{}")
                .post(BASE)
                .then()
                .statusCode(201);
        long id = subscription.getLong("id");
        Database.awaitTrue(
                () -> "both given up: " + deliveries(id).getList("deliveries.state"),
                () ->
                        deliveries(id)
                                .getList("deliveries.state")
                                .equals(List.of("given_up", "given_up")),
                WAIT);
        JsonPath deliveries = deliveries(id);
        assertThat(deliveries.getInt("deliveries[0].attempts")).isGreaterThan(1);
        assertThat(deliveries.getString("deliveries[0].lastError")).isNotBlank();
        assertThat(deliveries.getString("deliveries[0].nextAttemptAt")).isNull();
        assertThat(
                        Metrics.scrape()
                                .since(
                                        before,
                                        "app_event_deliveries_total",
                                        "outcome=\"given_up\""))
                .isGreaterThanOrEqualTo(2);
        assertThat(
                        Metrics.scrape()
                                .since(before, "app_event_deliveries_total", "outcome=\"failed\""))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRefusedRequestEmitsNothing() {
        TestUser user = parties.user();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            subscribeAndAwaitPing(receiver, user.partyId());
            String id = createBodiless(user);
            long partyEvents = partyEvents(user.partyId());
            given().auth()
                    .oauth2(user.token())
                    .contentType("application/json")
                    .body("{\"label\": \"mine\"}")
                    .put(BASE + "/" + id + "/substatus")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(user.token())
                    .contentType("application/json")
                    .body("{\"action\": \"sign\"}")
                    .put(BASE + "/" + id + "/process/next")
                    .then()
                    .statusCode(409);
            given().auth()
                    .oauth2(Tokens.organisation("310000001"))
                    .delete(BASE + "/" + id)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(user.token())
                    .header("If-Match", "\"999\"")
                    .delete(BASE + "/" + id)
                    .then()
                    .statusCode(412);
            given().auth()
                    .oauth2(OWNER)
                    .contentType("application/json")
                    .body("{\"label\": \"\"}")
                    .put(BASE + "/" + id + "/substatus")
                    .then()
                    .statusCode(400);
            assertThat(partyEvents(user.partyId())).isEqualTo(partyEvents);

            given().auth()
                    .oauth2(OWNER)
                    .contentType("application/json")
                    .body("{\"label\": \"accepted\"}")
                    .put(BASE + "/" + id + "/substatus")
                    .then()
                    .statusCode(200);
            awaitTypes(
                    receiver,
                    List.of(PING, "app.instance.created", "app.instance.substatus.changed"));
        }
    }

    long partyEvents(long partyId) {
        return db.count(
                "select count(*) from app_event where body::jsonb->>'subject' = '/party/"
                        + partyId
                        + "'");
    }

    @Test
    void aChangeRolledBackEmitsNothing() throws Exception {
        long party = parties.person();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            subscribeAndAwaitPing(receiver, party);
            try (AutoCloseable failing = db.failingInstanceCommits(party)) {
                int status = InstanceApi.createFor(OWNER, party).extract().statusCode();
                assertThat(status).isNotEqualTo(201);
            }
            assertThat(partyEvents(party)).isZero();
            assertThat(
                            db.count(
                                    "select count(*) from instance where instance_owner_party_id = "
                                            + party))
                    .isZero();

            String id = InstanceApi.existingInstance(OWNER, party);
            awaitTypes(receiver, List.of(PING, "app.instance.created"));
            assertThat(receiver.received().get(1).event().path("source").asText()).endsWith(id);
            assertThat(partyEvents(party)).isEqualTo(1);
        }
    }
}
