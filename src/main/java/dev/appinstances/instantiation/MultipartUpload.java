package dev.appinstances.instantiation;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.app.DataType;
import dev.appinstances.http.BodySink;
import dev.appinstances.http.MediaTypes;
import dev.appinstances.instance.DataTypeRules;
import dev.appinstances.instance.ElementContent;
import dev.appinstances.instance.ElementContents;
import dev.appinstances.instance.StoredPart;
import dev.appinstances.instance.UploadMetrics;
import dev.appinstances.problem.ContentTypeNotAllowedException;
import dev.appinstances.problem.MalformedMultipartException;
import dev.appinstances.problem.PayloadTooLargeException;
import dev.appinstances.problem.TooManyDataElementsException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Receives one multipart create as it streams in: validates each part against the application
 * metadata the moment its headers arrive and as its bytes are counted, streams data parts into
 * pending blobs with back-pressure, and collects the {@code instance} part. The first violation
 * refuses the body at once, without reading the rest of it; what was stored is discarded.
 */
final class MultipartUpload implements BodySink<ReceivedMultipart>, MultipartStream.Listener {

    static final String TEMPLATE_PART = "instance";

    private final AppDefinition app;
    private final ElementContents contents;
    private final UploadMetrics metrics;
    private final long maxTemplateBytes;
    private final MultipartStream stream;
    private final Map<String, Integer> countPerType = new HashMap<>();
    private final List<ElementContent> started = new ArrayList<>();
    private final List<Uni<StoredPart>> stored = new ArrayList<>();
    private PartHeaders part;
    private ElementContent content;
    private Buffer template;
    private Uni<Void> wait;

    MultipartUpload(
            String contentType,
            AppDefinition app,
            ElementContents contents,
            UploadMetrics metrics,
            int maxParts,
            int maxPartHeaderBytes,
            long maxTemplateBytes) {
        this.app = app;
        this.contents = contents;
        this.metrics = metrics;
        this.maxTemplateBytes = maxTemplateBytes;
        this.stream = new MultipartStream(contentType, this, maxParts, maxPartHeaderBytes);
    }

    @Override
    public Uni<Void> accept(Buffer chunk) {
        metrics.multipartBytes(chunk.length());
        wait = null;
        stream.feed(chunk);
        return wait;
    }

    @Override
    public Uni<ReceivedMultipart> end() {
        stream.end();
        Uni<List<StoredPart>> all =
                stored.isEmpty()
                        ? Uni.createFrom().item(List.of())
                        : Uni.join().all(stored).andFailFast();
        return all.map(
                parts ->
                        new ReceivedMultipart(
                                template == null ? new byte[0] : template.getBytes(), parts));
    }

    @Override
    public Uni<Void> discard() {
        return Uni.join()
                .all(started.stream().map(ElementContent::discard).toList())
                .andCollectFailures()
                .replaceWithVoid();
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
        DataType type =
                DataTypeRules.requireDataType(app.metadata(), headers.name(), headers.describe());
        DataTypeRules.requireAllowedContentType(type, headers.contentType(), headers.describe());
        DataTypeRules.requireCurrentTask(type, app.process().firstTask().id());
        int count = countPerType.merge(type.id, 1, Integer::sum);
        if (!DataTypeRules.isWithinMaxCount(type, count)) {
            throw new TooManyDataElementsException(
                    "The body has more parts of data type '"
                            + type.id
                            + "' than it allows ("
                            + type.maxCount
                            + ")");
        }
        content = contents.start(type, headers.describe());
        started.add(content);
    }

    @Override
    public void partData(Buffer data) {
        if (content == null) {
            if (template.length() + data.length() > maxTemplateBytes) {
                throw new PayloadTooLargeException(
                        "The instance part is larger than " + maxTemplateBytes + " bytes");
            }
            template.appendBuffer(data);
            return;
        }
        Uni<Void> lagging = content.append(data);
        if (lagging != null) {
            wait = lagging;
        }
    }

    /** A finished part is stored before the next is read, so at most one part is in flight. */
    @Override
    public void partEnded() {
        if (content == null) {
            return;
        }
        PartHeaders headers = part;
        ElementContent finished = content;
        Uni<StoredPart> storing =
                finished.finish()
                        .map(
                                blob ->
                                        new StoredPart(
                                                finished.type(),
                                                headers.filename(),
                                                headers.contentType(),
                                                blob))
                        .memoize()
                        .indefinitely();
        stored.add(storing);
        wait = storing.replaceWithVoid();
        content = null;
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
        content = null;
    }
}
