package dev.appinstances.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Stored form data that cannot be read as its model (too large, or values that do not fit). */
public class FormDataUnreadableException extends ProblemException {

    private final JsonNode errors;

    public FormDataUnreadableException(String detail, JsonNode errors) {
        super(ProblemType.FORM_DATA_UNREADABLE, detail);
        this.errors = errors;
    }

    @Override
    public Map<String, Object> extensions() {
        return errors == null ? Map.of() : Map.of("errors", errors);
    }
}
