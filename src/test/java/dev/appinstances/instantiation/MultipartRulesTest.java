package dev.appinstances.instantiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appinstances.problem.MalformedMultipartException;
import org.junit.jupiter.api.Test;

/** The pure rules of multipart bodies: part headers and boundaries. */
class MultipartRulesTest {

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
