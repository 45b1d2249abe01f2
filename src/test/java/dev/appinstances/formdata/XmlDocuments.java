package dev.appinstances.formdata;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Parses test output back into a DOM, keeping CDATA, comments and whitespace as they are. */
final class XmlDocuments {

    private XmlDocuments() {}

    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setCoalescing(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            document.normalizeDocument();
            return document;
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Whether two documents have the same content: names, namespaces, attributes and nodes. */
    static boolean sameContent(byte[] a, byte[] b) {
        return parse(a).getDocumentElement().isEqualNode(parse(b).getDocumentElement());
    }
}
