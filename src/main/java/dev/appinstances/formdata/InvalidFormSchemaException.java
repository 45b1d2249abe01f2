package dev.appinstances.formdata;

/**
 * The app's data model schema cannot be used (for example an unresolvable {@code $ref}). A fault in
 * the app's configuration, not in a caller's request.
 */
public class InvalidFormSchemaException extends RuntimeException {

    private final String place;

    public InvalidFormSchemaException(String problem) {
        this(problem, null);
    }

    InvalidFormSchemaException(String problem, String place) {
        super(problem);
        this.place = place;
    }

    /** Where in the model, as a dotted path ({@code applicant.address}); null for the root. */
    public String place() {
        return place;
    }
}
