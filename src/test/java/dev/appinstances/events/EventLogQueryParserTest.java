package dev.appinstances.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appinstances.problem.InvalidQueryParameterException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLogQueryParserTest {

    final EventLogQueryParser storage = new EventLogQueryParser(1000, 1000, true);
    final EventLogQueryParser app = new EventLogQueryParser(100, 1000, false);

    static InvalidQueryParameterException refusal(Runnable parse) {
        try {
            parse.run();
        } catch (InvalidQueryParameterException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void nothingGivenIsEveryEventInTheListingsOwnOrderAndSize() {
        EventLogQuery query = storage.parse(Map.of());
        assertThat(query.types()).isEmpty();
        assertThat(query.from()).isNull();
        assertThat(query.to()).isNull();
        assertThat(query.ascending()).isTrue();
        assertThat(query.size()).isEqualTo(1000);
        EventLogQuery appQuery = app.parse(Map.of());
        assertThat(appQuery.ascending()).isFalse();
        assertThat(appQuery.size()).isEqualTo(100);
    }

    @Test
    void typesAreRepeatedOrCommaSeparatedExactAltinnNames() {
        EventLogQuery query =
                storage.parse(Map.of("eventTypes", List.of("Created, Saved", "Submited", "")));
        assertThat(query.types()).containsExactly("Created", "Saved", "Submited");
        assertThat(
                        refusal(() -> storage.parse(Map.of("eventTypes", List.of("saved"))))
                                .getMessage())
                .contains("'saved'")
                .contains("did you mean 'Saved'");
        assertThat(refusal(() -> storage.parse(Map.of("eventTypes", List.of("Submitted")))))
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void boundsAreDateTimesWithAZoneEachOptional() {
        EventLogQuery query = storage.parse(Map.of("from", List.of("2026-03-01T12:00:00+01:00")));
        assertThat(query.from()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(query.to()).isNull();
        for (String bad :
                List.of("2026-03-01", "2026-03-01T10:00:00", "now", "10000-01-01T00:00:00Z")) {
            assertThat(refusal(() -> storage.parse(Map.of("to", List.of(bad)))).parameter())
                    .isEqualTo("to");
        }
    }

    @Test
    void orderSizeAndUnknownOrRepeatedParameters() {
        assertThat(app.parse(Map.of("order", List.of("asc:created"))).ascending()).isTrue();
        assertThat(storage.parse(Map.of("order", List.of("desc:created"))).ascending()).isFalse();
        assertThat(storage.parse(Map.of("size", List.of("1000"))).size()).isEqualTo(1000);
        assertThat(refusal(() -> storage.parse(Map.of("order", List.of("desc")))).parameter())
                .isEqualTo("order");
        for (String bad : List.of("0", "1001", "-1", "2.5", "x")) {
            assertThat(refusal(() -> storage.parse(Map.of("size", List.of(bad)))).parameter())
                    .isEqualTo("size");
        }
        assertThat(
                        refusal(() -> storage.parse(Map.of("eventType", List.of("Created"))))
                                .parameter())
                .isEqualTo("eventType");
        assertThat(refusal(() -> storage.parse(Map.of("size", List.of("1", "2")))).getMessage())
                .contains("only once");
        assertThat(refusal(() -> storage.parse(Map.of("from", List.of("")))).getMessage())
                .contains("empty");
        assertThatThrownBy(() -> storage.parse(Map.of("to", List.of("2026\u0000"))))
                .isInstanceOf(InvalidQueryParameterException.class);
    }

    @Test
    void aTokenIsBoundToEverythingButTheSize() {
        EventLogQuery one =
                storage.parse(Map.of("eventTypes", List.of("Saved,Created"), "size", List.of("2")));
        EventLogQuery reordered =
                storage.parse(
                        Map.of("eventTypes", List.of("Created", "Saved"), "size", List.of("9")));
        assertThat(one.fingerprint("1/a")).isEqualTo(reordered.fingerprint("1/a"));
        assertThat(one.fingerprint("1/a")).isNotEqualTo(one.fingerprint("1/b"));
        EventLogQuery descending =
                storage.parse(
                        Map.of(
                                "eventTypes",
                                List.of("Saved,Created"),
                                "order",
                                List.of("desc:created")));
        assertThat(descending.fingerprint("1/a")).isNotEqualTo(one.fingerprint("1/a"));
    }
}
