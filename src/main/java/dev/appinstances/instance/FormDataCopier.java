package dev.appinstances.instance;

import dev.appinstances.blob.BlobInfo;
import dev.appinstances.blob.BlobStore;
import dev.appinstances.blob.BlobWriter;
import dev.appinstances.prefill.InvalidXmlException;
import dev.appinstances.prefill.XmlFieldExcluder;
import dev.appinstances.problem.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * Copies form data with some fields removed, without holding the document in memory: the source
 * blob is read chunk by chunk into a streaming XML filter on a worker thread (StAX blocks), whose
 * output goes into a new pending blob with back-pressure. Without fields to remove, the content is
 * copied inside the database.
 */
@ApplicationScoped
public class FormDataCopier {

    private final BlobStore blobs;

    public FormDataCopier(BlobStore blobs) {
        this.blobs = blobs;
    }

    public Uni<BlobInfo> copyWithout(UUID sourceBlobId, List<String> excludedFields) {
        if (excludedFields == null || excludedFields.isEmpty()) {
            return blobs.copy(sourceBlobId);
        }
        BlobWriter writer = blobs.newWriter();
        return Uni.createFrom()
                .item(() -> filter(sourceBlobId, excludedFields, writer))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(ignored -> writer.finish())
                .onFailure()
                .call(() -> writer.abort().chain(() -> blobs.discardPending(List.of(writer.id()))));
    }

    private Void filter(UUID sourceBlobId, List<String> excludedFields, BlobWriter writer) {
        Iterator<Buffer> chunks =
                blobs.read(sourceBlobId, 0, Long.MAX_VALUE / 2).subscribe().asIterable().iterator();
        try (InputStream in = new ChunkInputStream(chunks);
                OutputStream out = new WriterOutputStream(writer)) {
            XmlFieldExcluder.excluding(excludedFields).copy(in, out);
        } catch (InvalidXmlException e) {
            throw new InvalidRequestException("The source form data is not valid XML");
        } catch (IOException e) {
            throw new IllegalStateException("Copying form data failed", e);
        }
        return null;
    }

    /** Reads blob chunks as they are fetched. */
    private static final class ChunkInputStream extends InputStream {
        private final Iterator<Buffer> chunks;
        private byte[] current = new byte[0];
        private int position;

        ChunkInputStream(Iterator<Buffer> chunks) {
            this.chunks = chunks;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            while (position >= current.length) {
                if (!chunks.hasNext()) {
                    return -1;
                }
                current = chunks.next().getBytes();
                position = 0;
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, target, offset, count);
            position += count;
            return count;
        }
    }

    /** Feeds a blob writer, waiting while it is backed up. */
    private static final class WriterOutputStream extends OutputStream {
        private final BlobWriter writer;

        WriterOutputStream(BlobWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            writer.append(Buffer.buffer().appendBytes(bytes, offset, length));
            if (writer.isBackedUp()) {
                CountDownLatch drained = new CountDownLatch(1);
                writer.onDrained(drained::countDown);
                try {
                    drained.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while storing form data");
                }
            }
        }
    }
}
