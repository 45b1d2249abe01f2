package dev.appinstances.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The members Altinn's clients read from a failed form data PATCH: the model before the patch, the
 * element, and the index of the failing operation (absent when the patched model was refused).
 */
public record PatchFailure(JsonNode previousModel, String dataElementId, Integer operationIndex) {

    Map<String, Object> extensions() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("previousModel", previousModel);
        members.put("dataElementId", dataElementId);
        if (operationIndex != null) {
            members.put("patchOperationIndex", operationIndex);
        }
        return members;
    }
}
