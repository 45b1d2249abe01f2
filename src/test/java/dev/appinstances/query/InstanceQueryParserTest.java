package dev.appinstances.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appinstances.problem.InvalidQueryParameterException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstanceQueryParserTest {

    private final InstanceQueryParser parser = new InstanceQueryParser(100, 1000);

    @Test
    void noParametersMeansNoFiltersNewestFirstAndTheDefaultSize() {
        InstanceQuery query = parser.parse(Map.of());
        assertThat(query.order()).isEqualTo(SortOrder.DESC);
        assertThat(query.size()).isEqualTo(100);
        assertThat(query.partyId()).isNull();
        assertThat(query.lastChanged()).isEmpty();
        assertThat(query.continuationToken()).isNull();
    }

    @Test
    void everyParameterIsRead() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("appId", List.of("ttd/example-app"));
        parameters.put("org", List.of("ttd"));
        parameters.put("instanceOwner.partyId", List.of("50001337"));
        parameters.put("process.currentTask", List.of("Task_1"));
        parameters.put("process.isComplete", List.of("FALSE"));
        parameters.put("process.ended", List.of("lt:2024-01-01T00:00:00Z"));
        parameters.put(
                "lastChanged", List.of("gt:2024-01-01T00:00:00Z", "lte:2024-02-01T00:00:00Z"));
        parameters.put("created", List.of("gte:2023-01-01T00:00:00Z"));
        parameters.put("dueBefore", List.of("lt:2025-01-01T00:00:00Z"));
        parameters.put("visibleAfter", List.of("lte:2025-01-01T00:00:00Z"));
        parameters.put("status.isArchived", List.of("true"));
        parameters.put("status.isSoftDeleted", List.of("false"));
        parameters.put("status.isHardDeleted", List.of("false"));
        parameters.put("excludeConfirmedBy", List.of("skd"));
        parameters.put("confirmed", List.of("false"));
        parameters.put("searchString", List.of("50%"));
        parameters.put("order", List.of("asc:lastChanged"));
        parameters.put("size", List.of("1000"));
        parameters.put("continuationToken", List.of("abc"));
        InstanceQuery query = parser.parse(parameters);
        assertThat(query.appId()).isEqualTo("ttd/example-app");
        assertThat(query.org()).isEqualTo("ttd");
        assertThat(query.partyId()).isEqualTo(50001337L);
        assertThat(query.currentTask()).isEqualTo("Task_1");
        assertThat(query.isComplete()).isFalse();
        assertThat(query.processEnded()).hasSize(1);
        assertThat(query.lastChanged())
                .extracting(DateExpression::value)
                .containsExactly(
                        Instant.parse("2024-01-01T00:00:00Z"),
                        Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(query.created()).hasSize(1);
        assertThat(query.dueBefore()).hasSize(1);
        assertThat(query.visibleAfter()).hasSize(1);
        assertThat(query.isArchived()).isTrue();
        assertThat(query.isSoftDeleted()).isFalse();
        assertThat(query.isHardDeleted()).isFalse();
        assertThat(query.excludeConfirmedBy()).isEqualTo("skd");
        assertThat(query.confirmed()).isFalse();
        assertThat(query.searchString()).isEqualTo("50%");
        assertThat(query.order()).isEqualTo(SortOrder.ASC);
        assertThat(query.size()).isEqualTo(1000);
        assertThat(query.continuationToken()).isEqualTo("abc");
    }

    @ParameterizedTest(name = "{0}={1} -> 400 naming {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "foo|1",
                "instanceOwnerPartyId|1",
                "process.endEvent|EndEvent_1",
                "instanceOwner.partyId|abc",
                "instanceOwner.partyId|-5",
                "instanceOwner.partyId|0",
                "instanceOwner.partyId|1234567890123456789",
                "process.isComplete|1",
                "status.isArchived|yes",
                "status.isSoftDeleted|''",
                "status.isHardDeleted|null",
                "confirmed|maybe",
                "size|0",
                "size|1001",
                "size|-1",
                "size|ten",
                "size|99999999999",
                "order|desc:created",
                "order|desc",
                "lastChanged|gt2024",
                "created|gt:2024-01-01T00:00:00",
                "dueBefore|''",
                "appId|''"
            })
    void malformedValuesAreRejectedNamingTheParameter(String name, String value) {
        Map<String, List<String>> parameters = Map.of(name, List.of(value));
        assertThatThrownBy(() -> parser.parse(parameters))
                .isInstanceOf(InvalidQueryParameterException.class)
                .hasMessageContaining(name)
                .satisfies(
                        e ->
                                assertThat(((InvalidQueryParameterException) e).parameter())
                                        .isEqualTo(name));
    }

    @Test
    void singleValuedParametersMayNotBeRepeatedButDatesMay() {
        assertThatThrownBy(() -> parser.parse(Map.of("size", List.of("10", "20"))))
                .hasMessageContaining("size")
                .hasMessageContaining("only once");
        assertThat(
                        parser.parse(
                                        Map.of(
                                                "created",
                                                List.of(
                                                        "gt:2024-01-01T00:00:00Z",
                                                        "lt:2024-02-01T00:00:00Z")))
                                .created())
                .hasSize(2);
    }

    @Test
    void theSearchStringHasAReasonableLimit() {
        assertThatThrownBy(() -> parser.parse(Map.of("searchString", List.of("x".repeat(257)))))
                .hasMessageContaining("searchString");
    }

    @Test
    void theFingerprintIgnoresSizeTokenAndHowEqualFiltersWereWritten() {
        InstanceQuery a =
                parser.parse(
                        Map.of(
                                "lastChanged",
                                List.of("gt:2024-01-01T02:00:00+02:00", "lt:2024-03-01T00:00:00Z"),
                                "size",
                                List.of("5")));
        InstanceQuery b =
                parser.parse(
                        Map.of(
                                "lastChanged",
                                List.of("lt:2024-03-01T00:00:00.000Z", "gt:2024-01-01T00:00:00Z"),
                                "size",
                                List.of("50"),
                                "continuationToken",
                                List.of("x")));
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
    }

    @Test
    void theFingerprintChangesWithAnyFilterOrTheOrder() {
        String base = parser.parse(Map.of()).fingerprint();
        assertThat(parser.parse(Map.of("order", List.of("asc:lastChanged"))).fingerprint())
                .isNotEqualTo(base);
        assertThat(parser.parse(Map.of("status.isArchived", List.of("false"))).fingerprint())
                .isNotEqualTo(base);
        assertThat(parser.parse(Map.of("instanceOwner.partyId", List.of("1"))).fingerprint())
                .isNotEqualTo(
                        parser.parse(Map.of("instanceOwner.partyId", List.of("11"))).fingerprint());
        // a value cannot imitate another field
        assertThat(parser.parse(Map.of("searchString", List.of("a;org=3:ttd"))).fingerprint())
                .isNotEqualTo(
                        parser.parse(Map.of("searchString", List.of("a"), "org", List.of("ttd")))
                                .fingerprint());
    }

    @Test
    void namesMatchIgnoringCase() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("APPID", List.of("ttd/example-app"));
        parameters.put("Status.IsHardDeleted", List.of("true"));
        parameters.put("INSTANCEOWNER.PARTYID", List.of("7"));
        parameters.put("continuationtoken", List.of("t"));
        InstanceQuery query = parser.parse(parameters);
        assertThat(query.appId()).isEqualTo("ttd/example-app");
        assertThat(query.isHardDeleted()).isTrue();
        assertThat(query.partyId()).isEqualTo(7L);
        assertThat(query.continuationToken()).isEqualTo("t");
        assertThat(query.fingerprint())
                .isEqualTo(
                        parser.parse(
                                        Map.of(
                                                "appId",
                                                List.of("ttd/example-app"),
                                                "status.isHardDeleted",
                                                List.of("true"),
                                                "instanceOwner.partyId",
                                                List.of("7")))
                                .fingerprint());
    }

    @Test
    void oneNameInSeveralCasesIsOneParameter() {
        Map<String, List<String>> dates = new LinkedHashMap<>();
        dates.put("lastChanged", List.of("gt:2024-01-01T00:00:00Z"));
        dates.put("LASTCHANGED", List.of("lt:2024-02-01T00:00:00Z"));
        assertThat(parser.parse(dates).lastChanged()).hasSize(2);
        Map<String, List<String>> sizes = new LinkedHashMap<>();
        sizes.put("size", List.of("10"));
        sizes.put("Size", List.of("10"));
        assertThatThrownBy(() -> parser.parse(sizes))
                .isInstanceOf(InvalidQueryParameterException.class)
                .hasMessageContaining("size may be given only once");
    }

    @Test
    void anUnknownNameIsNamedAsSent() {
        assertThatThrownBy(() -> parser.parse(Map.of("Process.EndEvent", List.of("x"))))
                .isInstanceOf(InvalidQueryParameterException.class)
                .hasMessageContaining("'Process.EndEvent'")
                .satisfies(
                        e ->
                                assertThat(((InvalidQueryParameterException) e).parameter())
                                        .isEqualTo("Process.EndEvent"));
    }
}
