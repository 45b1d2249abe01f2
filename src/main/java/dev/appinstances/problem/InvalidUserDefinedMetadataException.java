package dev.appinstances.problem;

/** User-defined metadata with a missing key, too many entries, or a key or value over the limit. */
public class InvalidUserDefinedMetadataException extends ProblemException {

    public InvalidUserDefinedMetadataException(String detail) {
        super(ProblemType.INVALID_USER_DEFINED_METADATA, detail);
    }
}
