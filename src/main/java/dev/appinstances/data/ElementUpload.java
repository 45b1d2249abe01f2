package dev.appinstances.data;

import dev.appinstances.blob.BlobInfo;
import dev.appinstances.http.BodySink;
import dev.appinstances.instance.ElementContent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/** A raw request body that is one data element's content, streamed into a pending blob. */
final class ElementUpload implements BodySink<BlobInfo> {

    private final ElementContent content;

    ElementUpload(ElementContent content) {
        this.content = content;
    }

    @Override
    public Uni<Void> accept(Buffer chunk) {
        return content.append(chunk);
    }

    @Override
    public Uni<BlobInfo> end() {
        return content.finish();
    }

    @Override
    public Uni<Void> discard() {
        return content.discard();
    }
}
