package dev.appinstances.process;

import dev.appinstances.process.ProcessDefinition.EndEvent;
import dev.appinstances.process.ProcessDefinition.ExclusiveGateway;
import dev.appinstances.process.ProcessDefinition.SequenceFlow;
import dev.appinstances.process.ProcessDefinition.StartEvent;
import dev.appinstances.process.ProcessDefinition.Task;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an Altinn {@code process.bpmn} with the JDK's XML parser. Supports the elements Altinn apps
 * use for a linear or branching process; anything else is rejected, so that an app whose process
 * this service cannot run does not start.
 */
public final class BpmnParser {

    static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String ALTINN_NS = "http://altinn.no/process";

    /** Children of a process or node that carry no behaviour. */
    private static final Set<String> IGNORED =
            Set.of(
                    "incoming",
                    "outgoing",
                    "documentation",
                    "extensionElements",
                    "conditionExpression",
                    "laneSet");

    private BpmnParser() {}

    public static ProcessDefinition parse(byte[] xml) {
        Element definitions = readDocument(xml);
        if (!isBpmn(definitions, "definitions")) {
            throw invalid("the root element must be bpmn:definitions");
        }
        List<Element> processes = bpmnChildren(definitions, "process");
        if (processes.size() != 1) {
            throw invalid("expected exactly one bpmn:process, found " + processes.size());
        }
        return readProcess(processes.get(0));
    }

    private static ProcessDefinition readProcess(Element process) {
        Map<String, ProcessDefinition.Node> nodes = new LinkedHashMap<>();
        List<SequenceFlow> flows = new ArrayList<>();
        for (Element child : elementChildren(process)) {
            if (!BPMN_NS.equals(child.getNamespaceURI())) {
                continue;
            }
            String kind = child.getLocalName();
            if (IGNORED.contains(kind)) {
                continue;
            }
            String id = requiredAttribute(child, "id");
            switch (kind) {
                case "startEvent" -> put(nodes, new StartEvent(id));
                case "endEvent" -> put(nodes, new EndEvent(id));
                case "task" ->
                        put(nodes, new Task(id, nameOf(child), taskType(child), actions(child)));
                case "exclusiveGateway" ->
                        put(
                                nodes,
                                new ExclusiveGateway(
                                        id, emptyToNull(child.getAttribute("default"))));
                case "sequenceFlow" ->
                        flows.add(
                                new SequenceFlow(
                                        id,
                                        requiredAttribute(child, "sourceRef"),
                                        requiredAttribute(child, "targetRef")));
                default ->
                        throw invalid(
                                "unsupported element bpmn:"
                                        + kind
                                        + " ("
                                        + id
                                        + "); supported: startEvent, task, exclusiveGateway,"
                                        + " sequenceFlow, endEvent");
            }
        }
        return link(emptyToNull(process.getAttribute("id")), nodes, flows);
    }

    private static ProcessDefinition link(
            String processId, Map<String, ProcessDefinition.Node> nodes, List<SequenceFlow> flows) {
        Map<String, List<SequenceFlow>> outgoing = new LinkedHashMap<>();
        for (SequenceFlow flow : flows) {
            requireNode(nodes, flow.sourceRef(), flow);
            requireNode(nodes, flow.targetRef(), flow);
            outgoing.computeIfAbsent(flow.sourceRef(), k -> new ArrayList<>()).add(flow);
        }
        List<StartEvent> starts =
                nodes.values().stream()
                        .filter(StartEvent.class::isInstance)
                        .map(StartEvent.class::cast)
                        .toList();
        if (starts.size() != 1) {
            throw invalid("expected exactly one startEvent, found " + starts.size());
        }
        if (nodes.values().stream().noneMatch(EndEvent.class::isInstance)) {
            throw invalid("the process has no endEvent");
        }
        for (ProcessDefinition.Node node : nodes.values()) {
            if (!(node instanceof EndEvent) && !outgoing.containsKey(node.id())) {
                throw invalid(node.id() + " has no outgoing sequenceFlow");
            }
        }
        StartEvent start = starts.get(0);
        List<SequenceFlow> fromStart = outgoing.get(start.id());
        if (fromStart.size() != 1 || !(nodes.get(fromStart.get(0).targetRef()) instanceof Task)) {
            throw invalid(start.id() + " must have exactly one sequenceFlow, to a task");
        }
        return new ProcessDefinition(processId, start, nodes, outgoing);
    }

    private static String taskType(Element task) {
        String legacy = task.getAttributeNS(ALTINN_NS, "tasktype");
        if (!legacy.isBlank()) {
            return legacy.trim();
        }
        var types = task.getElementsByTagNameNS(ALTINN_NS, "taskType");
        if (types.getLength() == 0 || types.item(0).getTextContent().isBlank()) {
            throw invalid("task " + task.getAttribute("id") + " has no altinn:taskType");
        }
        return types.item(0).getTextContent().trim();
    }

    /**
     * {@code altinn:action} elements, in order; {@code type="serverAction"} marks server actions.
     */
    private static List<TaskAction> actions(Element task) {
        Map<String, TaskAction> actions = new LinkedHashMap<>();
        var elements = task.getElementsByTagNameNS(ALTINN_NS, "action");
        for (int i = 0; i < elements.getLength(); i++) {
            Element action = (Element) elements.item(i);
            String id = action.getTextContent().trim();
            if (id.isEmpty()) {
                throw invalid("task " + task.getAttribute("id") + " has an empty altinn:action");
            }
            TaskAction.Type type =
                    "serverAction".equalsIgnoreCase(action.getAttribute("type").trim())
                            ? TaskAction.Type.SERVER_ACTION
                            : TaskAction.Type.PROCESS_ACTION;
            actions.putIfAbsent(id, new TaskAction(id, type));
        }
        return List.copyOf(actions.values());
    }

    private static void put(
            Map<String, ProcessDefinition.Node> nodes, ProcessDefinition.Node node) {
        if (nodes.putIfAbsent(node.id(), node) != null) {
            throw invalid("duplicate element id " + node.id());
        }
    }

    private static void requireNode(
            Map<String, ProcessDefinition.Node> nodes, String id, SequenceFlow flow) {
        if (!nodes.containsKey(id)) {
            throw invalid("sequenceFlow " + flow.id() + " refers to unknown element " + id);
        }
    }

    private static Element readDocument(byte[] xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new FailingErrorHandler());
            return builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (SAXException e) {
            throw invalid("not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw invalid("cannot be read: " + e.getMessage());
        }
    }

    private static boolean isBpmn(Element element, String localName) {
        return BPMN_NS.equals(element.getNamespaceURI())
                && localName.equals(element.getLocalName());
    }

    private static List<Element> bpmnChildren(Element parent, String localName) {
        return elementChildren(parent).stream().filter(e -> isBpmn(e, localName)).toList();
    }

    private static List<Element> elementChildren(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static String requiredAttribute(Element element, String name) {
        String value = element.getAttribute(name);
        if (value.isBlank()) {
            throw invalid("bpmn:" + element.getLocalName() + " without " + name);
        }
        return value;
    }

    private static String nameOf(Element element) {
        return emptyToNull(element.getAttribute("name"));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Reports problems through the exception only, instead of also printing them to stderr. */
    private static final class FailingErrorHandler implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    private static InvalidProcessException invalid(String problem) {
        return new InvalidProcessException(problem);
    }
}
