package dev.appinstances.formdata;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One node of a JSON schema with its local {@code $ref}s and {@code allOf} members followed, so
 * that keywords and properties can be looked up in one place. The node itself comes first, so its
 * own keywords win over those of what it references.
 */
final class SchemaNode {

    /** A property of an object node, named as the schema spells it. */
    record Property(String name, SchemaNode schema) {}

    private static final int MAX_LAYERS = 64;

    private final JsonNode root;
    private final List<JsonNode> layers;

    private SchemaNode(JsonNode root, List<JsonNode> layers) {
        this.root = root;
        this.layers = layers;
    }

    static SchemaNode of(JsonNode root, JsonNode node) {
        List<JsonNode> layers = new ArrayList<>();
        collect(root, node, layers, Collections.newSetFromMap(new IdentityHashMap<>()));
        return new SchemaNode(root, layers);
    }

    private static void collect(
            JsonNode root, JsonNode node, List<JsonNode> layers, Set<JsonNode> seen) {
        // Identity, not equality: a reference cycle revisits the very same node.
        if (node == null || !node.isObject() || !seen.add(node)) {
            return;
        }
        if (layers.size() >= MAX_LAYERS) {
            throw new InvalidFormSchemaException(
                    "schema references nest deeper than " + MAX_LAYERS);
        }
        layers.add(node);
        JsonNode ref = node.get("$ref");
        if (ref != null) {
            collect(root, resolve(root, ref), layers, seen);
        }
        JsonNode allOf = node.get("allOf");
        if (allOf != null && allOf.isArray()) {
            for (JsonNode member : allOf) {
                collect(root, member, layers, seen);
            }
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode ref) {
        String text = ref.asText();
        if (!text.startsWith("#")) {
            throw new InvalidFormSchemaException(
                    "only local schema references are supported: " + text);
        }
        String fragment = text.substring(1);
        if (fragment.isEmpty()) {
            return root;
        }
        JsonNode target;
        try {
            target = root.at(JsonPointer.compile(fragment));
        } catch (IllegalArgumentException e) {
            throw new InvalidFormSchemaException("malformed schema reference: " + text);
        }
        if (target.isMissingNode()) {
            throw new InvalidFormSchemaException("unresolvable schema reference: " + text);
        }
        return target;
    }

    /** The first value of the keyword along the layers, or null. */
    JsonNode keyword(String name) {
        for (JsonNode layer : layers) {
            JsonNode value = layer.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    /** Property schemas in schema order; a property repeated in a later layer is ignored. */
    Map<String, JsonNode> properties() {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (JsonNode layer : layers) {
            JsonNode declared = layer.get("properties");
            if (declared != null && declared.isObject()) {
                declared.fields()
                        .forEachRemaining(f -> properties.putIfAbsent(f.getKey(), f.getValue()));
            }
        }
        return properties;
    }

    /**
     * The property whose name matches, exactly or else ignoring case (Altinn looks up C# model
     * properties case-insensitively).
     */
    Optional<Property> property(String name) {
        Map<String, JsonNode> properties = properties();
        JsonNode exact = properties.get(name);
        if (exact != null) {
            return Optional.of(new Property(name, of(root, exact)));
        }
        for (Map.Entry<String, JsonNode> entry : properties.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return Optional.of(new Property(entry.getKey(), of(root, entry.getValue())));
            }
        }
        return Optional.empty();
    }

    FieldType type() {
        String type = declaredType();
        if (type == null) {
            return properties().isEmpty() ? stringType() : FieldType.OBJECT;
        }
        switch (type) {
            case "object":
                return FieldType.OBJECT;
            case "array":
                return FieldType.ARRAY;
            case "integer":
                return FieldType.INTEGER;
            case "number":
                return FieldType.NUMBER;
            case "boolean":
                return FieldType.BOOLEAN;
            case "string":
                return stringType();
            default:
                throw new InvalidFormSchemaException("unsupported schema type: " + type);
        }
    }

    /** The declared type; of {@code ["string", "null"]} the one that is not null. */
    private String declaredType() {
        JsonNode type = keyword("type");
        if (type == null) {
            return null;
        }
        if (type.isTextual()) {
            return "null".equals(type.textValue()) ? null : type.textValue();
        }
        if (type.isArray()) {
            for (JsonNode member : type) {
                if (member.isTextual() && !"null".equals(member.textValue())) {
                    return member.textValue();
                }
            }
        }
        return null;
    }

    private FieldType stringType() {
        JsonNode format = keyword("format");
        String name = format == null ? "" : format.asText();
        switch (name) {
            case "date":
                return FieldType.DATE;
            case "date-time":
                return FieldType.DATE_TIME;
            default:
                return FieldType.STRING;
        }
    }
}
