package dev.appinstances.data;

import dev.appinstances.appmetadata.AppDefinition;
import dev.appinstances.appmetadata.AppSettings;
import dev.appinstances.blob.BlobStore;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.UUID;

/** Entry point for streamed multipart creates, with the configured limits. */
@ApplicationScoped
public class MultipartUploads {

    private final AppDefinition app;
    private final BlobStore blobs;
    private final MultipartUpload.UploadLimits limits;
    private final UploadMetrics metrics;

    public MultipartUploads(
            AppDefinition app, BlobStore blobs, AppSettings settings, UploadMetrics metrics) {
        this.app = app;
        this.blobs = blobs;
        this.metrics = metrics;
        var configured = settings.limits();
        this.limits =
                new MultipartUpload.UploadLimits(
                        configured.maxRequestSize().asLongValue(),
                        configured.maxParts(),
                        (int) configured.maxPartHeaderSize().asLongValue(),
                        configured.maxJsonBodySize().asLongValue());
    }

    /** Streams the request's parts into pending blobs; see {@link MultipartUpload}. */
    public Uni<ReceivedMultipart> receive(HttpServerRequest request) {
        return Uni.createFrom()
                .deferred(
                        () -> new MultipartUpload(request, app, blobs, limits, metrics).receive());
    }

    /** Removes the pending content of an upload whose instance was not created. */
    public Uni<Void> discard(Collection<UUID> blobIds) {
        return blobs.discardPending(blobIds);
    }
}
