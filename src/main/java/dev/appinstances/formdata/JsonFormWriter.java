package dev.appinstances.formdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes the model tree as JSON: numbers in plain notation (never {@code 1E+3}), and row ids
 * ({@code altinnRowId}) only when asked for, as Altinn leaves them out without {@code
 * includeRowId=true}.
 */
final class JsonFormWriter {

    private static final JsonFactory JSON =
            JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private JsonFormWriter() {}

    static byte[] write(JsonNode tree, boolean includeRowIds) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            value(out, tree, includeRowIds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void value(JsonGenerator out, JsonNode value, boolean includeRowIds)
            throws IOException {
        if (value.isObject()) {
            out.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (includeRowIds || !field.getKey().equals(ModelNode.ROW_ID)) {
                    out.writeFieldName(field.getKey());
                    value(out, field.getValue(), includeRowIds);
                }
            }
            out.writeEndObject();
        } else if (value.isArray()) {
            out.writeStartArray();
            for (JsonNode item : value) {
                value(out, item, includeRowIds);
            }
            out.writeEndArray();
        } else if (value.isBigDecimal()) {
            out.writeNumber(value.decimalValue());
        } else if (value.isIntegralNumber()) {
            out.writeNumber(value.longValue());
        } else if (value.isBoolean()) {
            out.writeBoolean(value.booleanValue());
        } else {
            out.writeString(value.asText());
        }
    }
}
