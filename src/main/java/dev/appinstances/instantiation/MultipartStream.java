package dev.appinstances.instantiation;

import dev.appinstances.problem.MalformedMultipartException;
import dev.appinstances.problem.ProblemException;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Push-parses a {@code multipart/form-data} body as its bytes arrive and reports parts to a {@link
 * Listener}, never holding a part in memory: part content is handed on as slices of the received
 * buffers, found with a bulk {@link DelimiterSearch}. A delimiter split across two buffers is
 * carried over as the length of its partial match.
 *
 * <p>Written here rather than taken from Netty (which drops the Content-Type of parts without a
 * file name, which every part's data type rule needs) or Quarkus REST (which scans content byte by
 * byte and does not bound part headers). Content-Transfer-Encoding is not decoded: RFC 7578 says
 * senders must not use it.
 */
final class MultipartStream {

    /** Receives parts in order. May throw a {@link ProblemException} to reject the body. */
    interface Listener {
        void partStarted(PartHeaders part);

        void partData(Buffer data);

        void partEnded();
    }

    private enum State {
        PREAMBLE,
        PADDING,
        PADDING_CR,
        PADDING_DASH,
        HEADERS,
        CONTENT,
        DONE
    }

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte DASH = '-';

    private final Listener listener;
    private final DelimiterSearch delimiter;
    private final int maxParts;
    private final int maxHeaderBytes;
    private final ByteArrayOutputStream headerBlock = new ByteArrayOutputStream();
    private State state = State.PREAMBLE;

    /** The body's start stands for the CRLF before a first delimiter without preamble. */
    private int matched = 2;

    /** The last four bytes of the header block, to see its end without looking back. */
    private int headerTail;

    private long bytesBetweenParts;
    private int parts;

    MultipartStream(String contentType, Listener listener, int maxParts, int maxHeaderBytes) {
        this.listener = listener;
        this.maxParts = maxParts;
        this.maxHeaderBytes = maxHeaderBytes;
        byte[] boundary = boundaryOf(contentType).getBytes(StandardCharsets.US_ASCII);
        byte[] token = new byte[boundary.length + 4];
        token[0] = CR;
        token[1] = LF;
        token[2] = DASH;
        token[3] = DASH;
        System.arraycopy(boundary, 0, token, 4, boundary.length);
        this.delimiter = new DelimiterSearch(token);
    }

    void feed(Buffer data) {
        ByteBuf buf = data.getByteBuf();
        byte[] bytes;
        int base;
        if (buf.hasArray()) {
            bytes = buf.array();
            base = buf.arrayOffset();
        } else {
            bytes = data.getBytes();
            base = 0;
        }
        int end = base + data.length();
        int at = base;
        while (at < end && state != State.DONE) {
            State was = state;
            int from = at;
            at =
                    switch (state) {
                        case PREAMBLE, CONTENT -> scan(data, bytes, base, at, end);
                        case HEADERS -> headers(bytes, at, end);
                        default -> padding(bytes, at, end);
                    };
            if (was != State.CONTENT) {
                countBetweenParts(at - from);
            }
        }
    }

    /** The body ended: it must have ended with the closing delimiter, after at least one part. */
    void end() {
        if (state != State.DONE) {
            throw new MalformedMultipartException(
                    "The multipart body is truncated: it ends without the closing boundary");
        }
        if (parts == 0) {
            throw new MalformedMultipartException("The multipart body has no parts");
        }
    }

    /** Content (or preamble, which is dropped) up to the next delimiter. */
    private int scan(Buffer data, byte[] bytes, int base, int at, int end) {
        boolean content = state == State.CONTENT;
        if (matched > 0) {
            int longer = delimiter.continueMatch(matched, bytes, at, end);
            if (longer == delimiter.length()) {
                int next = at + longer - matched;
                matched = 0;
                delimiterFound();
                return next;
            }
            if (longer > 0) {
                matched = longer;
                return end;
            }
            if (content) {
                listener.partData(Buffer.buffer(delimiter.prefix(matched)));
            }
            matched = 0;
        }
        int found = delimiter.indexOf(bytes, at, end);
        if (found < 0) {
            matched = delimiter.partialAtEnd(bytes, at, end);
        }
        int contentEnd = found < 0 ? end - matched : found;
        if (content && contentEnd > at) {
            listener.partData(data.slice(at - base, contentEnd - base));
        }
        if (found < 0) {
            return end;
        }
        delimiterFound();
        return found + delimiter.length();
    }

    private void delimiterFound() {
        if (state == State.CONTENT) {
            bytesBetweenParts = 0;
            listener.partEnded();
        }
        state = State.PADDING;
    }

    /** Whatever follows a delimiter up to its CRLF; {@code --} closes the body. */
    private int padding(byte[] bytes, int at, int end) {
        for (int i = at; i < end; i++) {
            byte b = bytes[i];
            if (b == LF && state == State.PADDING_CR) {
                state = State.HEADERS;
                headerBlock.reset();
                headerTail = 0;
                return i + 1;
            }
            if (b == DASH && state == State.PADDING_DASH) {
                state = State.DONE;
                return i + 1;
            }
            state = b == CR ? State.PADDING_CR : b == DASH ? State.PADDING_DASH : State.PADDING;
        }
        return end;
    }

    /** Collects header lines up to the empty line that ends them. */
    private int headers(byte[] bytes, int at, int end) {
        for (int i = at; i < end; i++) {
            headerBlock.write(bytes[i]);
            headerTail = headerTail << 8 | bytes[i] & 0xff;
            if (bytes[i] == LF && headersComplete()) {
                beginPart();
                return i + 1;
            }
        }
        return end;
    }

    private boolean headersComplete() {
        int n = headerBlock.size();
        return n == 2 && (headerTail & 0xffff) == 0x0d0a || n >= 4 && headerTail == 0x0d0a0d0a;
    }

    private void beginPart() {
        parts++;
        if (parts > maxParts) {
            throw new MalformedMultipartException("The body has more than " + maxParts + " parts");
        }
        Map<String, String> fields =
                PartHeaderFields.parse(headerBlock.toByteArray(), headerBlock.size());
        String disposition = fields.get("Content-Disposition");
        PartHeaders part = PartHeaders.of(parts, disposition, fields.get("Content-Type"));
        if (disposition == null || part.name() == null) {
            throw new MalformedMultipartException(
                    "Part " + parts + " has no Content-Disposition with a name");
        }
        state = State.CONTENT;
        listener.partStarted(part);
    }

    private void countBetweenParts(int bytes) {
        bytesBetweenParts += bytes;
        if (bytesBetweenParts > maxHeaderBytes && state != State.DONE) {
            throw new MalformedMultipartException(
                    "The headers of part "
                            + (parts + 1)
                            + " are larger than "
                            + maxHeaderBytes
                            + " bytes");
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
                if (!boundary.isEmpty()
                        && boundary.length() <= 70
                        && boundary.indexOf('\r') < 0
                        && boundary.indexOf('\n') < 0) {
                    return boundary;
                }
            }
        }
        throw new MalformedMultipartException("The multipart Content-Type has no valid boundary");
    }
}
