package dev.appinstances.query;

import static dev.appinstances.query.QueryApi.OWNER;
import static dev.appinstances.query.QueryApi.PAGING;
import static dev.appinstances.query.QueryApi.PERSON;
import static dev.appinstances.query.QueryApi.change;
import static dev.appinstances.query.QueryApi.create;
import static dev.appinstances.query.QueryApi.follow;
import static dev.appinstances.query.QueryApi.ids;
import static dev.appinstances.query.QueryApi.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import dev.appinstances.testsupport.TestParties;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Keyset paging while the table changes: every instance that existed before the first page is
 * listed exactly once, in order, while instances are created and changed concurrently (new ones and
 * already-listed ones move ahead of the cursor; with OFFSET they would shift the pages).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPagingTest {

    static final int EXISTING = 23;
    static final int PAGE = 5;
    @Inject Database db;
    @Inject TestParties parties;

    /** The paging party of the current test, as a query parameter. */
    private String party;

    private final List<String> existing = new ArrayList<>();
    private String elsewhere;

    @BeforeEach
    void existingInstances() {
        QueryApi.newParties(parties); // fresh parties for each test: no instances yet
        party = "appId=ttd/example-app&instanceOwner.partyId=" + PAGING;
        existing.clear(); // one test instance serves both tests (PER_CLASS)
        for (int i = 0; i < EXISTING; i++) {
            existing.add(create(PAGING));
        }
        // four instances share each lastChanged, so that ties straddle page boundaries
        db.execute(
                "update instance i set last_changed = timestamptz '2022-01-01T00:00:00Z'"
                        + " + ((n.rn / 4) * interval '1 minute') from (select id, row_number()"
                        + " over (order by id) as rn from instance where instance_owner_party_id = "
                        + PAGING
                        + ") n where n.id = i.id");
        elsewhere = create(PERSON);
    }

    @Test
    void newestFirstListsEachExistingInstanceOnceWhileOthersAreCreatedAndChanged()
            throws Exception {
        List<String> listed = new CopyOnWriteArrayList<>();
        List<Instant> changedAt = new ArrayList<>();
        List<String> created = new CopyOnWriteArrayList<>();
        AtomicBoolean paging = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            ValidatableResponse page = query(OWNER, party + "&size=" + PAGE).statusCode(200);
            collect(page, listed, changedAt);
            Future<Integer> writes =
                    writer.submit(
                            () -> {
                                int n = 0;
                                while (paging.get()) {
                                    created.add(create(PAGING));
                                    // an instance already listed moves ahead of the cursor
                                    change(listed.get(n % listed.size()), "moved-" + n);
                                    change(elsewhere, "elsewhere-" + n);
                                    n++;
                                }
                                return n;
                            });
            String next = page.extract().path("next");
            while (next != null) {
                // and at least one creation and one change between any two pages
                created.add(create(PAGING));
                change(listed.get(listed.size() - 1), "moved");
                page = follow(OWNER, next).statusCode(200);
                collect(page, listed, changedAt);
                next = page.extract().path("next");
            }
            paging.set(false);
            assertThat(writes.get(30, TimeUnit.SECONDS)).isPositive();
        } finally {
            paging.set(false);
            writer.shutdownNow();
        }
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(existing);
        assertThat(created).isNotEmpty().doesNotContainAnyElementsOf(listed);
        // the order: lastChanged descending, then id ascending
        for (int i = 1; i < listed.size(); i++) {
            int byTime = changedAt.get(i - 1).compareTo(changedAt.get(i));
            assertThat(byTime).as("position %d", i).isGreaterThanOrEqualTo(0);
            if (byTime == 0) {
                assertThat(QueryApi.guid(listed.get(i - 1)).compareTo(QueryApi.guid(listed.get(i))))
                        .isNegative();
            }
        }
        // nothing was lost: the party now has the existing and the created instances
        assertThat(
                        db.count(
                                "select count(*) from instance where instance_owner_party_id = "
                                        + PAGING))
                .isEqualTo(EXISTING + created.size());
    }

    @Test
    void oldestFirstListsEachExistingInstanceOnceWhileOthersAreCreated() throws Exception {
        List<String> listed = new CopyOnWriteArrayList<>();
        List<Instant> changedAt = new ArrayList<>();
        List<String> created = new CopyOnWriteArrayList<>();
        AtomicBoolean paging = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            String raw = party + "&order=asc:lastChanged&size=" + PAGE;
            ValidatableResponse page = query(OWNER, raw).statusCode(200);
            collect(page, listed, changedAt);
            Future<?> writes =
                    writer.submit(
                            () -> {
                                int n = 0;
                                while (paging.get()) {
                                    created.add(create(PAGING));
                                    change(elsewhere, "elsewhere-" + n++);
                                }
                            });
            String next = page.extract().path("next");
            while (next != null) {
                created.add(create(PAGING));
                page = follow(OWNER, next).statusCode(200);
                collect(page, listed, changedAt);
                next = page.extract().path("next");
            }
            paging.set(false);
            writes.get(30, TimeUnit.SECONDS);
        } finally {
            paging.set(false);
            writer.shutdownNow();
        }
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed.subList(0, EXISTING)).containsExactlyInAnyOrderElementsOf(existing);
        // what was created while paging comes after the existing ones (asc), and only those
        Set<String> rest = new HashSet<>(listed.subList(EXISTING, listed.size()));
        assertThat(created).containsAll(rest);
        for (int i = 1; i < listed.size(); i++) {
            assertThat(changedAt.get(i - 1)).isBeforeOrEqualTo(changedAt.get(i));
        }
    }

    private static void collect(
            ValidatableResponse page, List<String> listed, List<Instant> changedAt) {
        listed.addAll(ids(page));
        for (String at : page.extract().jsonPath().getList("instances.lastChanged", String.class)) {
            changedAt.add(Instant.parse(at));
        }
        assertThat(page.extract().<Integer>path("count")).isLessThanOrEqualTo(PAGE);
    }
}
