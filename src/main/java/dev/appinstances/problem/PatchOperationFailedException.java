package dev.appinstances.problem;

import java.util.Map;

/** A JSON Patch operation other than {@code test} cannot be applied (path not there, bad op). */
public class PatchOperationFailedException extends ProblemException {

    private final PatchFailure failure;

    public PatchOperationFailedException(String detail, PatchFailure failure) {
        super(ProblemType.PATCH_OPERATION_FAILED, detail);
        this.failure = failure;
    }

    @Override
    public Map<String, Object> extensions() {
        return failure.extensions();
    }
}
