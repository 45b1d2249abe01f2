package dev.appinstances.formdata;

import java.util.HashMap;
import java.util.Map;

/** An element of the form data being built; writes its children in schema property order. */
final class FormElement {

    private final String name;
    private final SchemaNode schema;
    private final Map<String, FormElement> children = new HashMap<>();
    private String text;
    private String setByKey;

    FormElement(String name, SchemaNode schema) {
        if (!XmlText.isName(name)) {
            throw new InvalidFormSchemaException("not usable as an XML element name: " + name);
        }
        this.name = name;
        this.schema = schema;
    }

    FormElement child(SchemaNode.Property property) {
        return children.computeIfAbsent(
                property.name(), n -> new FormElement(n, property.schema()));
    }

    FormElement existingChild(String propertyName) {
        return children.get(propertyName);
    }

    void setText(String text, String key) {
        this.text = text;
        this.setByKey = key;
    }

    /** The prefill key that gave this element its value, or null. */
    String setByKey() {
        return setByKey;
    }

    void writeTo(StringBuilder out) {
        out.append('<').append(name);
        if (text == null && children.isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        if (text != null) {
            XmlText.appendEscaped(out, text);
        } else {
            for (String property : schema.properties().keySet()) {
                FormElement child = children.get(property);
                if (child != null) {
                    child.writeTo(out);
                }
            }
        }
        out.append("</").append(name).append('>');
    }
}
