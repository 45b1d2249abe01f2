package dev.appinstances.formdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a JSON form model into the model tree: properties matched to the schema (exactly, else
 * ignoring case, as Altinn binds them), put in schema order, every value checked and typed. Null
 * and absent are the same (no element); a list is always present ({@code []} when empty), as
 * Altinn's deserialized models have their lists.
 */
final class JsonFormReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonInput input;
    private final boolean assignRowIds;
    private final Violations violations = new Violations();

    JsonFormReader(JsonInput input, boolean assignRowIds) {
        this.input = input;
        this.assignRowIds = assignRowIds;
    }

    /**
     * @throws InvalidFormDataException listing every violation
     */
    ObjectNode read(ModelNode root, JsonNode json) {
        ObjectNode tree = NODES.objectNode();
        if (json == null || !json.isObject()) {
            violations.add("", "the form data must be a JSON object");
        } else {
            tree = object(root, (ObjectNode) json, "", false);
        }
        violations.throwIfAny();
        return tree;
    }

    private ObjectNode object(ModelNode model, ObjectNode json, String path, boolean row) {
        Map<String, JsonNode> given = new HashMap<>();
        Map<String, String> spelled = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = model.propertyName(field.getKey());
            if (name == null) {
                if (input == JsonInput.STRICT) {
                    violations.add(Violations.child(path, field.getKey()), "not in the data model");
                }
                continue;
            }
            String before = spelled.putIfAbsent(name, field.getKey());
            if (before != null) {
                violations.add(
                        Violations.child(path, name),
                        "given twice (as " + before + " and " + field.getKey() + ")");
                continue;
            }
            given.put(name, field.getValue());
        }
        ObjectNode tree = NODES.objectNode();
        for (Map.Entry<String, ModelNode> property : model.properties().entrySet()) {
            String name = property.getKey();
            JsonNode value = given.get(name);
            String inner = Violations.child(path, name);
            if (value == null || value.isNull()) {
                if (property.getValue().type() == FieldType.ARRAY) {
                    tree.set(name, NODES.arrayNode());
                } else if (row && assignRowIds && name.equals(ModelNode.ROW_ID)) {
                    tree.set(name, TextNode.valueOf(UUID.randomUUID().toString()));
                }
                continue;
            }
            JsonNode converted = value(property.getValue(), value, inner, false);
            if (converted != null) {
                tree.set(name, converted);
            }
        }
        return tree;
    }

    private JsonNode value(ModelNode model, JsonNode json, String path, boolean row) {
        switch (model.type()) {
            case OBJECT:
                if (!json.isObject()) {
                    violations.add(path, "expected an object, not " + kind(json));
                    return null;
                }
                return object(model, (ObjectNode) json, path, row);
            case ARRAY:
                if (!json.isArray()) {
                    violations.add(path, "expected a list, not " + kind(json));
                    return null;
                }
                ArrayNode list = NODES.arrayNode();
                for (int i = 0; i < json.size(); i++) {
                    JsonNode item = json.get(i);
                    String inner = path + "/" + i;
                    if (item.isNull()) {
                        violations.add(inner, "a list item cannot be null");
                        continue;
                    }
                    JsonNode converted =
                            value(model.items(), item, inner, model.items().hasRowId());
                    if (converted != null) {
                        list.add(converted);
                    }
                }
                return list;
            default:
                return scalar(model, json, path);
        }
    }

    private JsonNode scalar(ModelNode model, JsonNode json, String path) {
        String text;
        switch (model.type()) {
            case INTEGER:
            case NUMBER:
                if (json.isNumber()) {
                    text =
                            json.isIntegralNumber()
                                    ? json.asText()
                                    : json.decimalValue().toPlainString();
                } else if (input == JsonInput.LENIENT && json.isTextual()) {
                    text = json.textValue();
                } else {
                    violations.add(path, "expected a number, not " + kind(json));
                    return null;
                }
                break;
            case BOOLEAN:
                if (!json.isBoolean()) {
                    violations.add(path, "expected true or false, not " + kind(json));
                    return null;
                }
                text = json.asText();
                break;
            default:
                if (!json.isTextual()) {
                    violations.add(path, "expected a string, not " + kind(json));
                    return null;
                }
                text = json.textValue();
        }
        return ModelValues.fromText(model, text, path, violations);
    }

    private static String kind(JsonNode json) {
        if (json.isObject()) {
            return "an object";
        }
        if (json.isArray()) {
            return "a list";
        }
        if (json.isNumber()) {
            return "a number";
        }
        if (json.isBoolean()) {
            return "a boolean";
        }
        return json.isTextual() ? "a string" : "null";
    }
}
