package dev.appinstances.formdata;

/** A JSON Patch operation could not be applied; nothing of the patch was applied. */
public class PatchFailedException extends RuntimeException {

    private final int operationIndex;
    private final boolean test;

    PatchFailedException(int operationIndex, boolean test, String problem) {
        super(problem, null, false, false);
        this.operationIndex = operationIndex;
        this.test = test;
    }

    /** The index of the failing operation in the patch. */
    public int operationIndex() {
        return operationIndex;
    }

    /** Whether a {@code test} operation failed (the model is not what the client expected). */
    public boolean isTest() {
        return test;
    }
}
