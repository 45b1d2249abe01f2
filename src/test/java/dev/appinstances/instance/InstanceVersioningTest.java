package dev.appinstances.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.testsupport.EmbeddedPostgresResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The instance row is optimistically locked: a write based on a stale read fails. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class InstanceVersioningTest {

    @Inject InstanceRepository instances;

    @Test
    @RunOnVertxContext
    void aWriteBasedOnAStaleReadIsRejectedAndTheFirstWriteKept(UniAsserter asserter) {
        UUID id = UUID.randomUUID();
        InstanceEntity[] staleCopy = new InstanceEntity[1];
        asserter.execute(() -> Panache.withTransaction(() -> instances.persist(newInstance(id))));
        asserter.execute(
                () ->
                        Panache.withSession(() -> instances.findById(id))
                                .invoke(read -> staleCopy[0] = read));
        asserter.execute(
                () ->
                        Panache.withTransaction(
                                () ->
                                        instances
                                                .findById(id)
                                                .invoke(i -> i.lastChangedBy = "first")));
        asserter.assertFailedWith(
                () ->
                        Panache.withTransaction(
                                () -> {
                                    staleCopy[0].lastChangedBy = "second";
                                    return Panache.getSession()
                                            .chain(session -> session.merge(staleCopy[0]));
                                }),
                OptimisticLockException.class);
        asserter.assertThat(
                () -> Panache.withSession(() -> instances.findById(id)),
                current -> {
                    assertThat(current.lastChangedBy).isEqualTo("first");
                    assertThat(current.version).isEqualTo(1);
                });
    }

    private static InstanceEntity newInstance(UUID id) {
        Instant now = Instant.now();
        InstanceEntity instance = new InstanceEntity();
        instance.id = id;
        instance.partyId = 50001337;
        instance.appId = "ttd/example-app";
        instance.org = "ttd";
        instance.instanceOwner = new InstanceOwner("50001337", "12247918309", null, null, null);
        instance.created = now;
        instance.createdBy = "test";
        instance.touch(now, "test");
        return instance;
    }
}
