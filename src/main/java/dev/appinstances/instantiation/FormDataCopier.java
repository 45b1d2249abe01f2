package dev.appinstances.instantiation;

import dev.appinstances.blob.BlobInfo;
import dev.appinstances.blob.BlobStore;
import dev.appinstances.blob.BlobWriter;
import dev.appinstances.formdata.InvalidXmlException;
import dev.appinstances.formdata.XmlFieldExcluder;
import dev.appinstances.problem.InvalidRequestException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiSubscriber;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/**
 * Copies form data with some fields removed, without holding the document in memory. StAX blocks,
 * so the filter runs on a worker thread; it pulls the source one stored chunk at a time and hands
 * its output to the blob writer on the request's own Vert.x context, waiting while the writer is
 * backed up. At most one source chunk and the writer's few chunks are in memory. Without fields to
 * remove, the content is copied inside the database.
 */
@ApplicationScoped
class FormDataCopier {

    private static final int OUTPUT_BUFFER = 64 * 1024;

    private final BlobStore blobs;

    FormDataCopier(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** Call on the request's Vert.x context; completes there with a new pending blob. */
    Uni<BlobInfo> copyWithout(UUID sourceBlobId, List<String> excludedFields) {
        if (excludedFields == null || excludedFields.isEmpty()) {
            return blobs.copy(sourceBlobId);
        }
        Context context = Vertx.currentContext();
        BlobWriter writer = blobs.newWriter();
        ChunkInputStream source =
                new ChunkInputStream(blobs.read(sourceBlobId, 0, Long.MAX_VALUE / 2));
        return Uni.createFrom()
                .item(
                        () ->
                                filter(
                                        source,
                                        excludedFields,
                                        new ContextOutputStream(writer, context)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .chain(ignored -> writer.finish())
                .onFailure()
                .call(() -> writer.abort().chain(() -> blobs.discardPending(List.of(writer.id()))));
    }

    private static Void filter(
            ChunkInputStream source, List<String> excludedFields, OutputStream target) {
        try (InputStream in = source;
                OutputStream out = new BufferedOutputStream(target, OUTPUT_BUFFER)) {
            XmlFieldExcluder.excluding(excludedFields).copy(in, out);
        } catch (InvalidXmlException e) {
            throw new InvalidRequestException("The source form data is not valid XML");
        } catch (IOException e) {
            throw new IllegalStateException("Copying form data failed", e);
        }
        return null;
    }

    /** Reads blob chunks as the filter asks for them: one requested, one held. */
    private static final class ChunkInputStream extends InputStream {
        private static final Object END = new Object();

        private final BlockingQueue<Object> next = new ArrayBlockingQueue<>(2);
        private volatile Flow.Subscription subscription;
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        ChunkInputStream(Multi<Buffer> chunks) {
            chunks.subscribe()
                    .withSubscriber(
                            new MultiSubscriber<Buffer>() {
                                @Override
                                public void onSubscribe(Flow.Subscription s) {
                                    subscription = s;
                                    s.request(1);
                                }

                                @Override
                                public void onItem(Buffer chunk) {
                                    next.add(chunk);
                                }

                                @Override
                                public void onFailure(Throwable failure) {
                                    next.add(failure);
                                }

                                @Override
                                public void onCompletion() {
                                    next.add(END);
                                }
                            });
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            while (position >= current.length) {
                if (ended || !take()) {
                    return -1;
                }
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, target, offset, count);
            position += count;
            return count;
        }

        /** Waits for the next chunk; false at the end. */
        private boolean take() throws IOException {
            Object item;
            try {
                item = next.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while reading form data");
            }
            if (item == END) {
                ended = true;
                return false;
            }
            if (item instanceof Throwable failure) {
                throw new IOException("Reading the source form data failed", failure);
            }
            current = ((Buffer) item).getBytes();
            position = 0;
            subscription.request(1);
            return true;
        }

        @Override
        public void close() {
            if (!ended && subscription != null) {
                subscription.cancel();
            }
        }
    }

    /** Feeds the blob writer on its own context, waiting while it is backed up. */
    private static final class ContextOutputStream extends OutputStream {
        private final BlobWriter writer;
        private final Context context;

        ContextOutputStream(BlobWriter writer, Context context) {
            this.writer = writer;
            this.context = context;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Buffer chunk = Buffer.buffer(length).appendBytes(bytes, offset, length);
            CompletableFuture<Void> taken = new CompletableFuture<>();
            context.runOnContext(
                    ignored -> {
                        writer.append(chunk);
                        writer.onDrained(() -> taken.complete(null));
                    });
            try {
                taken.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while storing form data");
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
        }
    }
}
