package dev.appinstances.problem;

/** User-defined metadata keys outside the data type's {@code allowedKeysForUserDefinedMetadata}. */
public class MetadataKeyNotAllowedException extends ProblemException {

    public MetadataKeyNotAllowedException(String detail) {
        super(ProblemType.METADATA_KEY_NOT_ALLOWED, detail);
    }
}
