package dev.appinstances.formdata;

import java.util.List;

/** Form data that does not fit its model; lists every violation found (up to a bound). */
public class InvalidFormDataException extends RuntimeException {

    private final List<FormViolation> violations;

    public InvalidFormDataException(List<FormViolation> violations) {
        super("The form data does not fit its data model", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<FormViolation> violations() {
        return violations;
    }
}
