package dev.appinstances.formdata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A node of a data model compiled for conversion: its type, its properties in schema order (with a
 * case-insensitive index), its list items, and whether it is an XML attribute ({@code
 * "@xsdAttribute": true}, as Altinn Studio's schemas mark them). Compiled once at startup; a
 * recursive model shares its nodes, so compiling terminates.
 */
final class ModelNode {

    /** The property Altinn's generated models use as the stable id of a list row. */
    static final String ROW_ID = "altinnRowId";

    private final SchemaNode schema;
    private final FieldType type;
    private final boolean attribute;
    private final Map<String, ModelNode> properties = new LinkedHashMap<>();
    private final Map<String, String> namesIgnoringCase = new LinkedHashMap<>();
    private ModelNode items;

    private ModelNode(SchemaNode schema) {
        this.schema = schema;
        this.type = schema.type();
        JsonNode flag = schema.keyword("@xsdAttribute");
        this.attribute = flag != null && flag.asBoolean(false);
    }

    static ModelNode compile(JsonNode root) {
        return compile(root, root, Collections.synchronizedMap(new IdentityHashMap<>()));
    }

    private static ModelNode compile(
            JsonNode root, JsonNode node, Map<JsonNode, ModelNode> compiled) {
        ModelNode known = compiled.get(node);
        if (known != null) {
            return known;
        }
        ModelNode model = new ModelNode(SchemaNode.of(root, node));
        compiled.put(node, model);
        if (model.type == FieldType.OBJECT) {
            for (Map.Entry<String, JsonNode> property : model.schema.properties().entrySet()) {
                ModelNode child = compile(root, property.getValue(), compiled);
                model.properties.put(property.getKey(), child);
                model.namesIgnoringCase.putIfAbsent(
                        property.getKey().toLowerCase(Locale.ROOT), property.getKey());
            }
        } else if (model.type == FieldType.ARRAY) {
            JsonNode items = model.schema.keyword("items");
            if (items == null) {
                throw new InvalidFormSchemaException("a list without items");
            }
            model.items = compile(root, items, compiled);
            if (model.items.type == FieldType.ARRAY) {
                throw new InvalidFormSchemaException("a list of lists cannot be form data");
            }
        }
        return model;
    }

    SchemaNode schema() {
        return schema;
    }

    FieldType type() {
        return type;
    }

    boolean isAttribute() {
        return attribute;
    }

    boolean isScalar() {
        return type != FieldType.OBJECT && type != FieldType.ARRAY;
    }

    /** Properties by the schema's names, in schema order. */
    Map<String, ModelNode> properties() {
        return properties;
    }

    ModelNode items() {
        return items;
    }

    /** The schema's name of a property: the exact name, else one equal ignoring case; or null. */
    String propertyName(String given) {
        if (properties.containsKey(given)) {
            return given;
        }
        return namesIgnoringCase.get(given.toLowerCase(Locale.ROOT));
    }

    boolean hasRowId() {
        return type == FieldType.OBJECT && properties.containsKey(ROW_ID);
    }
}
