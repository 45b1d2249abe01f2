package dev.appinstances.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.testsupport.Database;
import dev.appinstances.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The migrated schema indexes every foreign key: without an index on the referencing columns, each
 * delete of a referenced row scans the referencing table (a released blob scanned all data
 * elements), which no test on a small table would notice.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ForeignKeyIndexTest {

    @Inject Database db;

    @Test
    void everyForeignKeyLeadsAnIndex() {
        String unindexed =
                db.text(
                        "select coalesce(string_agg(c.conrelid::regclass || '.' || c.conname, ', '"
                                + " order by 1), '') from pg_constraint c"
                                + " where c.contype = 'f' and c.connamespace = current_schema()::regnamespace"
                                + " and not exists (select 1 from pg_index i"
                                + " where i.indrelid = c.conrelid"
                                + " and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] = c.conkey)");
        assertThat(unindexed).as("foreign keys without an index on their columns").isEmpty();
    }
}
