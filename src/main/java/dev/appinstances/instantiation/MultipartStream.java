package dev.appinstances.instantiation;

import dev.appinstances.problem.MalformedMultipartException;
import dev.appinstances.problem.ProblemException;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.common.util.CaseInsensitiveMap;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

/**
 * Push-parses a {@code multipart/form-data} body as its bytes arrive and reports parts to a {@link
 * Listener}, never holding a part in memory.
 *
 * <p>Built on Quarkus REST's own multipart parser rather than Netty's decoder because Netty drops
 * the Content-Type of parts without a file name, which every part's data type rule needs. That
 * parser does not bound part headers, so this class does: bytes are fed in small slices and counted
 * while the parser is between parts.
 */
final class MultipartStream {

    /** Receives parts in order. May throw a {@link ProblemException} to reject the body. */
    interface Listener {
        void partStarted(PartHeaders part);

        void partData(Buffer data);

        void partEnded();
    }

    /** Feeding in slices this small bounds how far header bytes can run past the limit. */
    private static final int SLICE = 1024;

    private final MultipartParser.ParseState parser;
    private final int maxParts;
    private final int maxHeaderBytes;
    private int parts;
    private boolean betweenParts = true;
    private long headerBytes;

    MultipartStream(String contentType, Listener listener, int maxParts, int maxHeaderBytes) {
        this.maxParts = maxParts;
        this.maxHeaderBytes = maxHeaderBytes;
        String boundary = boundaryOf(contentType);
        this.parser =
                MultipartParser.beginParse(
                        new Handler(listener),
                        boundary.getBytes(StandardCharsets.US_ASCII),
                        "UTF-8");
    }

    void feed(Buffer data) {
        byte[] bytes = data.getBytes();
        for (int offset = 0; offset < bytes.length && !parser.isComplete(); offset += SLICE) {
            int length = Math.min(SLICE, bytes.length - offset);
            if (betweenParts) {
                headerBytes += length;
            }
            parse(ByteBuffer.wrap(bytes, offset, length));
            if (betweenParts && headerBytes > maxHeaderBytes + SLICE && !parser.isComplete()) {
                throw new MalformedMultipartException(
                        "The headers of part "
                                + (parts + 1)
                                + " are larger than "
                                + maxHeaderBytes
                                + " bytes");
            }
        }
    }

    /** The body ended: it must have ended with the closing boundary. */
    void end() {
        if (!parser.isComplete()) {
            throw new MalformedMultipartException(
                    "The multipart body is truncated: it ends without the closing boundary");
        }
    }

    private void parse(ByteBuffer slice) {
        try {
            parser.parse(slice);
        } catch (MultipartParser.MalformedMessageException | IOException e) {
            throw new MalformedMultipartException("The multipart body is malformed");
        }
    }

    static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/")) {
            throw new MalformedMultipartException("Content-Type must be multipart/form-data");
        }
        for (String param : contentType.split(";")) {
            String[] pair = param.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("boundary")) {
                String boundary = pair[1].trim();
                if (boundary.startsWith("\"") && boundary.endsWith("\"") && boundary.length() > 1) {
                    boundary = boundary.substring(1, boundary.length() - 1);
                }
                if (!boundary.isEmpty() && boundary.length() <= 70) {
                    return boundary;
                }
            }
        }
        throw new MalformedMultipartException("The multipart Content-Type has no valid boundary");
    }

    private final class Handler implements MultipartParser.PartHandler {
        private final Listener listener;

        Handler(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void beginPart(CaseInsensitiveMap<String> headers) {
            parts++;
            betweenParts = false;
            headerBytes = 0;
            if (parts > maxParts) {
                throw new MalformedMultipartException(
                        "The body has more than " + maxParts + " parts");
            }
            String disposition = headers.getFirst("Content-Disposition");
            PartHeaders part = PartHeaders.of(parts, disposition, headers.getFirst("Content-Type"));
            if (disposition == null || part.name() == null) {
                throw new MalformedMultipartException(
                        "Part " + parts + " has no Content-Disposition with a name");
            }
            listener.partStarted(part);
        }

        @Override
        public void data(ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            listener.partData(Buffer.buffer(bytes));
        }

        @Override
        public void endPart() {
            betweenParts = true;
            listener.partEnded();
        }
    }
}
