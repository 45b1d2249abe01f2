package dev.appinstances.instantiation;

import dev.appinstances.app.AppDefinition;
import dev.appinstances.http.HttpLimits;
import dev.appinstances.instance.ElementContents;
import dev.appinstances.instance.UploadMetrics;
import jakarta.enterprise.context.ApplicationScoped;

/** Makes the sink of one streamed multipart create, with the configured limits. */
@ApplicationScoped
class MultipartUploads {

    private final AppDefinition app;
    private final ElementContents contents;
    private final UploadMetrics metrics;
    private final HttpLimits limits;

    MultipartUploads(
            AppDefinition app, ElementContents contents, UploadMetrics metrics, HttpLimits limits) {
        this.app = app;
        this.contents = contents;
        this.metrics = metrics;
        this.limits = limits;
    }

    /** 400 at once when the Content-Type is not multipart or names no boundary. */
    MultipartUpload newUpload(String contentType) {
        return new MultipartUpload(
                contentType,
                app,
                contents,
                metrics,
                limits.maxParts(),
                (int) limits.maxPartHeaderSize().asLongValue(),
                limits.maxJsonBodySize().asLongValue());
    }
}
