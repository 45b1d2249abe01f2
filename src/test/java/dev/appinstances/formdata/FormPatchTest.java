package dev.appinstances.formdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormPatchTest {

    static JsonNode json(String text) {
        return FormJson.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    static PatchFailedException failure(String document, String patch) {
        try {
            FormPatch.apply(json(document), json(patch));
        } catch (PatchFailedException e) {
            return e;
        }
        throw new AssertionError("expected the patch to fail");
    }

    @Test
    void appliesOperationsInOrder() {
        JsonNode result =
                FormPatch.apply(
                        json("{\"a\": 1, \"list\": [{\"x\": 0.5}]}"),
                        json(
                                "[{\"op\": \"test\", \"path\": \"/a\", \"value\": 1},"
                                        + " {\"op\": \"replace\", \"path\": \"/a\", \"value\": 2},"
                                        + " {\"op\": \"add\", \"path\": \"/list/-\", \"value\": {\"x\": 1}},"
                                        + " {\"op\": \"test\", \"path\": \"/list/0/x\", \"value\": 0.5},"
                                        + " {\"op\": \"remove\", \"path\": \"/list/0\"}]"));
        assertThat(result.toString()).isEqualTo("{\"a\":2,\"list\":[{\"x\":1}]}");
    }

    @Test
    void aFailingTestNamesItsOperation() {
        PatchFailedException e =
                failure(
                        "{\"a\": 1}",
                        "[{\"op\": \"replace\", \"path\": \"/a\", \"value\": 2},"
                                + " {\"op\": \"test\", \"path\": \"/a\", \"value\": 1}]");
        assertThat(e.isTest()).isTrue();
        assertThat(e.operationIndex()).isEqualTo(1);
        assertThat(e.getMessage()).isEqualTo("Path `/a` is not equal to the indicated value.");
    }

    @Test
    void otherFailuresAreNotTests() {
        PatchFailedException missing =
                failure("{}", "[{\"op\": \"replace\", \"path\": \"/a/b\", \"value\": 2}]");
        assertThat(missing.isTest()).isFalse();
        assertThat(missing.operationIndex()).isZero();
        assertThat(failure("{}", "[{\"op\": \"jump\", \"path\": \"/a\"}]").isTest()).isFalse();
        assertThat(failure("{}", "[{\"path\": \"/a\"}]").getMessage()).contains("op and path");
        assertThat(failure("{}", "[1]").isTest()).isFalse();
    }
}
