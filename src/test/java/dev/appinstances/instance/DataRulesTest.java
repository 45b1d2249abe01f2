package dev.appinstances.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appinstances.app.DataType;
import dev.appinstances.auth.Caller;
import dev.appinstances.problem.ActionNotAllowedException;
import dev.appinstances.problem.ContentTypeNotAllowedException;
import dev.appinstances.problem.DataElementTooLargeException;
import dev.appinstances.problem.InstanceNotWritableException;
import java.util.List;
import java.util.Set;
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

    @Test
    void actionsRequiredByADataTypeBindTheAppOwnerToReadAndWrite() {
        DataType type = type(List.of(), null, 0, null);
        Caller owner = new Caller(Caller.Kind.APP_OWNER, null, null, "ttd", "1", 3, Set.of());
        Caller user = new Caller(Caller.Kind.USER, 1L, 2L, null, null, 2, Set.of());
        Caller org = new Caller(Caller.Kind.ORGANISATION, null, null, null, "3", 3, Set.of());
        for (String open : new String[] {null, "", "read", "write"}) {
            assertThatCode(() -> DataTypeRules.requireAction(owner, type, open, "read it"))
                    .doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> DataTypeRules.requireAction(owner, type, "sign", "read it"))
                .isInstanceOf(ActionNotAllowedException.class)
                .hasMessageContaining("'sign'")
                .hasMessageContaining("attachment");
        assertThatCode(() -> DataTypeRules.requireAction(user, type, "sign", "x"))
                .doesNotThrowAnyException();
        assertThatCode(() -> DataTypeRules.requireAction(org, type, "confirm", "x"))
                .doesNotThrowAnyException();
    }
}
