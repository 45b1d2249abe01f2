package dev.appinstances.query;

import dev.appinstances.common.Timestamps;
import dev.appinstances.problem.InvalidQueryParameterException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One date filter such as {@code gt:2024-01-01T00:00:00Z}: an operator and an instant.
 *
 * <p>Stored times have microsecond precision. A value with a finer fraction (.NET clients send
 * seven digits) is turned into the equivalent comparison on microseconds, so that every operator
 * keeps its exact meaning: {@code gt:x} and {@code gte:x} become {@code gt:floor(x)}, {@code lt:x}
 * and {@code lte:x} become {@code lte:floor(x)}; {@code eq:x} with such a value can match nothing
 * and is rejected.
 */
@Schema(
        name = "DateExpression",
        type = SchemaType.STRING,
        pattern = "^(gt|gte|lt|lte|eq):.+$",
        description =
                "An operator (gt, gte, lt, lte, eq), a colon and an ISO-8601 date-time with a zone",
        examples = "gt:2026-01-01T00:00:00Z")
public record DateExpression(Operator operator, Instant value) {

    public enum Operator {
        GT(">"),
        GTE(">="),
        LT("<"),
        LTE("<="),
        EQ("=");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        /** The SQL comparison operator (a constant: never built from input). */
        public String sql() {
            return sql;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static DateExpression parse(String parameter, String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw invalid(parameter, text, "no operator");
        }
        Operator operator = operator(text.substring(0, colon));
        if (operator == null) {
            throw invalid(parameter, text, "unknown operator '" + text.substring(0, colon) + "'");
        }
        String date = text.substring(colon + 1);
        Instant instant =
                Timestamps.parse(date)
                        .orElseThrow(
                                () ->
                                        invalid(
                                                parameter,
                                                text,
                                                "'"
                                                        + date
                                                        + "' is not a date-time"
                                                        + (date.contains(" ")
                                                                ? " (a '+' in a URL must be sent as"
                                                                        + " %2B)"
                                                                : " ("
                                                                        + Timestamps.EXPECTED
                                                                        + ")")));
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        if (micros.equals(instant)) {
            return new DateExpression(operator, instant);
        }
        switch (operator) {
            case GT:
            case GTE:
                return new DateExpression(Operator.GT, micros);
            case LT:
            case LTE:
                return new DateExpression(Operator.LTE, micros);
            default:
                throw invalid(
                        parameter,
                        text,
                        "eq needs a date-time with at most microsecond precision (as stored)");
        }
    }

    /** The normalized form, e.g. {@code gt:2024-01-01T00:00:00Z}. */
    public String canonical() {
        return operator.code() + ":" + value;
    }

    private static Operator operator(String code) {
        for (Operator operator : Operator.values()) {
            if (operator.code().equals(code)) {
                return operator;
            }
        }
        return null;
    }

    private static InvalidQueryParameterException invalid(
            String parameter, String text, String why) {
        return new InvalidQueryParameterException(
                parameter,
                "Invalid date expression '"
                        + text
                        + "' for query parameter "
                        + parameter
                        + ": "
                        + why
                        + "; expected gt:, gte:, lt:, lte: or eq: followed by a date-time");
    }
}
