package dev.appinstances.formdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;

/**
 * A field's value in the model tree: checked against its schema by the prefill rules ({@link
 * FieldValues}), then typed (integers and numbers as JSON numbers, booleans as JSON booleans).
 */
final class ModelValues {

    private ModelValues() {}

    /** The typed value of the text, or null after adding a violation. */
    static JsonNode fromText(ModelNode field, String text, String path, Violations violations) {
        String canonical;
        try {
            canonical = FieldValues.canonical(field.schema(), field.type(), text);
        } catch (RejectedValue e) {
            violations.add(path, e.getMessage());
            return null;
        }
        return switch (field.type()) {
            case INTEGER -> LongNode.valueOf(Long.parseLong(canonical));
            case NUMBER -> DecimalNode.valueOf(new BigDecimal(canonical));
            case BOOLEAN -> BooleanNode.valueOf(Boolean.parseBoolean(canonical));
            default -> TextNode.valueOf(canonical);
        };
    }

    /** The text a typed value has in XML. */
    static String toText(JsonNode value) {
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        return value.asText();
    }
}
