package dev.appinstances.formdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.StartDocument;
import javax.xml.stream.events.XMLEvent;

/**
 * Copies an XML document while leaving out the elements, with their whole subtree, at given dotted
 * paths below the root element: {@code applicant.phone} removes every {@code /*}{@code
 * /applicant/phone}, in each repetition of a repeating group too. Names match by local name,
 * ignoring case and namespace; everything else (namespaces, attributes, text, CDATA, comments,
 * processing instructions) is copied. The output is UTF-8 with an XML declaration, whatever the
 * input's encoding.
 *
 * <p>The copy streams event by event: memory holds one event and one entry per open element, not
 * the document, so a document of any size can be copied (text arrives in the parser's chunks; very
 * deep nesting is refused). DTDs are refused outright, which rules out external entities and entity
 * expansion attacks. Instances are immutable and may be shared.
 */
public final class XmlFieldExcluder {

    static final int MAX_DEPTH = 500;

    private static final String REPORT_CDATA =
            "http://java.sun.com/xml/stream/properties/report-cdata-event";

    private static final XMLInputFactory INPUT = inputFactory();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();
    private static final XMLEventFactory EVENTS = XMLEventFactory.newDefaultFactory();

    /** Marks an open element under which no path continues. */
    private static final ElementPaths NO_PATH = ElementPaths.of(List.of());

    private final ElementPaths excluded;

    private XmlFieldExcluder(ElementPaths excluded) {
        this.excluded = excluded;
    }

    /**
     * @param paths dotted paths relative to the root element, e.g. {@code applicant.phone}
     * @throws IllegalArgumentException if a path has an empty segment
     */
    public static XmlFieldExcluder excluding(Collection<String> paths) {
        return new XmlFieldExcluder(ElementPaths.of(paths));
    }

    /**
     * Copies {@code in} to {@code out} without the excluded elements. Neither stream is closed.
     *
     * @throws InvalidXmlException if the input is not well-formed XML or has a DOCTYPE
     * @throws UncheckedIOException if reading or writing fails
     */
    public void copy(InputStream in, OutputStream out) {
        // The JDK parser closes its input at the end of the document; the caller owns the stream.
        XMLEventReader reader = open(new NonClosingInputStream(in));
        XMLEventWriter writer;
        try {
            writer = OUTPUT.createXMLEventWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
        try {
            copy(reader, writer);
            writer.flush();
        } catch (XMLStreamException e) {
            throw writeFailure(e);
        } finally {
            closeQuietly(reader, writer);
        }
    }

    private void copy(XMLEventReader reader, XMLEventWriter writer) throws XMLStreamException {
        Deque<ElementPaths> open = new ArrayDeque<>();
        int skipping = 0;
        while (reader.hasNext()) {
            XMLEvent event = next(reader);
            int type = event.getEventType();
            if (skipping > 0) {
                if (type == XMLStreamConstants.START_ELEMENT) {
                    // The parser keeps its own stack of open elements, skipped or not.
                    checkDepth(open.size() + skipping);
                    skipping++;
                } else if (type == XMLStreamConstants.END_ELEMENT) {
                    skipping--;
                }
                continue;
            }
            switch (type) {
                case XMLStreamConstants.DTD:
                    throw new InvalidXmlException("DOCTYPE declarations are not allowed");
                case XMLStreamConstants.START_DOCUMENT:
                    writer.add(utf8((StartDocument) event));
                    continue;
                case XMLStreamConstants.START_ELEMENT:
                    ElementPaths paths = pathsFor(event, open);
                    if (paths.isTerminal()) {
                        skipping = 1;
                        continue;
                    }
                    open.push(paths);
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    open.pop();
                    break;
                default:
                    break;
            }
            writer.add(event);
        }
    }

    private ElementPaths pathsFor(XMLEvent start, Deque<ElementPaths> open) {
        checkDepth(open.size());
        if (open.isEmpty()) {
            return excluded;
        }
        ElementPaths child = open.peek().child(start.asStartElement().getName().getLocalPart());
        return child == null ? NO_PATH : child;
    }

    private static void checkDepth(int openElements) {
        if (openElements >= MAX_DEPTH) {
            throw new InvalidXmlException("elements nest deeper than " + MAX_DEPTH);
        }
    }

    /** The input's declaration restated for the UTF-8 output. */
    private static XMLEvent utf8(StartDocument start) {
        String version = start.getVersion() == null ? "1.0" : start.getVersion();
        return start.standaloneSet()
                ? EVENTS.createStartDocument("UTF-8", version, start.isStandalone())
                : EVENTS.createStartDocument("UTF-8", version);
    }

    private static XMLEventReader open(InputStream in) {
        try {
            return INPUT.createXMLEventReader(in);
        } catch (XMLStreamException e) {
            throw readFailure(e);
        }
    }

    private static XMLEvent next(XMLEventReader reader) {
        try {
            return reader.nextEvent();
        } catch (XMLStreamException e) {
            throw readFailure(e);
        }
    }

    private static RuntimeException readFailure(XMLStreamException e) {
        IOException io = ioCause(e);
        if (io != null) {
            return new UncheckedIOException("cannot read the XML document", io);
        }
        return new InvalidXmlException("not well-formed XML: " + e.getMessage(), e);
    }

    private static RuntimeException writeFailure(XMLStreamException e) {
        IOException io = ioCause(e);
        if (io != null) {
            return new UncheckedIOException("cannot write the XML document", io);
        }
        return new IllegalStateException("cannot write the XML document", e);
    }

    private static IOException ioCause(XMLStreamException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return (IOException) t;
            }
            if (t instanceof XMLStreamException
                    && ((XMLStreamException) t).getNestedException() instanceof IOException) {
                return (IOException) ((XMLStreamException) t).getNestedException();
            }
        }
        return null;
    }

    private static void closeQuietly(XMLEventReader reader, XMLEventWriter writer) {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // nothing was left to read
        }
        try {
            writer.close();
        } catch (XMLStreamException e) {
            // already flushed or failed above
        }
    }

    private static XMLInputFactory inputFactory() {
        // The JDK's own parser, whatever StAX implementation is on the classpath.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        // Otherwise CDATA sections arrive as plain text and would be written escaped.
        factory.setProperty(REPORT_CDATA, true);
        return factory;
    }
}
