package dev.appinstances.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appinstances.problem.InvalidQueryParameterException;
import dev.appinstances.query.DateExpression.Operator;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateExpressionTest {

    @Test
    void everyOperatorIsRead() {
        assertThat(DateExpression.parse("lastChanged", "gt:2024-01-01T00:00:00Z"))
                .isEqualTo(new DateExpression(Operator.GT, Instant.parse("2024-01-01T00:00:00Z")));
        assertThat(DateExpression.parse("x", "gte:2024-01-01T00:00:00Z").operator())
                .isEqualTo(Operator.GTE);
        assertThat(DateExpression.parse("x", "lt:2024-01-01T00:00:00Z").operator())
                .isEqualTo(Operator.LT);
        assertThat(DateExpression.parse("x", "lte:2024-01-01T00:00:00Z").operator())
                .isEqualTo(Operator.LTE);
        assertThat(DateExpression.parse("x", "eq:2024-01-01T00:00:00Z").operator())
                .isEqualTo(Operator.EQ);
    }

    @Test
    void anOffsetIsConvertedToUtcAndMicrosecondsAreKept() {
        DateExpression expression =
                DateExpression.parse("created", "lt:2024-06-30T23:30:00.123456+02:00");
        assertThat(expression.value()).isEqualTo(Instant.parse("2024-06-30T21:30:00.123456Z"));
        assertThat(expression.canonical()).isEqualTo("lt:2024-06-30T21:30:00.123456Z");
    }

    @Test
    void sevenFractionDigitsOfDotNetClientsKeepTheirMeaningOnMicroseconds() {
        Instant floor = Instant.parse("2024-01-01T00:00:00.123456Z");
        String fine = "2024-01-01T00:00:00.1234567Z";
        assertThat(DateExpression.parse("x", "gt:" + fine))
                .isEqualTo(new DateExpression(Operator.GT, floor));
        assertThat(DateExpression.parse("x", "gte:" + fine))
                .isEqualTo(new DateExpression(Operator.GT, floor));
        assertThat(DateExpression.parse("x", "lt:" + fine))
                .isEqualTo(new DateExpression(Operator.LTE, floor));
        assertThat(DateExpression.parse("x", "lte:" + fine))
                .isEqualTo(new DateExpression(Operator.LTE, floor));
        assertThat(DateExpression.parse("x", "eq:2024-01-01T00:00:00.0000000Z"))
                .isEqualTo(new DateExpression(Operator.EQ, Instant.parse("2024-01-01T00:00:00Z")));
        assertThatThrownBy(() -> DateExpression.parse("x", "eq:" + fine))
                .hasMessageContaining("microsecond");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-01-01T00:00:00Z",
                "true",
                "gt2024-01-01T00:00:00Z",
                "GT:2024-01-01T00:00:00Z",
                "ne:2024-01-01T00:00:00Z",
                ":2024-01-01T00:00:00Z",
                "gt:",
                "gt:2024-01-01",
                "gt:2024-01-01T00:00:00",
                "gt:2024-13-01T00:00:00Z",
                "gt:2024-01-01T00:00:00 01:00",
                "gt:yesterday"
            })
    void malformedExpressionsAreRejectedNamingTheParameter(String text) {
        assertThatThrownBy(() -> DateExpression.parse("process.ended", text))
                .isInstanceOf(InvalidQueryParameterException.class)
                .hasMessageContaining("process.ended")
                .satisfies(
                        e ->
                                assertThat(((InvalidQueryParameterException) e).parameter())
                                        .isEqualTo("process.ended"));
    }

    @Test
    void aPlusDecodedToASpaceGetsAHint() {
        assertThatThrownBy(
                        () -> DateExpression.parse("lastChanged", "gt:2024-01-01T00:00:00 01:00"))
                .hasMessageContaining("%2B");
    }
}
