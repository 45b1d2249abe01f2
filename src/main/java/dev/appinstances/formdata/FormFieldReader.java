package dev.appinstances.formdata;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the values at dotted paths ({@code property.address}) out of a form data document, one pass
 * with StAX. As in Altinn, a segment matches an element ignoring case and dashes; the root element
 * is not part of the path. A path that is absent, or names a group of fields, has the value null;
 * of a repeated element the first one counts.
 */
public final class FormFieldReader {

    private static final XMLInputFactory INPUT = inputFactory();

    private FormFieldReader() {}

    /**
     * The value of each path (null when absent), in the order given.
     *
     * @throws InvalidXmlException if the document is not well-formed XML or has a DOCTYPE
     */
    public static Map<String, String> read(InputStream xml, Collection<String> paths) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<String>> wanted = new HashMap<>();
        for (String path : paths) {
            values.put(path, null);
            wanted.computeIfAbsent(normalized(path), key -> new ArrayList<>()).add(path);
        }
        try {
            XMLStreamReader reader = INPUT.createXMLStreamReader(xml);
            try {
                walk(reader, wanted, values);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new InvalidXmlException("The form data is not well-formed XML", e);
        }
        return values;
    }

    private static void walk(
            XMLStreamReader reader, Map<String, List<String>> wanted, Map<String, String> values)
            throws XMLStreamException {
        Deque<String> path = new ArrayDeque<>();
        Deque<StringBuilder> texts = new ArrayDeque<>();
        Deque<Boolean> leaves = new ArrayDeque<>();
        Map<String, Boolean> seen = new HashMap<>();
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.DTD ->
                        throw new InvalidXmlException("DOCTYPE declarations are not allowed");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (!leaves.isEmpty()) {
                        leaves.pop();
                        leaves.push(false);
                    }
                    path.addLast(segment(reader.getLocalName()));
                    texts.push(new StringBuilder());
                    leaves.push(true);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!texts.isEmpty()) {
                        texts.peek().append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    String key = String.join(".", path).substring(path.getFirst().length());
                    String text = texts.pop().toString();
                    boolean leaf = leaves.pop();
                    path.removeLast();
                    List<String> named = key.isEmpty() ? null : wanted.get(key.substring(1));
                    if (named != null && seen.putIfAbsent(key, true) == null && leaf) {
                        named.forEach(original -> values.put(original, text));
                    }
                }
                default -> {
                    // comments, processing instructions, whitespace outside elements
                }
            }
        }
    }

    private static String normalized(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("\\.", -1)) {
            segments.add(segment(segment));
        }
        return String.join(".", segments);
    }

    private static String segment(String name) {
        return name.replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
