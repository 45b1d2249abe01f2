package dev.appinstances.formdata;

/**
 * The app's data model schema cannot be used for prefill (for example an unresolvable {@code
 * $ref}). A fault in the app's configuration, not in the caller's request.
 */
public class InvalidFormSchemaException extends RuntimeException {

    public InvalidFormSchemaException(String problem) {
        super(problem);
    }
}
