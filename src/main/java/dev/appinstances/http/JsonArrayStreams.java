package dev.appinstances.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * A JSON array written as its items arrive, so that a long list never sits in memory whole. A
 * failure before the first item is an ordinary error response; one later can only cut the response
 * short (the status is already sent), which a client sees as malformed JSON.
 */
@ApplicationScoped
public class JsonArrayStreams {

    /** Items encoded into one chunk: fewer, fuller writes than one per item. */
    static final int ITEMS_PER_CHUNK = 64;

    private static final Map<String, List<String>> HEADERS =
            Map.of(HttpHeaders.CONTENT_TYPE, List.of(MediaType.APPLICATION_JSON));

    private final ObjectWriter writer;

    public JsonArrayStreams(ObjectMapper json) {
        this.writer = json.writer();
    }

    /** 200 with the array, once {@code items} is there; its failure is the error response. */
    public <T> RestMulti<Buffer> respond(Uni<Multi<T>> items) {
        return RestMulti.fromUniResponse(items, this::array, ignored -> HEADERS, ignored -> 200);
    }

    /**
     * Quarkus REST frames a stream it sends as {@code application/json} as an array itself, with
     * the brackets and a comma between chunks; each chunk carries the commas between its items.
     */
    <T> Multi<Buffer> array(Multi<T> items) {
        return items.group().intoLists().of(ITEMS_PER_CHUNK).map(this::encode);
    }

    private Buffer encode(List<?> chunk) {
        Buffer buffer = Buffer.buffer(chunk.size() * 256);
        for (Object item : chunk) {
            if (buffer.length() > 0) {
                buffer.appendByte((byte) ',');
            }
            buffer.appendBytes(bytes(item));
        }
        return buffer;
    }

    private byte[] bytes(Object item) {
        try {
            return writer.writeValueAsBytes(item);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
