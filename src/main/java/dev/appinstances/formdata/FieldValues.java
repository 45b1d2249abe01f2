package dev.appinstances.formdata;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks a prefill value against its field's schema and returns the text to store. */
final class FieldValues {

    // ASCII digits only: Long.parseLong and BigDecimal would also accept other scripts' digits.
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** Bounds the digits of a plain-written decimal, so that 1e999999 cannot blow up memory. */
    private static final int MAX_DECIMAL_DIGITS = 100;

    private static final int MAX_QUOTED = 50;

    private FieldValues() {}

    static String canonical(SchemaNode field, FieldType type, String raw) throws RejectedValue {
        if (raw == null) {
            throw new RejectedValue("no value");
        }
        String value;
        switch (type) {
            case INTEGER:
                value = integer(raw);
                checkRange(field, new BigDecimal(value));
                break;
            case NUMBER:
                value = decimal(raw);
                checkRange(field, new BigDecimal(value));
                break;
            case BOOLEAN:
                value = bool(raw);
                break;
            case DATE:
                value = date(raw);
                break;
            case DATE_TIME:
                value = dateTime(raw);
                break;
            default:
                value = string(field, raw);
        }
        checkEnum(field, value, raw);
        return value;
    }

    private static String integer(String raw) throws RejectedValue {
        if (INTEGER.matcher(raw).matches()) {
            try {
                return Long.toString(Long.parseLong(raw));
            } catch (NumberFormatException e) {
                throw new RejectedValue("integer out of range: " + quote(raw));
            }
        }
        throw new RejectedValue("not an integer: " + quote(raw));
    }

    private static String decimal(String raw) throws RejectedValue {
        BigDecimal number;
        try {
            if (!DECIMAL.matcher(raw).matches()) {
                throw new NumberFormatException();
            }
            number = new BigDecimal(raw).stripTrailingZeros();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new RejectedValue("not a number: " + quote(raw));
        }
        if (number.signum() == 0) {
            return "0";
        }
        if (number.scale() > MAX_DECIMAL_DIGITS
                || number.precision() - number.scale() > MAX_DECIMAL_DIGITS) {
            throw new RejectedValue("number out of range: " + quote(raw));
        }
        return canonical(number);
    }

    private static String bool(String raw) throws RejectedValue {
        if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            return raw.toLowerCase(Locale.ROOT);
        }
        throw new RejectedValue("not a boolean (true or false): " + quote(raw));
    }

    private static String date(String raw) throws RejectedValue {
        try {
            if (DATE.matcher(raw).matches()) {
                return LocalDate.parse(raw).toString();
            }
        } catch (DateTimeParseException e) {
            // falls through to the rejection
        }
        throw new RejectedValue("not a date (yyyy-MM-dd): " + quote(raw));
    }

    private static String dateTime(String raw) throws RejectedValue {
        try {
            // The ISO formatter always writes seconds, which xs:dateTime requires.
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.parse(raw));
        } catch (DateTimeParseException e) {
            throw new RejectedValue(
                    "not a date-time with zone (e.g. 2024-05-01T12:00:00+02:00): " + quote(raw));
        }
    }

    private static String string(SchemaNode field, String raw) throws RejectedValue {
        if (!XmlText.isAllowed(raw)) {
            throw new RejectedValue("contains characters not allowed in XML");
        }
        int length = raw.codePointCount(0, raw.length());
        JsonNode maxLength = field.keyword("maxLength");
        if (maxLength != null && maxLength.isNumber() && length > maxLength.asLong()) {
            throw new RejectedValue("longer than " + maxLength.asLong() + " characters");
        }
        JsonNode minLength = field.keyword("minLength");
        if (minLength != null && minLength.isNumber() && length < minLength.asLong()) {
            throw new RejectedValue("shorter than " + minLength.asLong() + " characters");
        }
        return raw;
    }

    private static void checkRange(SchemaNode field, BigDecimal value) throws RejectedValue {
        JsonNode minimum = field.keyword("minimum");
        JsonNode maximum = field.keyword("maximum");
        JsonNode exclusiveMinimum = field.keyword("exclusiveMinimum");
        JsonNode exclusiveMaximum = field.keyword("exclusiveMaximum");
        // Draft 4 spelled exclusiveness as a boolean beside minimum/maximum.
        boolean minimumExclusive = exclusiveMinimum != null && exclusiveMinimum.asBoolean(false);
        boolean maximumExclusive = exclusiveMaximum != null && exclusiveMaximum.asBoolean(false);
        if (minimum != null && minimum.isNumber()) {
            int compared = value.compareTo(minimum.decimalValue());
            if (compared < 0 || (minimumExclusive && compared == 0)) {
                throw new RejectedValue(
                        "below the minimum " + canonical(minimum.decimalValue()) + ": " + value);
            }
        }
        if (maximum != null && maximum.isNumber()) {
            int compared = value.compareTo(maximum.decimalValue());
            if (compared > 0 || (maximumExclusive && compared == 0)) {
                throw new RejectedValue(
                        "above the maximum " + canonical(maximum.decimalValue()) + ": " + value);
            }
        }
        if (exclusiveMinimum != null
                && exclusiveMinimum.isNumber()
                && value.compareTo(exclusiveMinimum.decimalValue()) <= 0) {
            throw new RejectedValue(
                    "not above " + canonical(exclusiveMinimum.decimalValue()) + ": " + value);
        }
        if (exclusiveMaximum != null
                && exclusiveMaximum.isNumber()
                && value.compareTo(exclusiveMaximum.decimalValue()) >= 0) {
            throw new RejectedValue(
                    "not below " + canonical(exclusiveMaximum.decimalValue()) + ": " + value);
        }
    }

    private static void checkEnum(SchemaNode field, String value, String raw) throws RejectedValue {
        List<String> allowed = new ArrayList<>();
        JsonNode constant = field.keyword("const");
        if (constant != null) {
            allowed.add(text(constant));
        }
        JsonNode values = field.keyword("enum");
        if (values != null && values.isArray()) {
            for (JsonNode member : values) {
                if (!member.isNull()) {
                    allowed.add(text(member));
                }
            }
        }
        if ((constant != null || values != null) && !allowed.contains(value)) {
            throw new RejectedValue("not one of " + allowed + ": " + quote(raw));
        }
    }

    private static String text(JsonNode value) {
        return value.isNumber() ? canonical(value.decimalValue()) : value.asText();
    }

    private static String canonical(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.signum() == 0 ? "0" : stripped.toPlainString();
    }

    private static String quote(String raw) {
        String shown =
                raw.length() > MAX_QUOTED
                        ? raw.substring(0, raw.offsetByCodePoints(0, MAX_QUOTED)) + "…"
                        : raw;
        return "'" + shown + "'";
    }
}
