package dev.appinstances.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The patched model does not fit the data model (an unknown property, a value of a wrong type). */
public class PatchResultInvalidException extends ProblemException {

    private final PatchFailure failure;
    private final JsonNode errors;

    public PatchResultInvalidException(String detail, PatchFailure failure, JsonNode errors) {
        super(ProblemType.PATCH_RESULT_INVALID, detail);
        this.failure = failure;
        this.errors = errors;
    }

    @Override
    public Map<String, Object> extensions() {
        Map<String, Object> members = new LinkedHashMap<>(failure.extensions());
        members.put("errors", errors);
        return members;
    }
}
