package dev.appinstances.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.appinstances.http.HttpLimits;
import dev.appinstances.http.JsonBodies;
import dev.appinstances.http.MediaTypes;
import dev.appinstances.http.RequestBody;
import dev.appinstances.instance.KeyValueEntry;
import dev.appinstances.problem.InvalidRequestException;
import dev.appinstances.problem.InvalidTagException;
import dev.appinstances.problem.UnsupportedContentTypeException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * The JSON bodies of the tag and user-defined metadata endpoints. As Altinn's {@code
 * [Consumes("application/json")]}: another Content-Type is 415, none at all is read as JSON.
 * Property names match ignoring case, as ASP.NET binds them.
 */
@ApplicationScoped
class ElementMetadataBodies {

    private final JsonBodies json;
    private final long maxJsonBodySize;

    ElementMetadataBodies(JsonBodies json, HttpLimits limits) {
        this.json = json;
        this.maxJsonBodySize = limits.maxJsonBodySize().asLongValue();
    }

    /** {@code "vedlegg"}: one tag, a JSON string; null for a JSON null or no body. */
    Uni<String> tag(RequestBody body) {
        return read(body)
                .map(
                        bytes -> {
                            JsonNode value = json.value(bytes, "The tag");
                            if (value == null || value.isNull()) {
                                return null;
                            }
                            if (!value.isTextual()) {
                                throw new InvalidTagException(
                                        "The body must be the tag as a JSON string, e.g."
                                                + " \"vedlegg\"; it is "
                                                + value.getNodeType()
                                                        .name()
                                                        .toLowerCase(Locale.ROOT));
                            }
                            return value.textValue();
                        });
    }

    /** {@code {"tags": [...]}}. */
    Uni<List<String>> tags(RequestBody body) {
        return read(body)
                .map(
                        bytes -> {
                            SetTagsRequest request =
                                    json.objectIgnoringCase(
                                            bytes, SetTagsRequest.class, "The tags body");
                            return required(request.tags(), "tags");
                        });
    }

    /** {@code {"userDefinedMetadata": [{"key": ..., "value": ...}]}}. */
    Uni<List<KeyValueEntry>> metadata(RequestBody body) {
        return read(body)
                .map(
                        bytes -> {
                            UserDefinedMetadataList request =
                                    json.objectIgnoringCase(
                                            bytes,
                                            UserDefinedMetadataList.class,
                                            "The user-defined metadata body");
                            return required(request.userDefinedMetadata(), "userDefinedMetadata");
                        });
    }

    private Uni<byte[]> read(RequestBody body) {
        String contentType = body.contentType();
        if (contentType != null && !MediaTypes.isJson(contentType)) {
            body.refuseUnread();
            throw new UnsupportedContentTypeException(
                    "The body must be application/json, not " + contentType);
        }
        return body.readAll(maxJsonBodySize);
    }

    private static <T> List<T> required(List<T> list, String field) {
        if (list == null) {
            throw new InvalidRequestException("Field '" + field + "' is required: a JSON array");
        }
        return list;
    }
}
