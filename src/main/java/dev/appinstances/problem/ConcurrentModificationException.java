package dev.appinstances.problem;

/** Optimistic locking lost a race: the client may read again and retry. */
public class ConcurrentModificationException extends ProblemException {

    public ConcurrentModificationException(String detail) {
        super(ProblemType.CONCURRENT_MODIFICATION, detail);
    }
}
