package dev.appinstances.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library would correct or hide: the exact
 * bytes sent, and every header of the answer as it came.
 */
public final class RawHttp {

    private RawHttp() {}

    /** One answer: its status, headers in order (name lower-cased), and body. */
    public record Answer(int status, List<String[]> headers, byte[] body) {

        public List<String> all(String name) {
            List<String> values = new ArrayList<>();
            for (String[] header : headers) {
                if (header[0].equals(name.toLowerCase(Locale.ROOT))) {
                    values.add(header[1]);
                }
            }
            return values;
        }

        public String header(String name) {
            List<String> values = all(name);
            return values.isEmpty() ? null : values.get(0);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends the request as given and reads one answer; null when the server closed unanswered. */
    public static Answer exchange(int port, byte[] request, boolean head) throws IOException {
        return exchange(port, request, head, false);
    }

    /**
     * Sends the request and then ends the sending half of the connection, as a client that has
     * nothing more to say: a request cut short is then not waited on until a timeout.
     */
    public static Answer exchangeAndHalfClose(int port, byte[] request, boolean head)
            throws IOException {
        return exchange(port, request, head, true);
    }

    private static Answer exchange(int port, byte[] request, boolean head, boolean halfClose)
            throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            return read(socket.getInputStream(), head);
        }
    }

    public static Answer exchange(int port, String request) throws IOException {
        return exchange(
                port, request.getBytes(StandardCharsets.ISO_8859_1), request.startsWith("HEAD"));
    }

    private static Answer read(InputStream in, boolean head) throws IOException {
        String statusLine;
        try {
            statusLine = line(in);
        } catch (SocketTimeoutException e) {
            return null;
        }
        if (statusLine == null) {
            return null;
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        List<String[]> headers = new ArrayList<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.add(
                    new String[] {
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim()
                    });
        }
        Answer bare = new Answer(status, headers, new byte[0]);
        if (head || status == 204 || status == 304) {
            return bare;
        }
        String length = bare.header("content-length");
        String encoding = bare.header("transfer-encoding");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (encoding != null && encoding.equalsIgnoreCase("chunked")) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
                    size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length)));
        } else {
            body.write(in.readAllBytes());
        }
        return new Answer(status, headers, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = line.toByteArray();
                int end =
                        bytes.length > 0 && bytes[bytes.length - 1] == '\r'
                                ? bytes.length - 1
                                : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
