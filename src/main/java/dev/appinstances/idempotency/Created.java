package dev.appinstances.idempotency;

/**
 * What a create answers: the document it made, or the recorded first response to the same request
 * with the same {@code Idempotency-Key}.
 *
 * @param document the new resource, when this request created it
 * @param replayedJson the first response's body, when this request was a retry
 */
public record Created<T>(T document, int status, String location, String replayedJson) {

    static <T> Created<T> fresh(T document, String location) {
        return new Created<>(document, 201, location, null);
    }

    static <T> Created<T> replay(int status, String location, String json) {
        return new Created<>(null, status, location, json);
    }

    public boolean isReplay() {
        return replayedJson != null;
    }
}
