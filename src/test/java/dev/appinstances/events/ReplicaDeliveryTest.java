package dev.appinstances.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.instance.EventSettings;
import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.InstanceApi;
import dev.appinstances.testsupport.TestParties;
import dev.appinstances.testsupport.WebhookReceiver;
import dev.appinstances.testsupport.WebhookReceiver.Received;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Several service instances on one database: two more delivery workers, each with its own HTTP
 * client, claim concurrently with the service's own scheduled one, as replicas do. Every event
 * arrives exactly once, on its first attempt.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ReplicaDeliveryTest {

    static final int INSTANCES = 40;

    @Inject Database db;
    @Inject TestParties parties;
    @Inject DeliveryStore store;
    @Inject EndpointAddresses addresses;
    @Inject EventMetrics metrics;
    @Inject EventSettings settings;
    @Inject Vertx vertx;

    @Test
    void workersOnOneDatabaseDeliverEachEventOnce() {
        long party = parties.person();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            long subscription = AppEventDeliveryTest.subscribe(receiver, party).getLong("id");
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger byReplicas = new AtomicInteger();
            List<CompletableFuture<Void>> replicas = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                DeliveryWorker replica =
                        new DeliveryWorker(
                                store,
                                new WebhookSender(vertx, addresses, settings),
                                metrics,
                                settings);
                replicas.add(
                        CompletableFuture.runAsync(
                                () -> {
                                    while (!done.get()) {
                                        byReplicas.addAndGet(
                                                replica.deliverDue()
                                                        .await()
                                                        .atMost(Duration.ofSeconds(10)));
                                    }
                                }));
            }
            try {
                for (int i = 0; i < INSTANCES; i++) {
                    InstanceApi.existingInstance(AppEventDeliveryTest.OWNER, party);
                }
                Database.awaitTrue(
                        () -> INSTANCES + 1 + " deliveries, got " + receiver.received().size(),
                        () ->
                                db.count(
                                                "select count(*) from event_delivery where"
                                                        + " state = 'delivered' and subscription_id = "
                                                        + subscription)
                                        == INSTANCES + 1,
                        AppEventDeliveryTest.WAIT);
            } finally {
                done.set(true);
                replicas.forEach(CompletableFuture::join);
            }
            Map<String, Long> perEvent =
                    receiver.received().stream()
                            .collect(Collectors.groupingBy(Received::id, Collectors.counting()));
            assertThat(perEvent).hasSize(INSTANCES + 1);
            assertThat(perEvent.values()).allMatch(count -> count == 1);
            assertThat(
                            db.count(
                                    "select count(*) from event_delivery where attempts <> 1 and"
                                            + " subscription_id = "
                                            + subscription))
                    .isZero();
            assertThat(byReplicas.get()).isPositive();
            assertThat(
                            receiver.received().stream()
                                    .map(r -> r.event().path("resourceinstance").asText())
                                    .filter(instance -> !instance.isEmpty())
                                    .distinct())
                    .hasSize(INSTANCES);
        }
    }
}
