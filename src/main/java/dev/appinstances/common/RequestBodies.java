package dev.appinstances.common;

import dev.appinstances.problem.PayloadTooLargeException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a small request body from the raw Vert.x request with a limit of its own. Resources take
 * the raw request instead of a body parameter so that one path can serve both small JSON documents
 * (read here) and large streamed uploads, while the global HTTP body limit stays high.
 */
@ApplicationScoped
public class RequestBodies {

    /** The whole body, or a 413 problem once it is larger than {@code limit} bytes. */
    public Uni<byte[]> readAll(HttpServerRequest request, long limit) {
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && parseLength(declared) > limit) {
            return tooLarge(request, limit);
        }
        Context context = Vertx.currentContext();
        return Uni.createFrom()
                .<byte[]>emitter(
                        emitter -> {
                            Buffer body = Buffer.buffer();
                            boolean[] overflow = {false};
                            request.pause();
                            request.handler(
                                    chunk -> {
                                        if (overflow[0]) {
                                            return;
                                        }
                                        if (body.length() + chunk.length() > limit) {
                                            overflow[0] = true;
                                            stopReading(request);
                                            emitter.fail(tooLargeProblem(limit));
                                            return;
                                        }
                                        body.appendBuffer(chunk);
                                    });
                            request.exceptionHandler(emitter::fail);
                            request.endHandler(
                                    end -> {
                                        if (!overflow[0]) {
                                            emitter.complete(body.getBytes());
                                        }
                                    });
                            if ("100-continue"
                                    .equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                                request.response().writeContinue();
                            }
                            request.resume();
                        })
                .emitOn(command -> VertxContexts.runOn(context, command));
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static <T> Uni<T> tooLarge(HttpServerRequest request, long limit) {
        stopReading(request);
        return Uni.createFrom().failure(tooLargeProblem(limit));
    }

    /**
     * Stops reading a body that has been answered early: the rest is drained unread until the
     * connection closes after the answer (it cannot be reused), so that the client sees the answer
     * rather than a reset.
     */
    public static void stopReading(HttpServerRequest request) {
        if (!request.isEnded()) {
            request.response().putHeader(HttpHeaders.CONNECTION, "close");
            request.handler(ignored -> {});
            request.resume();
        }
    }

    private static PayloadTooLargeException tooLargeProblem(long limit) {
        return new PayloadTooLargeException("The request body is larger than " + limit + " bytes");
    }
}
