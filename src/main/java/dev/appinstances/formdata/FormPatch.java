package dev.appinstances.formdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsonp.JSONPModule;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonPatch;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

/**
 * Applies an RFC 6902 JSON Patch to a model tree with Jakarta JSON Processing ({@code
 * jakarta.json.JsonPatch}, Parsson), one operation at a time so that a failure names its operation.
 * The patch is atomic: a failure leaves the tree as it was (JSON-P values are immutable).
 */
public final class FormPatch {

    private static final ObjectMapper CONVERT =
            JsonMapper.builder()
                    .addModule(new JSONPModule())
                    .enable(
                            com.fasterxml.jackson.databind.DeserializationFeature
                                    .USE_BIG_DECIMAL_FOR_FLOATS)
                    .build();

    private static final int MAX_MESSAGE = 200;

    private FormPatch() {}

    /**
     * The patched document (not yet checked against the model).
     *
     * @param operations a JSON array of operations
     * @throws PatchFailedException naming the first operation that failed
     */
    public static JsonNode apply(JsonNode document, JsonNode operations) {
        JsonStructure current = (JsonStructure) CONVERT.convertValue(document, JsonValue.class);
        for (int i = 0; i < operations.size(); i++) {
            JsonNode operation = operations.get(i);
            boolean test = operation.isObject() && "test".equals(operation.path("op").asText());
            try {
                JsonValue op = CONVERT.convertValue(operation, JsonValue.class);
                JsonPatch one = Json.createPatch(Json.createArrayBuilder().add(op).build());
                current = one.apply(current);
            } catch (JsonException
                    | ClassCastException
                    | NullPointerException
                    | IllegalArgumentException e) {
                throw new PatchFailedException(i, test, failure(operation, test, e));
            }
        }
        return CONVERT.convertValue(current, JsonNode.class);
    }

    private static String failure(JsonNode operation, boolean test, RuntimeException e) {
        String path = operation.path("path").asText("");
        if (test) {
            return "Path `" + path + "` is not equal to the indicated value.";
        }
        if (!operation.isObject() || !operation.has("op") || !operation.has("path")) {
            return "Operation is not a JSON Patch operation (it needs op and path)";
        }
        String message = e.getMessage();
        if (message != null && message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        return "Operation '"
                + operation.path("op").asText()
                + "' at path `"
                + path
                + "` failed"
                + (message == null ? "" : ": " + message);
    }
}
