package dev.appinstances.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appinstances.appmetadata.DataType;
import dev.appinstances.problem.ContentTypeNotAllowedException;
import dev.appinstances.problem.DataElementTooLargeException;
import dev.appinstances.problem.InstanceNotWritableException;
import dev.appinstances.problem.MalformedMultipartException;
import dev.appinstances.problem.RangeNotSatisfiableException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure rules behind uploads: data types, part headers, ranges, boundaries. */
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
    void partHeadersGiveNameAndSanitizedFilename() {
        PartHeaders plain =
                PartHeaders.of(
                        1,
                        "form-data; name=\"attachment\"; filename=\"C:\\\\docs\\\\a b.pdf\"",
                        "application/pdf");
        assertThat(plain.name()).isEqualTo("attachment");
        assertThat(plain.filename()).isEqualTo("a b.pdf");
        PartHeaders extended =
                PartHeaders.of(2, "form-data; name=x; filename*=UTF-8''s%C3%B8knad.pdf", null);
        assertThat(extended.filename()).isEqualTo("søknad.pdf");
        assertThat(PartHeaders.of(3, "form-data; name=\"x\"; filename=\"\"", null).filename())
                .isNull();
        assertThat(PartHeaders.of(4, "form-data", null).name()).isNull();
        assertThat(PartHeaders.of(5, "attachment; filename=\"../../etc/passwd\"", null).filename())
                .isEqualTo("passwd");
    }

    @Test
    void rangesFollowRfc9110() {
        assertThat(ByteRange.parse("bytes=0-9", 100)).contains(new ByteRange(0, 10));
        assertThat(ByteRange.parse("bytes=90-", 100)).contains(new ByteRange(90, 10));
        assertThat(ByteRange.parse("bytes=95-200", 100)).contains(new ByteRange(95, 5));
        assertThat(ByteRange.parse("bytes=-10", 100)).contains(new ByteRange(90, 10));
        assertThat(ByteRange.parse("bytes=-500", 100)).contains(new ByteRange(0, 100));
        assertThat(ByteRange.parse(null, 100)).isEqualTo(Optional.empty());
        assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isEmpty();
        assertThat(ByteRange.parse("items=0-1", 100)).isEmpty();
        assertThat(ByteRange.parse("bytes=abc", 100)).isEmpty();
        assertThatThrownBy(() -> ByteRange.parse("bytes=100-", 100))
                .isInstanceOf(RangeNotSatisfiableException.class);
    }

    @Test
    void theBoundaryComesFromTheContentType() {
        assertThat(MultipartStream.boundaryOf("multipart/form-data; boundary=abc"))
                .isEqualTo("abc");
        assertThat(
                        MultipartStream.boundaryOf(
                                "Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b\""))
                .isEqualTo("a b");
        assertThatThrownBy(() -> MultipartStream.boundaryOf("multipart/form-data"))
                .isInstanceOf(MalformedMultipartException.class);
        assertThatThrownBy(() -> MultipartStream.boundaryOf("application/json"))
                .isInstanceOf(MalformedMultipartException.class);
    }
}
