package dev.appinstances.problem;

/** User-defined metadata that names a key more than once. */
public class DuplicateMetadataKeysException extends ProblemException {

    public DuplicateMetadataKeysException(String detail) {
        super(ProblemType.DUPLICATE_METADATA_KEYS, detail);
    }
}
