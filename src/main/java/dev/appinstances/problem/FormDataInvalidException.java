package dev.appinstances.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Form data in a PUT body that does not fit the data model; {@code errors} lists every place. */
public class FormDataInvalidException extends ProblemException {

    private final JsonNode errors;

    public FormDataInvalidException(String detail, JsonNode errors) {
        super(ProblemType.FORM_DATA_INVALID, detail);
        this.errors = errors;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("errors", errors);
    }
}
