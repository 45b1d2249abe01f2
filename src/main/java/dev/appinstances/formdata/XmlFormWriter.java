package dev.appinstances.formdata;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes the model tree as form data XML exactly as {@link PrefillXml} writes a document: the XML
 * declaration, elements in schema order, no whitespace, an element without content as {@code <x/>},
 * an empty string as {@code <x></x>}; list items as repeated elements; attribute properties as
 * attributes. So reading the XML and writing it again gives the same bytes.
 */
final class XmlFormWriter {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private XmlFormWriter() {}

    static byte[] write(ModelNode root, String rootName, JsonNode tree) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            StringBuilder buffer = new StringBuilder(8192);
            buffer.append(DECLARATION);
            element(out, buffer, rootName, root, tree);
            out.append(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void element(
            Writer out, StringBuilder buffer, String name, ModelNode model, JsonNode value)
            throws IOException {
        if (model.type() == FieldType.ARRAY) {
            for (JsonNode item : value) {
                element(out, buffer, name, model.items(), item);
            }
            return;
        }
        buffer.append('<').append(name);
        if (model.isScalar()) {
            buffer.append('>');
            XmlText.appendEscaped(buffer, ModelValues.toText(value));
        } else {
            boolean content = false;
            for (Map.Entry<String, ModelNode> property : model.properties().entrySet()) {
                JsonNode child = value.get(property.getKey());
                if (child != null && property.getValue().isAttribute()) {
                    buffer.append(' ').append(property.getKey()).append("=\"");
                    appendAttribute(buffer, ModelValues.toText(child));
                    buffer.append('"');
                } else if (child != null && !(child.isArray() && child.isEmpty())) {
                    content = true;
                }
            }
            if (!content) {
                buffer.append("/>");
                return;
            }
            buffer.append('>');
            for (Map.Entry<String, ModelNode> property : model.properties().entrySet()) {
                JsonNode child = value.get(property.getKey());
                if (child != null && !property.getValue().isAttribute()) {
                    element(out, buffer, property.getKey(), property.getValue(), child);
                }
            }
        }
        buffer.append("</").append(name).append('>');
        if (buffer.length() > 8192) {
            out.append(buffer);
            buffer.setLength(0);
        }
    }

    private static void appendAttribute(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append("&#9;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }
}
