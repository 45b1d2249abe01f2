package dev.appinstances.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.instance.InstanceDocumentRows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuerySqlTest {

    static final QuerySql.Scope OWNER = new QuerySql.Scope("ttd/example-app", "ttd", false);
    static final QuerySql.Scope USER = new QuerySql.Scope("ttd/example-app", "ttd", true);
    final InstanceQueryParser parser = new InstanceQueryParser(100, 1000);

    @Test
    void theAppAloneIsOneIndexRangeInPageOrder() {
        var statement = QuerySql.page(parser.parse(Map.of()), OWNER, null, 101);
        assertThat(statement.sql())
                .isEqualTo(
                        InstanceDocumentRows.SELECT
                                + " where i.app_id = $1"
                                + " order by i.last_changed desc, i.id limit $2");
        assertThat(statement.parameters()).containsExactly("ttd/example-app", 101);
    }

    @Test
    void valuesNeverReachTheSqlText() {
        String evil = "x'); drop table instance; --";
        var query =
                parser.parse(
                        Map.of(
                                "instanceOwner.partyId", List.of("50001337"),
                                "process.currentTask", List.of(evil),
                                "excludeConfirmedBy", List.of(evil),
                                "searchString", List.of(evil),
                                "lastChanged", List.of("gt:2024-01-01T00:00:00Z")));
        var statement = QuerySql.page(query, USER, null, 10);
        assertThat(statement.sql())
                .doesNotContain("drop")
                .doesNotContain("50001337")
                .doesNotContain("2024");
        assertThat(statement.parameters()).contains(evil, 50001337L);
        assertThat(statement.sql()).contains("i.hard_deleted is null");
    }

    @Test
    void everyFilterBecomesItsCondition() {
        var query =
                parser.parse(
                        Map.ofEntries(
                                Map.entry("process.isComplete", List.of("true")),
                                Map.entry("process.ended", List.of("gte:2024-01-01T00:00:00Z")),
                                Map.entry("created", List.of("lt:2024-01-01T00:00:00Z")),
                                Map.entry("dueBefore", List.of("lte:2024-01-01T00:00:00Z")),
                                Map.entry("visibleAfter", List.of("eq:2024-01-01T00:00:00Z")),
                                Map.entry("status.isArchived", List.of("true")),
                                Map.entry("status.isSoftDeleted", List.of("false")),
                                Map.entry("status.isHardDeleted", List.of("false")),
                                Map.entry("confirmed", List.of("false"))));
        String sql = QuerySql.page(query, OWNER, null, 10).sql();
        assertThat(sql)
                .contains("i.process->>'ended' is not null")
                .contains("cast(i.process->>'ended' as timestamptz) >= $")
                .contains("i.created < $")
                .contains("i.due_before <= $")
                .contains("i.visible_after = $")
                .contains("i.archived is not null")
                .contains("i.soft_deleted is null")
                .contains("i.hard_deleted is null")
                .contains("not exists (select 1 from complete_confirmation c");
        assertThat(QuerySql.page(query, OWNER, null, 10).parameters()).contains("ttd");
        assertThat(
                        QuerySql.page(
                                        parser.parse(
                                                Map.of("process.isComplete", List.of("false"))),
                                        OWNER,
                                        null,
                                        10)
                                .sql())
                .contains("i.current_task is not null");
    }

    @Test
    void aTokenContinuesAfterItsPositionInEitherOrder() {
        var after = new ContinuationToken(Instant.parse("2024-01-01T00:00:00Z"), UUID.randomUUID());
        var desc = QuerySql.page(parser.parse(Map.of()), OWNER, after, 11);
        assertThat(desc.sql())
                .contains("i.last_changed <= $2 and (i.last_changed < $2 or i.id > $3)")
                .endsWith("order by i.last_changed desc, i.id limit $4");
        assertThat(desc.parameters())
                .containsExactly("ttd/example-app", after.lastChanged(), after.id(), 11);
        var asc =
                QuerySql.page(
                        parser.parse(Map.of("order", List.of("asc:lastChanged"))),
                        OWNER,
                        after,
                        11);
        assertThat(asc.sql())
                .contains("i.last_changed >= $2 and (i.last_changed > $2 or i.id < $3)")
                .endsWith("order by i.last_changed, i.id desc limit $4");
    }

    @Test
    void likeWildcardsInTheSearchStringAreLiteral() {
        assertThat(QuerySql.escapeLike("50%_off\\")).isEqualTo("50\\%\\_off\\\\");
        var statement =
                QuerySql.page(parser.parse(Map.of("searchString", List.of("a%b"))), OWNER, null, 5);
        assertThat(statement.parameters()).contains("%a\\%b%");
    }
}
