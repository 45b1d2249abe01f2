package dev.appinstances.formdata;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Some prefill keys could not be placed in the form data. Lists every offending key, not just the
 * first, so that a caller can fix them all at once.
 */
public class PrefillException extends RuntimeException {

    /** One rejected key and why it was rejected. */
    public record Problem(String key, String problem) {
        @Override
        public String toString() {
            return key + " (" + problem + ")";
        }
    }

    private final List<Problem> problems;

    public PrefillException(List<Problem> problems) {
        super(
                "Prefill keys not accepted: "
                        + problems.stream()
                                .map(Problem::toString)
                                .collect(Collectors.joining(", ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
