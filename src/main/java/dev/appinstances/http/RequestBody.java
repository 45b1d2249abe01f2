package dev.appinstances.http;

import dev.appinstances.problem.MalformedBodyException;
import dev.appinstances.problem.PayloadTooLargeException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The body of a request that no framework reader has consumed, read once through the one pipeline
 * of this service: it takes the raw request over (pause, handlers, {@code 100-continue}), holds the
 * body to its byte limit, pauses the connection while the {@link BodySink} lags, answers a refusal
 * at once without reading on, and hands the outcome back on the request's own Vert.x context (where
 * its reactive session lives).
 *
 * <p>Resources take the raw request instead of a body parameter so that small JSON documents and
 * uploads of gigabytes go the same way while the HTTP layer's own body limit stays high.
 */
public final class RequestBody {

    private final HttpServerRequest request;
    private final long maxBytes;
    private final Context context;
    private boolean taken;
    private MessageDigest digest;
    private String fingerprint;

    RequestBody(HttpServerRequest request, long maxBytes) {
        this.request = request;
        this.maxBytes = maxBytes;
        this.context = Vertx.currentContext();
    }

    /** The Content-Type header as sent, or null. */
    public String contentType() {
        return request.getHeader(HttpHeaders.CONTENT_TYPE);
    }

    /** A request header as sent, or null. */
    public String header(String name) {
        return request.getHeader(name);
    }

    /**
     * From now on the request's fingerprint is computed as its body is read: the SHA-256 of the
     * method, path, query, Content-Type and body, in hex. Call before the body is read.
     */
    public RequestBody fingerprinting() {
        if (digest == null) {
            digest = sha256();
            for (String part :
                    new String[] {request.method().name(), request.uri(), contentType()}) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
        }
        return this;
    }

    /** The fingerprint, once the body has been read whole; null before. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Reads the body only to compute the fingerprint (nothing is kept). */
    public Uni<String> fingerprintOnly() {
        fingerprinting();
        return stream(new DiscardingSink()).map(ignored -> fingerprint);
    }

    /**
     * Answers without reading the body: what the client still sends is drained and the connection
     * closes after the answer.
     */
    public void refuseUnread() {
        if (!taken) {
            taken = true;
            stopReading();
        }
    }

    /** The whole body in memory, or a 413 problem once it is larger than {@code limit} bytes. */
    public Uni<byte[]> readAll(long limit) {
        return stream(new CollectingSink(), Math.min(limit, maxBytes));
    }

    /** Streams the body into the sink; completes with the sink's result or its first failure. */
    public <T> Uni<T> stream(BodySink<T> sink) {
        return stream(sink, maxBytes);
    }

    private <T> Uni<T> stream(BodySink<T> sink, long limit) {
        if (taken) {
            throw new IllegalStateException("The request body can be read only once");
        }
        taken = true;
        return Uni.createFrom()
                .<T>emitter(emitter -> new Reading<>(sink, limit, emitter).start())
                .emitOn(command -> VertxContexts.runOn(context, command));
    }

    /**
     * Stops reading a body that has been answered early: the rest is drained unread until the
     * connection closes after the answer (it cannot be reused), so that the client sees the answer
     * rather than a reset.
     */
    void stopReading() {
        if (!request.isEnded()) {
            request.response().putHeader(HttpHeaders.CONNECTION, "close");
            request.handler(ignored -> {});
            request.resume();
        }
    }

    private static PayloadTooLargeException tooLarge(long limit) {
        return new PayloadTooLargeException("The request body is larger than " + limit + " bytes");
    }

    /** One pass over the body, from takeover to the sink's result. */
    private final class Reading<T> {
        private final BodySink<T> sink;
        private final long limit;
        private final UniEmitter<? super T> emitter;
        private long received;
        private boolean done;

        Reading(BodySink<T> sink, long limit, UniEmitter<? super T> emitter) {
            this.sink = sink;
            this.limit = limit;
            this.emitter = emitter;
        }

        void start() {
            if (declaredLength() > limit) {
                fail(tooLarge(limit));
                return;
            }
            request.pause();
            request.handler(this::onChunk);
            request.endHandler(ignored -> onEnd());
            request.exceptionHandler(
                    broken ->
                            fail(
                                    new MalformedBodyException(
                                            "The request body could not be read: its transfer"
                                                    + " framing is malformed or the connection broke"
                                                    + " off")));
            if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                request.response().writeContinue();
            }
            request.resume();
        }

        private void onChunk(Buffer chunk) {
            if (done) {
                return;
            }
            received += chunk.length();
            if (received > limit) {
                fail(tooLarge(limit));
                return;
            }
            if (digest != null) {
                digest.update(chunk.getByteBuf().nioBuffer());
            }
            Uni<Void> wait;
            try {
                wait = sink.accept(chunk);
            } catch (RuntimeException refused) {
                fail(refused);
                return;
            }
            if (wait != null && !done) {
                request.pause();
                wait.subscribe().with(ready -> resume(), this::fail);
            }
        }

        private void resume() {
            VertxContexts.runOn(
                    context,
                    () -> {
                        if (!done) {
                            request.resume();
                        }
                    });
        }

        private void onEnd() {
            if (done) {
                return;
            }
            if (digest != null) {
                fingerprint = HexFormat.of().formatHex(digest.digest());
            }
            Uni<T> result;
            try {
                result = sink.end();
            } catch (RuntimeException refused) {
                fail(refused);
                return;
            }
            result.subscribe()
                    .with(
                            item -> {
                                if (!done) {
                                    done = true;
                                    emitter.complete(item);
                                }
                            },
                            this::fail);
        }

        private void fail(Throwable error) {
            if (done) {
                return;
            }
            done = true;
            emitter.fail(error);
            stopReading();
            sink.discard()
                    .subscribe()
                    .with(
                            ignored -> {},
                            failure -> Log.warnf(failure, "Could not undo a refused upload"));
        }

        private long declaredLength() {
            String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared == null) {
                return -1;
            }
            try {
                return Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the body and keeps nothing. */
    private static final class DiscardingSink implements BodySink<Void> {
        @Override
        public Uni<Void> accept(Buffer chunk) {
            return null;
        }

        @Override
        public Uni<Void> end() {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> discard() {
            return Uni.createFrom().voidItem();
        }
    }

    /** Collects a small body in memory (the reading holds it to its limit). */
    private static final class CollectingSink implements BodySink<byte[]> {
        private final Buffer body = Buffer.buffer();

        @Override
        public Uni<Void> accept(Buffer chunk) {
            body.appendBuffer(chunk);
            return null;
        }

        @Override
        public Uni<byte[]> end() {
            return Uni.createFrom().item(body.getBytes());
        }

        @Override
        public Uni<Void> discard() {
            return Uni.createFrom().voidItem();
        }
    }
}
