package dev.appinstances.formdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
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
    private final ModelNode model;

    private FormModel(SchemaNode root, String rootName, ModelNode model) {
        this.root = root;
        this.rootName = rootName;
        this.model = model;
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
        String rootName = PrefillXml.rootName(schema);
        check(schema, root, "", Collections.newSetFromMap(new IdentityHashMap<>()));
        return new FormModel(root, rootName, at("", () -> ModelNode.compile(schema)));
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

    /**
     * The model tree of form data XML (stored content, or a PUT body). Elements the model does not
     * know are skipped.
     *
     * @param assignRowIds give list rows whose schema has {@code altinnRowId} one where missing
     * @throws InvalidXmlException if the XML is not well-formed or has a DOCTYPE
     * @throws InvalidFormDataException listing every value that does not fit
     */
    public ObjectNode fromXml(InputStream xml, boolean assignRowIds) {
        return new XmlFormReader(assignRowIds).read(model, rootName, xml);
    }

    /**
     * The model tree of a JSON form model.
     *
     * @throws InvalidFormDataException listing every property or value that does not fit
     */
    public ObjectNode fromJson(JsonNode json, JsonInput input, boolean assignRowIds) {
        return new JsonFormReader(input, assignRowIds).read(model, json);
    }

    /** The form data XML of a model tree, as prefill writes it (UTF-8, with a declaration). */
    public byte[] toXml(ObjectNode tree) {
        return XmlFormWriter.write(model, rootName, tree);
    }

    /** The JSON of a model tree; row ids ({@code altinnRowId}) only when asked for. */
    public static byte[] toJson(ObjectNode tree, boolean includeRowIds) {
        return JsonFormWriter.write(tree, includeRowIds);
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
