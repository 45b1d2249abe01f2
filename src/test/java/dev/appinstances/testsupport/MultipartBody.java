package dev.appinstances.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds multipart/form-data bodies byte for byte, so tests control every header. */
public final class MultipartBody {

    public static final String BOUNDARY = "----test-boundary-7MA4YWxkTrZu0gW";

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    public MultipartBody json(String name, String json) {
        return part(name, null, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public MultipartBody part(String name, String filename, String contentType, byte[] content) {
        StringBuilder headers = new StringBuilder("--" + BOUNDARY + "\r\n");
        headers.append("Content-Disposition: form-data; name=\"").append(name).append('"');
        if (filename != null) {
            headers.append("; filename=\"").append(filename).append('"');
        }
        headers.append("\r\n");
        if (contentType != null) {
            headers.append("Content-Type: ").append(contentType).append("\r\n");
        }
        headers.append("\r\n");
        return raw(headers.toString()).raw(content).raw("\r\n");
    }

    public MultipartBody raw(String text) {
        return raw(text.getBytes(StandardCharsets.UTF_8));
    }

    public MultipartBody raw(byte[] bytes) {
        body.writeBytes(bytes);
        return this;
    }

    /** The body with its closing boundary. */
    public byte[] build() {
        return raw("--" + BOUNDARY + "--\r\n").body.toByteArray();
    }

    /** The body as it stands, without a closing boundary (a truncated upload). */
    public byte[] buildTruncated() {
        return body.toByteArray();
    }
}
