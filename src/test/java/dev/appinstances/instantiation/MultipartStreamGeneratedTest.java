package dev.appinstances.instantiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.appinstances.problem.MalformedMultipartException;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated bodies, cut into chunks at random and at every offset, parsed by {@link
 * MultipartStream} and by a reference that searches the whole body at once: both must agree, and on
 * well-formed bodies both must give back the parts that were generated.
 */
class MultipartStreamGeneratedTest {

    private static final String BCHARS =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=?";

    @Test
    void wellFormedBodiesGiveBackTheirPartsHoweverTheyAreChunked() {
        for (int seed = 0; seed < 600; seed++) {
            Random random = new Random(seed);
            Generated body = generate(random, 300);
            String expected = describe(body.parts);
            assertThat(reference(body.bytes, body.boundary))
                    .as("seed %d", seed)
                    .isEqualTo(expected);
            for (int round = 0; round < 8; round++) {
                assertThat(parse(body, randomChunks(random, body.bytes.length), random))
                        .as("seed %d round %d", seed, round)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void aDelimiterSplitAtAnyOffsetIsFound() {
        for (int seed = 1000; seed < 1030; seed++) {
            Random random = new Random(seed);
            Generated body = generate(random, 24);
            String expected = describe(body.parts);
            for (int cut = 0; cut <= body.bytes.length; cut++) {
                assertThat(parse(body, List.of(cut, body.bytes.length - cut), random))
                        .as("seed %d cut at %d", seed, cut)
                        .isEqualTo(expected);
            }
            assertThat(parse(body, ones(body.bytes.length), random))
                    .as("seed %d byte by byte", seed)
                    .isEqualTo(expected);
        }
    }

    @Test
    void mutatedBodiesAreParsedAsTheReferenceParsesThem() {
        for (int seed = 5000; seed < 6000; seed++) {
            Random random = new Random(seed);
            Generated body = generate(random, 300);
            byte[] mutated = mutate(random, body.bytes, body.boundary);
            Generated changed = new Generated(body.boundary, mutated, body.parts);
            String expected = reference(mutated, body.boundary);
            for (int round = 0; round < 3; round++) {
                assertThat(parse(changed, randomChunks(random, mutated.length), random))
                        .as("seed %d round %d", seed, round)
                        .isEqualTo(expected);
            }
        }
    }

    // ------------------------------------------------------------------ generation

    record Part(String name, String filename, String contentType, byte[] content) {}

    record Generated(String boundary, byte[] bytes, List<Part> parts) {}

    private static Generated generate(Random random, int maxRandomRun) {
        String boundary = boundary(random);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(3) == 0) {
            out.writeBytes(preamble(random, boundary, delimiter));
            out.writeBytes(delimiter);
        } else {
            out.writeBytes(("--" + boundary).getBytes(StandardCharsets.US_ASCII));
        }
        List<Part> parts = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            Part part =
                    new Part(
                            "part-" + i + (random.nextBoolean() ? "" : "-ø"),
                            random.nextInt(3) == 0 ? "file " + i + ".bin" : null,
                            random.nextBoolean() ? "application/octet-stream" : null,
                            content(random, boundary, delimiter, maxRandomRun));
            parts.add(part);
            ascii(out, random.nextInt(4) == 0 ? " \t" : "");
            ascii(out, "\r\n");
            out.writeBytes(headers(random, part));
            out.writeBytes(part.content);
            out.writeBytes(delimiter);
        }
        ascii(out, "--");
        if (random.nextBoolean()) {
            ascii(out, "\r\n");
            out.writeBytes(random.nextBoolean() ? delimiter : bytes(random, 20));
        }
        return new Generated(boundary, out.toByteArray(), parts);
    }

    private static String boundary(Random random) {
        String[] shapes = {"-", "--", "a", "----WebKitFormBoundary", "----test-boundary-7MA4"};
        StringBuilder boundary =
                new StringBuilder(
                        random.nextBoolean() ? shapes[random.nextInt(shapes.length)] : "");
        int extra = random.nextInt(random.nextBoolean() ? 4 : 48);
        for (int i = 0; i < extra && boundary.length() < 70; i++) {
            boundary.append(BCHARS.charAt(random.nextInt(BCHARS.length())));
        }
        return boundary.isEmpty() ? "x" : boundary.toString();
    }

    private static byte[] headers(Random random, Part part) {
        StringBuilder headers = new StringBuilder();
        headers.append(random.nextBoolean() ? "Content-Disposition" : "content-disposition");
        headers.append(":").append(random.nextBoolean() ? " " : "");
        headers.append("form-data; name=\"").append(part.name).append('"');
        if (random.nextInt(4) == 0) {
            headers.append("\r\n\t");
        }
        if (part.filename != null) {
            headers.append("; filename=\"").append(part.filename).append('"');
        }
        headers.append("\r\n");
        if (part.contentType != null) {
            headers.append("Content-Type: ").append(part.contentType).append("\r\n");
        }
        if (random.nextInt(4) == 0) {
            headers.append("X-Junk: --\r\n");
        }
        return headers.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Content that no delimiter follows even if the body's start counts as a CRLF. */
    private static byte[] preamble(Random random, String boundary, byte[] delimiter) {
        while (true) {
            byte[] preamble = content(random, boundary, delimiter, 40);
            byte[] withCrlf = new byte[preamble.length + 2];
            withCrlf[0] = '\r';
            withCrlf[1] = '\n';
            System.arraycopy(preamble, 0, withCrlf, 2, preamble.length);
            if (indexOf(withCrlf, delimiter, 0) < 0) {
                return preamble;
            }
        }
    }

    /** Random bytes full of near misses of the delimiter, never the delimiter itself. */
    private static byte[] content(Random random, String boundary, byte[] delimiter, int max) {
        while (true) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int pieces = random.nextInt(6) == 0 ? 0 : random.nextInt(8);
            for (int i = 0; i < pieces; i++) {
                out.writeBytes(nearMiss(random, boundary, delimiter, max));
            }
            byte[] content = out.toByteArray();
            if (indexOf(content, delimiter, 0) < 0) {
                return content;
            }
        }
    }

    private static byte[] nearMiss(Random random, String boundary, byte[] delimiter, int max) {
        return switch (random.nextInt(9)) {
            case 0 -> bytes(random, random.nextInt(max));
            case 1 -> "\r".getBytes(StandardCharsets.US_ASCII);
            case 2 -> "\r\n".getBytes(StandardCharsets.US_ASCII);
            case 3 -> "\r\n-".getBytes(StandardCharsets.US_ASCII);
            case 4 -> Arrays.copyOf(delimiter, 1 + random.nextInt(delimiter.length - 1));
            case 5 -> {
                byte[] almost = delimiter.clone();
                almost[random.nextInt(almost.length)] ^= (byte) (1 + random.nextInt(255));
                yield almost;
            }
            case 6 -> ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
            case 7 -> ("\r\r\n--" + boundary).substring(0, 4).getBytes(StandardCharsets.US_ASCII);
            default -> (boundary + "--").getBytes(StandardCharsets.US_ASCII);
        };
    }

    private static byte[] mutate(Random random, byte[] body, String boundary) {
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] mutated = body;
        for (int n = 1 + random.nextInt(3); n > 0 && mutated.length > 0; n--) {
            int at = random.nextInt(mutated.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(mutated, 0, at);
            switch (random.nextInt(4)) {
                case 0 -> out.write(mutated[at] ^ (1 + random.nextInt(255)));
                case 1 -> {}
                case 2 -> {
                    out.writeBytes(
                            random.nextBoolean()
                                    ? delimiter
                                    : nearMiss(random, boundary, delimiter, 8));
                    out.write(mutated[at]);
                }
                default -> out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write(mutated, at + 1, mutated.length - at - 1);
            mutated = out.toByteArray();
        }
        return mutated;
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static List<Integer> randomChunks(Random random, int length) {
        List<Integer> chunks = new ArrayList<>();
        for (int left = length; left > 0; ) {
            int size = Math.min(left, 1 + random.nextInt(random.nextBoolean() ? 8 : 200));
            chunks.add(size);
            left -= size;
        }
        return chunks;
    }

    private static List<Integer> ones(int length) {
        return Collections.nCopies(length, 1);
    }

    // ------------------------------------------------------------------ the parser under test

    /** Feeds the chunks as heap slices at an offset or as direct buffers, as the network may. */
    private static String parse(Generated body, List<Integer> chunks, Random random) {
        Recorder recorder = new Recorder();
        try {
            MultipartStream stream =
                    new MultipartStream(
                            "multipart/form-data; boundary=\"" + body.boundary + "\"",
                            recorder,
                            1000,
                            1 << 20);
            int at = 0;
            for (int size : chunks) {
                stream.feed(chunk(body.bytes, at, size, random));
                at += size;
            }
            stream.end();
        } catch (MalformedMultipartException e) {
            return "malformed";
        }
        return describe(recorder.parts);
    }

    private static Buffer chunk(byte[] bytes, int at, int size, Random random) {
        if (random.nextInt(4) == 0) {
            ByteBuffer direct = ByteBuffer.allocateDirect(size).put(bytes, at, size).flip();
            return Buffer.buffer(Unpooled.wrappedBuffer(direct));
        }
        int pad = random.nextInt(5);
        byte[] padded = new byte[pad + size + pad];
        Arrays.fill(padded, (byte) '\r');
        System.arraycopy(bytes, at, padded, pad, size);
        return Buffer.buffer(padded).slice(pad, pad + size);
    }

    private static final class Recorder implements MultipartStream.Listener {
        final List<Part> parts = new ArrayList<>();
        private PartHeaders headers;
        private ByteArrayOutputStream content;

        @Override
        public void partStarted(PartHeaders part) {
            headers = part;
            content = new ByteArrayOutputStream();
        }

        @Override
        public void partData(Buffer data) {
            assertThat(data.length()).isPositive();
            content.writeBytes(data.getBytes());
        }

        @Override
        public void partEnded() {
            parts.add(
                    new Part(
                            headers.name(),
                            headers.filename(),
                            headers.contentType(),
                            content.toByteArray()));
            headers = null;
        }
    }

    // ------------------------------------------------------------------ the reference

    /**
     * The framing of RFC 2046 read off the whole body: the body's start counts as a CRLF, each
     * delimiter is followed by anything up to a CRLF (or {@code --}, which closes the body), then
     * header lines up to an empty line, then content up to the next delimiter.
     */
    private static String reference(byte[] body, String boundary) {
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[body.length + 2];
        all[0] = '\r';
        all[1] = '\n';
        System.arraycopy(body, 0, all, 2, body.length);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(all, delimiter, 0);
        if (at < 0) {
            return "malformed";
        }
        at += delimiter.length;
        while (true) {
            int end = at + 1;
            while (end < all.length
                    && !pair(all, end - 1, '\r', '\n')
                    && !pair(all, end - 1, '-', '-')) {
                end++;
            }
            if (end >= all.length) {
                return "malformed";
            }
            if (all[end] == '-') {
                return parts.isEmpty() ? "malformed" : describe(parts);
            }
            int headersStart = end + 1;
            int headersEnd =
                    pair(all, headersStart, '\r', '\n')
                            ? headersStart + 2
                            : indexOf(
                                            all,
                                            "\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                                            headersStart)
                                    + 4;
            if (headersEnd < 4) {
                return "malformed";
            }
            byte[] block = Arrays.copyOfRange(all, headersStart, headersEnd);
            Map<String, String> fields;
            try {
                fields = PartHeaderFields.parse(block, block.length);
            } catch (MalformedMultipartException e) {
                return "malformed";
            }
            PartHeaders headers =
                    PartHeaders.of(
                            parts.size() + 1,
                            fields.get("content-disposition"),
                            fields.get("content-type"));
            if (fields.get("content-disposition") == null || headers.name() == null) {
                return "malformed";
            }
            int next = indexOf(all, delimiter, headersEnd);
            if (next < 0) {
                return "malformed";
            }
            parts.add(
                    new Part(
                            headers.name(),
                            headers.filename(),
                            headers.contentType(),
                            Arrays.copyOfRange(all, headersEnd, next)));
            at = next + delimiter.length;
        }
    }

    private static boolean pair(byte[] bytes, int at, char first, char second) {
        return at >= 0 && at + 1 < bytes.length && bytes[at] == first && bytes[at + 1] == second;
    }

    private static int indexOf(byte[] bytes, byte[] what, int from) {
        for (int i = from; i + what.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(List<Part> parts) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            text.append(part.name)
                    .append('|')
                    .append(part.filename)
                    .append('|')
                    .append(part.contentType)
                    .append('|')
                    .append(HexFormat.of().formatHex(part.content))
                    .append('\n');
        }
        return text.toString();
    }
}
