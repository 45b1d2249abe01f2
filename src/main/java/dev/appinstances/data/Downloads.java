package dev.appinstances.data;

import dev.appinstances.blob.BlobStore;
import dev.appinstances.instance.InstanceETags;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestMulti;

/** The bytes a {@link Download} describes, and the response that carries them. */
@ApplicationScoped
public class Downloads {

    private final BlobStore blobs;

    public Downloads(BlobStore blobs) {
        this.blobs = blobs;
    }

    /**
     * The download's response: its headers, 200 or 206, and the bytes streamed; 304 with only the
     * ETag when {@code If-None-Match} names the content the client already has (the ETag is the
     * content's hash, so it names the bytes, not a version of the element).
     */
    public RestMulti<Buffer> respond(Uni<Download> download, String ifNoneMatch) {
        return RestMulti.fromUniResponse(
                download.map(d -> new Answer(d, InstanceETags.matches(ifNoneMatch, d.etag()))),
                a -> a.notModified() ? Multi.createFrom().empty() : read(a.download()),
                a -> a.notModified() ? notModifiedHeaders(a.download()) : headers(a.download()),
                a -> a.notModified() ? 304 : a.download().partial() ? 206 : 200);
    }

    /** A download and whether the client's copy is current, decided once. */
    private record Answer(Download download, boolean notModified) {}

    private static Map<String, List<String>> notModifiedHeaders(Download download) {
        return Map.of(HttpHeaders.ETAG, List.of(download.etag()));
    }

    public Multi<Buffer> read(Download download) {
        if (download.body() != null) {
            return Multi.createFrom().item(Buffer.buffer(download.body()));
        }
        if (download.range().length() == 0) {
            return Multi.createFrom().empty();
        }
        return blobs.read(download.blobId(), download.range().start(), download.range().length());
    }

    private static Map<String, List<String>> headers(Download download) {
        var headers = new LinkedHashMap<String, List<String>>();
        headers.put(HttpHeaders.CONTENT_TYPE, List.of(download.contentType()));
        headers.put(HttpHeaders.CONTENT_LENGTH, List.of(Long.toString(download.range().length())));
        headers.put(HttpHeaders.ETAG, List.of(download.etag()));
        headers.put("Accept-Ranges", List.of(download.body() == null ? "bytes" : "none"));
        if (download.filename() != null) {
            headers.put(
                    "Content-Disposition",
                    List.of(
                            "attachment; filename=\""
                                    + asciiFallback(download.filename())
                                    + "\"; filename*=UTF-8''"
                                    + URLEncoder.encode(download.filename(), StandardCharsets.UTF_8)
                                            .replace("+", "%20")));
        }
        if (download.partial()) {
            headers.put(
                    "Content-Range",
                    List.of(
                            "bytes "
                                    + download.range().start()
                                    + "-"
                                    + download.range().end()
                                    + "/"
                                    + download.size()));
        }
        return headers;
    }

    /**
     * The plain {@code filename} for clients that do not read {@code filename*} (RFC 6266 4.3):
     * header values are ASCII, so anything else, and the quote and backslash, become '_'.
     */
    static String asciiFallback(String filename) {
        StringBuilder ascii = new StringBuilder(filename.length());
        filename.codePoints()
                .forEach(
                        c ->
                                ascii.append(
                                        c >= 0x20 && c < 0x7f && c != '"' && c != '\\'
                                                ? (char) c
                                                : '_'));
        return ascii.toString();
    }
}
