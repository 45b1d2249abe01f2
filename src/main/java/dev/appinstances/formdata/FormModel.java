package dev.appinstances.formdata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An app's data model, compiled once from its JSON schema ({@code models/<dataTypeId>.schema.json})
 * when the service starts: every reference resolved and every type understood, so that a schema
 * this service cannot use stops startup instead of failing requests.
 */
public final class FormModel {

    private final SchemaNode root;
    private final String rootName;

    private FormModel(SchemaNode root, String rootName) {
        this.root = root;
        this.rootName = rootName;
    }

    /**
     * @throws InvalidFormSchemaException naming what in the schema cannot be used
     */
    public static FormModel compile(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            throw new InvalidFormSchemaException("the schema is not a JSON object");
        }
        SchemaNode root = SchemaNode.of(schema, schema);
        if (root.type() != FieldType.OBJECT) {
            throw new InvalidFormSchemaException("the schema's root is not an object");
        }
        FormModel model = new FormModel(root, PrefillXml.rootName(schema));
        check(schema, root, "", Collections.newSetFromMap(new IdentityHashMap<>()));
        return model;
    }

    /** The root element of the form's XML. */
    public String rootName() {
        return rootName;
    }

    /**
     * The form data document built from a key/value prefill: UTF-8 bytes with an XML declaration.
     *
     * @throws PrefillException if any key or value is not accepted; lists all of them
     */
    public byte[] prefill(Map<String, String> prefill) {
        return new PrefillXml(root, rootName).build(prefill);
    }

    /** Resolves every property and list item once; a recursive model is walked once per node. */
    private static void check(JsonNode schema, SchemaNode node, String path, Set<JsonNode> seen) {
        FieldType type = at(path, node::type);
        if (type == FieldType.OBJECT) {
            for (Map.Entry<String, JsonNode> property : node.properties().entrySet()) {
                if (seen.add(property.getValue())) {
                    String inner =
                            path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                    check(
                            schema,
                            at(inner, () -> SchemaNode.of(schema, property.getValue())),
                            inner,
                            seen);
                }
            }
        } else if (type == FieldType.ARRAY) {
            JsonNode items = node.keyword("items");
            if (items != null && seen.add(items)) {
                String inner = path + "[]";
                check(schema, at(inner, () -> SchemaNode.of(schema, items)), inner, seen);
            }
        }
    }

    /** Names the place in the model where the schema cannot be used. */
    private static <T> T at(String path, Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidFormSchemaException e) {
            throw e.place() != null || path.isEmpty()
                    ? e
                    : new InvalidFormSchemaException(e.getMessage(), path);
        }
    }
}
