package dev.appinstances.formdata;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the initial form data XML of a data type from its JSON schema ({@code
 * models/<dataTypeId>.schema.json}) and the key/value prefill of a simplified instantiation.
 *
 * <p>Keys are dotted paths such as {@code applicant.name}. As in Altinn, each segment matches a
 * schema property ignoring case and with dashes removed; the XML uses the schema's spelling and
 * property order. Values are checked and written in the canonical form of the field's type.
 */
public final class PrefillXml {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private final SchemaNode rootSchema;
    private final String rootName;

    PrefillXml(SchemaNode rootSchema, String rootName) {
        this.rootSchema = rootSchema;
        this.rootName = rootName;
    }

    /**
     * The form data document: UTF-8 bytes with an XML declaration.
     *
     * @throws PrefillException if any key or value is not accepted; lists all of them
     * @throws InvalidFormSchemaException if the schema itself cannot be used
     */
    public static byte[] write(JsonNode schema, Map<String, String> prefill) {
        return FormModel.compile(schema).prefill(prefill);
    }

    /** The root element's name: {@code @xsdRootElement}, else the schema's {@code title}. */
    public static String rootName(JsonNode schema) {
        for (String keyword : List.of("@xsdRootElement", "title")) {
            JsonNode name = schema.get(keyword);
            if (name != null && name.isTextual() && !name.textValue().isBlank()) {
                return name.textValue();
            }
        }
        throw new InvalidFormSchemaException(
                "the schema names no root element (neither @xsdRootElement nor title)");
    }

    byte[] build(Map<String, String> prefill) {
        FormElement root = new FormElement(rootName, rootSchema);
        List<PrefillException.Problem> problems = new ArrayList<>();
        // Sorted so that problems, and which of two keys for one field wins, do not depend on
        // the map's iteration order.
        Map<String, String> sorted =
                new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        sorted.putAll(prefill);
        for (Map.Entry<String, String> entry : sorted.entrySet()) {
            String key = entry.getKey() == null ? "" : entry.getKey();
            try {
                place(root, key, entry.getValue());
            } catch (RejectedValue e) {
                problems.add(new PrefillException.Problem(key, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new PrefillException(problems);
        }
        StringBuilder xml = new StringBuilder(DECLARATION);
        root.writeTo(xml);
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void place(FormElement root, String key, String value) throws RejectedValue {
        List<SchemaNode.Property> path = resolve(key);
        SchemaNode.Property field = path.get(path.size() - 1);
        String text = FieldValues.canonical(field.schema(), field.schema().type(), value);
        FormElement parent = root;
        for (SchemaNode.Property property : path.subList(0, path.size() - 1)) {
            parent = parent.child(property);
        }
        FormElement existing = parent.existingChild(field.name());
        if (existing != null && existing.setByKey() != null) {
            throw new RejectedValue("same field as " + existing.setByKey());
        }
        parent.child(field).setText(text, key);
    }

    private List<SchemaNode.Property> resolve(String key) throws RejectedValue {
        String[] given = key.split("\\.", -1);
        List<SchemaNode.Property> path = new ArrayList<>();
        SchemaNode current = rootSchema;
        for (int i = 0; i < given.length; i++) {
            String segment = given[i].replace("-", "");
            SchemaNode.Property property =
                    current.property(segment)
                            .orElseThrow(() -> new RejectedValue("no such field in " + rootName));
            FieldType type = property.schema().type();
            boolean last = i == given.length - 1;
            String prefix = String.join(".", List.of(given).subList(0, i + 1));
            if (type == FieldType.ARRAY) {
                throw new RejectedValue(prefix + " is a list; lists cannot be prefilled");
            }
            if (last && type == FieldType.OBJECT) {
                throw new RejectedValue("a group of fields, not a field");
            }
            if (!last && type != FieldType.OBJECT) {
                throw new RejectedValue(prefix + " is a field, not a group of fields");
            }
            path.add(property);
            current = property.schema();
        }
        return path;
    }
}
