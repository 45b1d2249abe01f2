package dev.appinstances.data;

import dev.appinstances.appmetadata.AppDefinition;
import dev.appinstances.appmetadata.DataType;
import dev.appinstances.blob.BlobStore;
import dev.appinstances.blob.BlobWriter;
import dev.appinstances.common.MediaTypes;
import dev.appinstances.common.RequestBodies;
import dev.appinstances.common.VertxContexts;
import dev.appinstances.problem.ContentTypeNotAllowedException;
import dev.appinstances.problem.MalformedMultipartException;
import dev.appinstances.problem.PayloadTooLargeException;
import dev.appinstances.problem.TooManyDataElementsException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Receives one multipart create as it streams in: validates each part against the application
 * metadata the moment its headers arrive and as its bytes are counted, streams data parts into
 * pending blobs with back-pressure, and collects the {@code instance} part. The first violation
 * fails the upload at once, without reading the rest of the body, and discards what was stored.
 */
final class MultipartUpload implements MultipartStream.Listener {

    static final String TEMPLATE_PART = "instance";

    private final HttpServerRequest request;
    private final AppDefinition app;
    private final BlobStore blobs;
    private final UploadLimits limits;
    private final UploadMetrics metrics;
    private final Context context = Vertx.currentContext();
    private final MultipartStream stream;
    private final Map<String, Integer> countPerType = new HashMap<>();
    private final List<BlobWriter> writers = new ArrayList<>();
    private final List<Uni<StoredPart>> stored = new ArrayList<>();
    private UniEmitter<? super ReceivedMultipart> emitter;
    private PartHeaders part;
    private DataType partType;
    private BlobWriter writer;
    private Buffer template;
    private Uni<StoredPart> finishing;
    private long received;
    private boolean paused;
    private boolean done;

    MultipartUpload(
            HttpServerRequest request,
            AppDefinition app,
            BlobStore blobs,
            UploadLimits limits,
            UploadMetrics metrics) {
        this.request = request;
        this.app = app;
        this.blobs = blobs;
        this.limits = limits;
        this.metrics = metrics;
        this.stream =
                new MultipartStream(
                        request.getHeader(HttpHeaders.CONTENT_TYPE),
                        this,
                        limits.maxParts(),
                        limits.maxPartHeaderBytes());
    }

    /** Reads the whole body; completes once every part is stored, or fails at the first problem. */
    Uni<ReceivedMultipart> receive() {
        return Uni.createFrom()
                .<ReceivedMultipart>emitter(
                        e -> {
                            emitter = e;
                            request.pause();
                            request.handler(this::onBuffer);
                            request.endHandler(ignored -> guarded(this::onEnd));
                            request.exceptionHandler(this::fail);
                            if ("100-continue"
                                    .equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                                request.response().writeContinue();
                            }
                            request.resume();
                        })
                .emitOn(this::onRequestContext);
    }

    @Override
    public void partStarted(PartHeaders headers) {
        part = headers;
        metrics.multipartPart(
                app.metadata().dataType(headers.name()).isPresent()
                                || TEMPLATE_PART.equals(headers.name())
                        ? headers.name()
                        : "unknown");
        if (TEMPLATE_PART.equals(headers.name())) {
            startTemplate(headers);
            return;
        }
        partType =
                DataTypeRules.requireDataType(app.metadata(), headers.name(), headers.describe());
        DataTypeRules.requireAllowedContentType(
                partType, headers.contentType(), headers.describe());
        DataTypeRules.requireCurrentTask(partType, app.process().firstTask().id());
        int count = countPerType.merge(partType.id, 1, Integer::sum);
        if (!DataTypeRules.isWithinMaxCount(partType, count)) {
            throw new TooManyDataElementsException(
                    "The body has more parts of data type '"
                            + partType.id
                            + "' than it allows ("
                            + partType.maxCount
                            + ")");
        }
        writer = blobs.newWriter();
        writers.add(writer);
    }

    @Override
    public void partData(Buffer data) {
        if (template != null && writer == null) {
            if (template.length() + data.length() > limits.maxTemplateBytes()) {
                throw new PayloadTooLargeException(
                        "The instance part is larger than " + limits.maxTemplateBytes() + " bytes");
            }
            template.appendBuffer(data);
            return;
        }
        DataTypeRules.requireWithinMaxSize(
                partType, writer.size() + data.length(), part.describe());
        writer.append(data);
    }

    @Override
    public void partEnded() {
        if (writer == null) {
            return;
        }
        DataTypeRules.requireNotEmpty(writer.size(), part.describe());
        PartHeaders headers = part;
        DataType type = partType;
        finishing =
                writer.finish()
                        .map(
                                blob ->
                                        new StoredPart(
                                                type,
                                                headers.filename(),
                                                headers.contentType(),
                                                blob))
                        .memoize()
                        .indefinitely();
        stored.add(finishing);
        writer = null;
    }

    private void startTemplate(PartHeaders headers) {
        if (template != null) {
            throw new MalformedMultipartException("The body has more than one instance part");
        }
        if (MediaTypes.mediaType(headers.contentType()) != null
                && !MediaTypes.isJson(headers.contentType())) {
            throw new ContentTypeNotAllowedException(
                    "The instance part must be application/json, not " + headers.contentType());
        }
        template = Buffer.buffer();
        writer = null;
    }

    private void onBuffer(Buffer data) {
        if (done) {
            return;
        }
        received += data.length();
        metrics.multipartBytes(data.length());
        if (received > limits.maxRequestBytes()) {
            fail(
                    new PayloadTooLargeException(
                            "The request body is larger than "
                                    + limits.maxRequestBytes()
                                    + " bytes"));
            return;
        }
        guarded(() -> stream.feed(data));
        applyBackPressure();
    }

    /**
     * Stops reading while storage lags behind: a full chunk waits, or a finished part is still
     * being stored.
     */
    private void applyBackPressure() {
        if (done || paused) {
            return;
        }
        if (writer != null && writer.isBackedUp()) {
            pause();
            writer.onDrained(this::resume);
        } else if (finishing != null) {
            Uni<StoredPart> waitFor = finishing;
            finishing = null;
            pause();
            waitFor.subscribe().with(ok -> resume(), this::fail);
        }
    }

    private void pause() {
        paused = true;
        request.pause();
    }

    private void resume() {
        onRequestContext(
                () -> {
                    paused = false;
                    if (!done) {
                        request.resume();
                    }
                });
    }

    private void onEnd() {
        if (done) {
            return;
        }
        stream.end();
        Uni<List<StoredPart>> all =
                stored.isEmpty()
                        ? Uni.createFrom().item(List.of())
                        : Uni.join().all(stored).andFailFast();
        all.subscribe()
                .with(
                        parts -> {
                            done = true;
                            emitter.complete(
                                    new ReceivedMultipart(
                                            template == null ? new byte[0] : template.getBytes(),
                                            parts));
                        },
                        this::fail);
    }

    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** Answer now, read no further, and remove whatever this upload stored. */
    private void fail(Throwable error) {
        if (done) {
            return;
        }
        done = true;
        emitter.fail(error);
        RequestBodies.stopReading(request);
        discardStoredContent();
    }

    private void discardStoredContent() {
        List<UUID> ids = writers.stream().map(BlobWriter::id).toList();
        Uni.join()
                .all(writers.stream().map(BlobWriter::abort).toList())
                .andCollectFailures()
                .onItemOrFailure()
                .transformToUni((ignored, failure) -> blobs.discardPending(ids))
                .subscribe()
                .with(
                        ignored -> {},
                        failure -> Log.warnf(failure, "Could not discard pending blobs %s", ids));
    }

    private void onRequestContext(Runnable action) {
        VertxContexts.runOn(context, action);
    }

    /** The limits an upload is held to. */
    record UploadLimits(
            long maxRequestBytes, int maxParts, int maxPartHeaderBytes, long maxTemplateBytes) {}
}
