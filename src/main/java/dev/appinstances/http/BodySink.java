package dev.appinstances.http;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * Where a streamed request body goes, chunk by chunk, on the request's event loop. A sink may
 * refuse the body at any chunk by throwing a {@link dev.appinstances.problem.ProblemException}: the
 * answer goes out at once and the rest of the body is not read.
 *
 * @param <T> what the sink makes of the whole body
 */
public interface BodySink<T> {

    /**
     * Takes the next chunk.
     *
     * @return null to be given the next chunk at once, or a signal to wait for first: the request
     *     stays paused (TCP back-pressure) until it completes; a failure refuses the body
     */
    Uni<Void> accept(Buffer chunk);

    /** The body has ended; completes with the result once everything is stored. */
    Uni<T> end();

    /** The body was refused or broke off: undo what was stored. Never fails the request. */
    Uni<Void> discard();
}
