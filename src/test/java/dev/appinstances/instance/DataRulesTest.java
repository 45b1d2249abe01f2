package dev.appinstances.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appinstances.app.DataType;
import dev.appinstances.problem.ContentTypeNotAllowedException;
import dev.appinstances.problem.DataElementTooLargeException;
import dev.appinstances.problem.InstanceNotWritableException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure rules behind uploads: data types. */
class DataRulesTest {

    static DataType type(List<String> allowed, Integer maxSize, int maxCount, String taskId) {
        DataType type = new DataType();
        type.id = "attachment";
        type.allowedContentTypes = allowed;
        type.maxSize = maxSize;
        type.maxCount = maxCount;
        type.taskId = taskId;
        return type;
    }

    @Test
    void contentTypesMatchIgnoringCaseAndParameters() {
        DataType pdfOnly = type(List.of("application/pdf"), null, 0, null);
        assertThatCode(
                        () ->
                                DataTypeRules.requireAllowedContentType(
                                        pdfOnly, "APPLICATION/PDF; q=1", "x"))
                .doesNotThrowAnyException();
        assertThatThrownBy(
                        () ->
                                DataTypeRules.requireAllowedContentType(
                                        pdfOnly, "application/pdfx", "x"))
                .isInstanceOf(ContentTypeNotAllowedException.class);
        assertThatThrownBy(() -> DataTypeRules.requireAllowedContentType(pdfOnly, null, "x"))
                .isInstanceOf(ContentTypeNotAllowedException.class);
        for (List<String> anything : new List[] {null, List.of()}) {
            assertThatCode(
                            () ->
                                    DataTypeRules.requireAllowedContentType(
                                            type(anything, null, 0, null), null, "x"))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void maxSizeIsInMegabytesAndMaxCountZeroIsUnbounded() {
        DataType small = type(null, 1, 2, null);
        assertThatCode(() -> DataTypeRules.requireWithinMaxSize(small, 1024 * 1024, "x"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DataTypeRules.requireWithinMaxSize(small, 1024 * 1024 + 1, "x"))
                .isInstanceOf(DataElementTooLargeException.class)
                .hasMessageContaining("(1 MB)");
        assertThat(DataTypeRules.isWithinMaxCount(small, 2)).isTrue();
        assertThat(DataTypeRules.isWithinMaxCount(small, 3)).isFalse();
        assertThat(DataTypeRules.isWithinMaxCount(type(null, null, 0, null), 10_000)).isTrue();
    }

    @Test
    void aTypeBoundToATaskChangesOnlyInThatTask() {
        assertThatCode(
                        () ->
                                DataTypeRules.requireCurrentTask(
                                        type(null, null, 0, "Task_1"), "Task_1"))
                .doesNotThrowAnyException();
        assertThatCode(() -> DataTypeRules.requireCurrentTask(type(null, null, 0, null), "Task_2"))
                .doesNotThrowAnyException();
        assertThatThrownBy(
                        () ->
                                DataTypeRules.requireCurrentTask(
                                        type(null, null, 0, "Task_2"), "Task_1"))
                .isInstanceOf(InstanceNotWritableException.class)
                .hasMessage(
                        "Data element of type attachment can only be modified in Task_2 (current task Task_1)");
    }
}
