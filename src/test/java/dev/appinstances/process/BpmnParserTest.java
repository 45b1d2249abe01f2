package dev.appinstances.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BpmnParserTest {

    static final String HEAD =
            "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                    + " xmlns:altinn=\"http://altinn.no/process\"><bpmn:process id=\"P\">";
    static final String TAIL = "</bpmn:process></bpmn:definitions>";

    static ProcessDefinition parse(String body) {
        return BpmnParser.parse((HEAD + body + TAIL).getBytes(StandardCharsets.UTF_8));
    }

    static final String LINEAR =
            "<bpmn:startEvent id=\"S\"/>"
                    + "<bpmn:task id=\"T1\" name=\"Fill in\"><bpmn:extensionElements>"
                    + "<altinn:taskExtension><altinn:taskType>data</altinn:taskType>"
                    + "</altinn:taskExtension></bpmn:extensionElements></bpmn:task>"
                    + "<bpmn:task id=\"T2\" altinn:tasktype=\"confirmation\"/>"
                    + "<bpmn:endEvent id=\"E\"/>"
                    + "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"S\" targetRef=\"T1\"/>"
                    + "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"T1\" targetRef=\"T2\"/>"
                    + "<bpmn:sequenceFlow id=\"f3\" sourceRef=\"T2\" targetRef=\"E\"/>";

    @Test
    void readsTasksWithTheirAltinnTaskTypeInEitherNotation() {
        ProcessDefinition process = parse(LINEAR);
        assertThat(process.processId()).isEqualTo("P");
        assertThat(process.task("T1").orElseThrow().taskType()).isEqualTo("data");
        assertThat(process.task("T1").orElseThrow().name()).isEqualTo("Fill in");
        assertThat(process.task("T2").orElseThrow().taskType()).isEqualTo("confirmation");
        assertThat(process.outgoing("T1")).extracting("targetRef").containsExactly("T2");
    }

    @Test
    void startingEntersTheFirstTaskAsFlowTwo() {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        ProcessState state = parse(LINEAR).start(now);
        assertThat(state.started()).isEqualTo(now);
        assertThat(state.startEvent()).isEqualTo("S");
        assertThat(state.currentTask().flow()).isEqualTo(2);
        assertThat(state.currentTask().elementId()).isEqualTo("T1");
        assertThat(state.currentTask().altinnTaskType()).isEqualTo("data");
        assertThat(state.currentTask().flowType()).isEqualTo("CompleteCurrentMoveToNext");
        assertThat(state.currentTask().started()).isEqualTo(now);
        assertThat(state.ended()).isNull();
    }

    @Test
    void acceptsExclusiveGatewaysAndIgnoresDiagramElements() {
        String withGateway =
                LINEAR.replace(
                                "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"T1\" targetRef=\"T2\"/>",
                                "<bpmn:exclusiveGateway id=\"G\" default=\"f2b\"/>"
                                        + "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"T1\" targetRef=\"G\"/>"
                                        + "<bpmn:sequenceFlow id=\"f2b\" sourceRef=\"G\" targetRef=\"T2\"/>"
                                        + "<bpmn:sequenceFlow id=\"f2c\" sourceRef=\"G\" targetRef=\"E\"/>")
                        + "<bpmn:documentation>notes</bpmn:documentation>";
        ProcessDefinition process = parse(withGateway);
        assertThat(process.node("G")).get().isInstanceOf(ProcessDefinition.ExclusiveGateway.class);
        assertThat(process.outgoing("G")).hasSize(2);
    }

    static final String BRANCHING =
            "<bpmn:startEvent id=\"S\"/>"
                    + "<bpmn:task id=\"T1\" altinn:tasktype=\"data\"/>"
                    + "<bpmn:task id=\"T2\" altinn:tasktype=\"confirmation\"/>"
                    + "<bpmn:task id=\"T3\" altinn:tasktype=\"signing\"/>"
                    + "<bpmn:exclusiveGateway id=\"G\"/>"
                    + "<bpmn:exclusiveGateway id=\"D\" default=\"toEnd\"/>"
                    + "<bpmn:endEvent id=\"E\"/>"
                    + "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"S\" targetRef=\"T1\"/>"
                    + "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"T1\" targetRef=\"G\"/>"
                    + "<bpmn:sequenceFlow id=\"f3\" sourceRef=\"G\" targetRef=\"T2\"/>"
                    + "<bpmn:sequenceFlow id=\"f4\" sourceRef=\"G\" targetRef=\"T3\"/>"
                    + "<bpmn:sequenceFlow id=\"f5\" sourceRef=\"T2\" targetRef=\"D\"/>"
                    + "<bpmn:sequenceFlow id=\"toEnd\" sourceRef=\"D\" targetRef=\"E\"/>"
                    + "<bpmn:sequenceFlow id=\"back\" sourceRef=\"D\" targetRef=\"T1\"/>"
                    + "<bpmn:sequenceFlow id=\"f6\" sourceRef=\"T3\" targetRef=\"E\"/>";

    @Test
    void aGatewayWithSeveralFlowsNeedsAChoiceUnlessItHasADefault() {
        ProcessDefinition process = parse(BRANCHING);
        assertThatThrownBy(() -> process.next("T1", null))
                .hasMessage(
                        "Several elements can follow T1: choose one of [T2, T3] with elementId");
        assertThat(process.next("T1", "T3").id()).isEqualTo("T3");
        assertThatThrownBy(() -> process.next("T1", "E"))
                .hasMessage("E cannot follow T1; possible: [T2, T3]");
        assertThat(process.next("T2", null).id()).isEqualTo("E");
        assertThat(process.next("T2", "T1").id()).isEqualTo("T1");
        assertThat(process.next("T3", null)).isInstanceOf(ProcessDefinition.EndEvent.class);
    }

    @Test
    void rejectsUnsupportedElementsNamingThem() {
        assertThatThrownBy(() -> parse(LINEAR + "<bpmn:serviceTask id=\"X\"/>"))
                .isInstanceOf(InvalidProcessException.class)
                .hasMessageContaining("unsupported element bpmn:serviceTask (X)");
        assertThatThrownBy(() -> parse(LINEAR + "<bpmn:parallelGateway id=\"PG\"/>"))
                .hasMessageContaining("bpmn:parallelGateway");
    }

    @Test
    void rejectsBrokenGraphs() {
        assertThatThrownBy(() -> parse(LINEAR.replace("<bpmn:startEvent id=\"S\"/>", "")))
                .hasMessageContaining("unknown element S");
        assertThatThrownBy(() -> parse(LINEAR + "<bpmn:startEvent id=\"S2\"/>"))
                .hasMessageContaining("exactly one startEvent");
        assertThatThrownBy(
                        () ->
                                parse(
                                        LINEAR.replace("<bpmn:endEvent id=\"E\"/>", "")
                                                .replace(
                                                        "<bpmn:sequenceFlow id=\"f3\" sourceRef=\"T2\" targetRef=\"E\"/>",
                                                        "")))
                .hasMessageContaining("no endEvent");
        assertThatThrownBy(
                        () ->
                                parse(
                                        LINEAR.replace(
                                                "<bpmn:sequenceFlow id=\"f3\" sourceRef=\"T2\" targetRef=\"E\"/>",
                                                "")))
                .hasMessageContaining("T2 has no outgoing sequenceFlow");
        assertThatThrownBy(() -> parse(LINEAR.replace("targetRef=\"T1\"", "targetRef=\"E\"")))
                .hasMessageContaining("S must have exactly one sequenceFlow, to a task");
        assertThatThrownBy(() -> parse(LINEAR.replace(" altinn:tasktype=\"confirmation\"", "")))
                .hasMessageContaining("task T2 has no altinn:taskType");
    }

    @Test
    void rejectsMalformedXmlAndDoctypes() {
        assertThatThrownBy(() -> BpmnParser.parse("<bpmn:definitions".getBytes()))
                .hasMessageContaining("not well-formed XML");
        String xxe =
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + HEAD
                        + LINEAR
                        + TAIL;
        assertThatThrownBy(() -> BpmnParser.parse(xxe.getBytes()))
                .isInstanceOf(InvalidProcessException.class);
        assertThatThrownBy(() -> BpmnParser.parse("<definitions/>".getBytes()))
                .hasMessageContaining("root element must be bpmn:definitions");
    }
}
