package dev.appinstances.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.process.ProcessDefinition.Task;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskActionsTest {

    @Test
    void aTaskOffersReadWriteItsTypesActionsThenItsOwn() {
        assertThat(ids(new Task("T", null, "data"))).containsExactly("read", "write");
        assertThat(ids(new Task("T", null, "confirmation", List.of(TaskAction.process("confirm")))))
                .containsExactly("read", "write", "confirm");
        assertThat(
                        ids(
                                new Task(
                                        "T",
                                        null,
                                        "signing",
                                        List.of(
                                                new TaskAction(
                                                        "lookup", TaskAction.Type.SERVER_ACTION)))))
                .containsExactly("read", "write", "sign", "reject", "lookup");
        assertThat(ids(new Task("T", null, "custom"))).containsExactly("read", "write", "custom");
        Task withServerAction =
                new Task(
                        "T",
                        null,
                        "data",
                        List.of(new TaskAction("fill", TaskAction.Type.SERVER_ACTION)));
        assertThat(TaskActions.offersProcessAction(withServerAction, "fill")).isFalse();
        assertThat(TaskActions.offersProcessAction(withServerAction, "write")).isTrue();
    }

    @Test
    void movingOnNeedsTheTaskTypesOwnAction() {
        assertThat(TaskActions.moveActions("data")).containsExactly("write");
        assertThat(TaskActions.moveActions("confirmation")).containsExactly("confirm");
        assertThat(TaskActions.moveActions("signing")).containsExactly("sign", "write");
        assertThat(TaskActions.moveActions("payment")).containsExactly("pay", "write");
        assertThat(TaskActions.moveActions("custom")).containsExactly("custom");
    }

    @Test
    void theParserReadsActionsAndTheirTypesInOrder() {
        String bpmn =
                """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:altinn="http://altinn.no/process">
                  <bpmn:process id="P">
                    <bpmn:startEvent id="S"/>
                    <bpmn:task id="B"><bpmn:extensionElements><altinn:taskExtension>
                      <altinn:taskType>signing</altinn:taskType>
                      <altinn:actions>
                        <altinn:action>sign</altinn:action>
                        <altinn:action type="serverAction">lookup</altinn:action>
                        <altinn:action>sign</altinn:action>
                      </altinn:actions>
                    </altinn:taskExtension></bpmn:extensionElements></bpmn:task>
                    <bpmn:task id="A"><bpmn:extensionElements><altinn:taskExtension>
                      <altinn:taskType>data</altinn:taskType>
                    </altinn:taskExtension></bpmn:extensionElements></bpmn:task>
                    <bpmn:endEvent id="E"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="A"/>
                    <bpmn:sequenceFlow id="f2" sourceRef="A" targetRef="B"/>
                    <bpmn:sequenceFlow id="f3" sourceRef="B" targetRef="E"/>
                  </bpmn:process>
                </bpmn:definitions>
                """;
        ProcessDefinition process = BpmnParser.parse(bpmn.getBytes(StandardCharsets.UTF_8));
        assertThat(process.tasks()).extracting(Task::id).containsExactly("B", "A");
        assertThat(process.task("B").orElseThrow().actions())
                .containsExactly(
                        TaskAction.process("sign"),
                        new TaskAction("lookup", TaskAction.Type.SERVER_ACTION));
        assertThat(process.nextIds("A")).containsExactly("B");
        assertThat(process.nextIds("B")).containsExactly("E");
    }

    private static List<String> ids(Task task) {
        return TaskActions.offered(task).stream().map(TaskAction::id).toList();
    }
}
