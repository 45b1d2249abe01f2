package dev.appinstances.formdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads form data XML into the model tree in one StAX pass: elements and attributes by the schema's
 * names (namespaces ignored, as Altinn retries without them), repeated elements of a list property
 * as its items, values checked and typed. Elements the model does not know are skipped, as
 * XmlSerializer skips them. An empty element of a number or boolean is absent; of a string, the
 * empty string.
 */
final class XmlFormReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final XMLInputFactory INPUT = inputFactory();

    private final boolean assignRowIds;
    private final Violations violations = new Violations();

    XmlFormReader(boolean assignRowIds) {
        this.assignRowIds = assignRowIds;
    }

    /**
     * @throws InvalidXmlException if the document is not well-formed or has a DOCTYPE
     * @throws InvalidFormDataException listing every violation
     */
    ObjectNode read(ModelNode root, String rootName, InputStream xml) {
        ObjectNode tree = NODES.objectNode();
        try {
            XMLStreamReader reader = INPUT.createXMLStreamReader(xml);
            try {
                if (toRoot(reader)) {
                    if (reader.getLocalName().equals(rootName)) {
                        tree = object(reader, root, "", false);
                    } else {
                        violations.add(
                                "",
                                "the root element is <"
                                        + reader.getLocalName()
                                        + ">, not <"
                                        + rootName
                                        + ">");
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new InvalidXmlException("The form data is not well-formed XML", e);
        }
        violations.throwIfAny();
        return tree;
    }

    private static boolean toRoot(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new InvalidXmlException("DOCTYPE declarations are not allowed");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        throw new InvalidXmlException("The form data has no root element");
    }

    /** Reads the element the reader is on, up to and including its end. */
    private ObjectNode object(XMLStreamReader reader, ModelNode model, String path, boolean row)
            throws XMLStreamException {
        Map<String, JsonNode> values = new HashMap<>();
        Map<String, ArrayNode> lists = new HashMap<>();
        attributes(reader, model, path, values);
        while (reader.next() != XMLStreamConstants.END_ELEMENT) {
            if (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = model.propertyName(reader.getLocalName());
            ModelNode property = name == null ? null : model.properties().get(name);
            if (property == null || property.isAttribute()) {
                skip(reader);
                continue;
            }
            String inner = Violations.child(path, name);
            if (property.type() == FieldType.ARRAY) {
                ArrayNode list = lists.computeIfAbsent(name, n -> NODES.arrayNode());
                JsonNode item =
                        value(
                                reader,
                                property.items(),
                                inner + "/" + list.size(),
                                property.items().hasRowId());
                if (item != null) {
                    list.add(item);
                }
            } else if (values.containsKey(name)) {
                violations.add(inner, "appears more than once, but is not a list");
                skip(reader);
            } else {
                JsonNode value = value(reader, property, inner, false);
                values.put(name, value);
            }
        }
        ObjectNode tree = NODES.objectNode();
        for (Map.Entry<String, ModelNode> property : model.properties().entrySet()) {
            String name = property.getKey();
            if (property.getValue().type() == FieldType.ARRAY) {
                tree.set(name, lists.getOrDefault(name, NODES.arrayNode()));
            } else if (values.get(name) != null) {
                tree.set(name, values.get(name));
            } else if (row && assignRowIds && name.equals(ModelNode.ROW_ID)) {
                tree.set(name, TextNode.valueOf(UUID.randomUUID().toString()));
            }
        }
        return tree;
    }

    private void attributes(
            XMLStreamReader reader, ModelNode model, String path, Map<String, JsonNode> values) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String name = model.propertyName(reader.getAttributeLocalName(i));
            ModelNode property = name == null ? null : model.properties().get(name);
            if (property != null && property.isAttribute() && property.isScalar()) {
                JsonNode value =
                        scalar(property, reader.getAttributeValue(i), Violations.child(path, name));
                values.put(name, value);
            }
        }
    }

    private JsonNode value(XMLStreamReader reader, ModelNode model, String path, boolean row)
            throws XMLStreamException {
        if ("true".equals(reader.getAttributeValue(XSI, "nil"))) {
            skip(reader);
            return null;
        }
        if (model.type() == FieldType.OBJECT) {
            return object(reader, model, path, row);
        }
        StringBuilder text = new StringBuilder();
        boolean nested = false;
        while (reader.next() != XMLStreamConstants.END_ELEMENT) {
            switch (reader.getEventType()) {
                case XMLStreamConstants.CHARACTERS,
                        XMLStreamConstants.CDATA,
                        XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                case XMLStreamConstants.START_ELEMENT -> {
                    nested = true;
                    skip(reader);
                }
                default -> {
                    // comments and processing instructions carry no value
                }
            }
        }
        if (nested) {
            violations.add(path, "a field, it cannot contain elements");
            return null;
        }
        return scalar(model, text.toString(), path);
    }

    private JsonNode scalar(ModelNode model, String text, String path) {
        if (model.type() == FieldType.STRING) {
            return ModelValues.fromText(model, text, path, violations);
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : ModelValues.fromText(model, trimmed, path, violations);
    }

    /** Skips the element the reader is on, up to and including its end. */
    private static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
