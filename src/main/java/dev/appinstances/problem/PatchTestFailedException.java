package dev.appinstances.problem;

import java.util.Map;

/** A {@code test} operation of a JSON Patch does not hold: the form is not what the client saw. */
public class PatchTestFailedException extends ProblemException {

    private final PatchFailure failure;

    public PatchTestFailedException(String detail, PatchFailure failure) {
        super(ProblemType.PATCH_TEST_FAILED, detail);
        this.failure = failure;
    }

    @Override
    public Map<String, Object> extensions() {
        return failure.extensions();
    }
}
