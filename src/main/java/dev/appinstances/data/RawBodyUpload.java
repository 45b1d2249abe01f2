package dev.appinstances.data;

import dev.appinstances.appmetadata.DataType;
import dev.appinstances.blob.BlobInfo;
import dev.appinstances.blob.BlobStore;
import dev.appinstances.blob.BlobWriter;
import dev.appinstances.common.RequestBodies;
import dev.appinstances.common.VertxContexts;
import dev.appinstances.problem.PayloadTooLargeException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/**
 * Streams a raw request body (a data element's content) into a pending blob, with the data type's
 * size rule checked as bytes arrive and back-pressure while storage lags.
 */
final class RawBodyUpload {

    private final HttpServerRequest request;
    private final DataType type;
    private final BlobStore blobs;
    private final long maxRequestBytes;
    private final BlobWriter writer;
    private final Context context = Vertx.currentContext();
    private UniEmitter<? super BlobInfo> emitter;
    private boolean done;

    RawBodyUpload(HttpServerRequest request, DataType type, BlobStore blobs, long maxRequestBytes) {
        this.request = request;
        this.type = type;
        this.blobs = blobs;
        this.maxRequestBytes = maxRequestBytes;
        this.writer = blobs.newWriter();
    }

    Uni<BlobInfo> receive() {
        return Uni.createFrom()
                .<BlobInfo>emitter(
                        e -> {
                            emitter = e;
                            request.pause();
                            request.handler(this::onBuffer);
                            request.endHandler(ignored -> onEnd());
                            request.exceptionHandler(this::fail);
                            if ("100-continue"
                                    .equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                                request.response().writeContinue();
                            }
                            request.resume();
                        })
                .emitOn(this::onRequestContext);
    }

    private void onBuffer(Buffer data) {
        if (done) {
            return;
        }
        try {
            long size = writer.size() + data.length();
            if (size > maxRequestBytes) {
                throw new PayloadTooLargeException(
                        "The request body is larger than " + maxRequestBytes + " bytes");
            }
            DataTypeRules.requireWithinMaxSize(type, size, "The data element");
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        writer.append(data);
        if (writer.isBackedUp()) {
            request.pause();
            writer.onDrained(
                    () ->
                            onRequestContext(
                                    () -> {
                                        if (!done) {
                                            request.resume();
                                        }
                                    }));
        }
    }

    private void onEnd() {
        if (done) {
            return;
        }
        try {
            DataTypeRules.requireNotEmpty(writer.size(), "The data element");
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        writer.finish()
                .subscribe()
                .with(
                        blob -> {
                            done = true;
                            emitter.complete(blob);
                        },
                        this::fail);
    }

    private void fail(Throwable error) {
        if (done) {
            return;
        }
        done = true;
        emitter.fail(error);
        RequestBodies.stopReading(request);
        writer.abort()
                .chain(() -> blobs.discardPending(List.of(writer.id())))
                .subscribe()
                .with(
                        ignored -> {},
                        failure -> Log.warnf(failure, "Could not discard blob %s", writer.id()));
    }

    private void onRequestContext(Runnable action) {
        VertxContexts.runOn(context, action);
    }
}
